import { CompositionError, composeSupergraph, isProduction, type SubgraphSource } from '@govhub/shared';
import type { RegisteredSubgraph } from './registry';
import { routingUrlProblem } from './routingUrl';

export interface CheckIssue {
  code: string;
  message: string;
}

export interface CheckResult {
  ok: boolean;
  errors: CheckIssue[];
}

/** Hosts a routing URL may name although restricted: `GOVHUB_ALLOWED_SUBGRAPH_HOSTS`, plus loopback in development. */
export function allowedSubgraphHosts(env: NodeJS.ProcessEnv = process.env): string[] {
  const listed = (env.GOVHUB_ALLOWED_SUBGRAPH_HOSTS ?? '').split(',').map((host) => host.trim().toLowerCase()).filter(Boolean);
  return isProduction() ? listed : [...listed, '127.0.0.1', 'localhost', '::1'];
}

/**
 * What a publish must pass (check runs the same): a routing URL the gateway may call, and composition with every
 * other registered subgraph, which includes the hub's classification rules. Nothing is stored when one fails.
 */
export function checkPublication(candidate: SubgraphSource, registered: readonly RegisteredSubgraph[], allowedHosts: readonly string[]): CheckResult {
  const errors: CheckIssue[] = [];
  const urlProblem = routingUrlProblem(candidate.url, allowedHosts);
  if (urlProblem) errors.push({ code: 'ROUTING_URL', message: `routing URL: ${urlProblem}` });
  try {
    composeSupergraph([...registered.filter((subgraph) => subgraph.name !== candidate.name), candidate]);
  } catch (error) {
    if (!(error instanceof CompositionError)) throw error;
    errors.push(...error.issues.map(({ code, message }) => ({ code, message })));
  }
  return { ok: errors.length === 0, errors };
}
