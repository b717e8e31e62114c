import { diff, CriticalityLevel } from '@graphql-inspector/core';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { CompositionError, composeSupergraph, isProduction, type SubgraphSource } from '@govhub/shared';
import type { RegisteredSubgraph } from './registry';
import type { CatalogueView } from './catalogue';
import { datasetIssues } from './datasetRules';
import { FieldOwners } from './fieldOwners';
import { lintGovernance } from './lint';
import { fieldOwnershipIssues, overrideIssues } from './ownership';
import { readabilityIssues } from './readability';
import { resolvedRoutingUrlProblem, type HostLookup } from './routingUrl';
import { subgraphModel } from './subgraphModel';
import { supergraphIssues } from './supergraphLint';
import type { OperationUsage } from './usage';

export interface CheckIssue {
  code: string;
  message: string;
}

export interface CheckResult {
  ok: boolean;
  errors: CheckIssue[];
  warnings: CheckIssue[];
}

/** Hosts a routing URL may name although restricted: `GOVHUB_ALLOWED_SUBGRAPH_HOSTS`, plus loopback in development. */
export function allowedSubgraphHosts(env: NodeJS.ProcessEnv = process.env): string[] {
  const listed = (env.GOVHUB_ALLOWED_SUBGRAPH_HOSTS ?? '')
    .split(',')
    .map((host) => host.trim().toLowerCase())
    .filter(Boolean);
  return isProduction() ? listed : [...listed, '127.0.0.1', 'localhost', '::1'];
}

export interface CheckContext {
  /** The registry's current subgraphs. */
  registered: readonly RegisteredSubgraph[];
  /** The agency that owns (or, for a new name, will own) the candidate, and whether it is a security agreement party. */
  owner: { agency: string; securityParty: boolean };
  allowedHosts: readonly string[];
  usage: OperationUsage | null;
  /** The catalogue's view of the datasets involved and the owner's agreements. */
  catalogue: CatalogueView;
  /** How routing URL host names are resolved (default: the system resolver). */
  lookup?: HostLookup;
}

/**
 * What a publish must pass (check runs the same): a routing URL the gateway may call, its host name resolved; field
 * ownership (no other agency's field defined, overridden, re-classified or pulled through a selection without an
 * agreement; datasets the owner's, classified at least at their catalogue class); the hub's governance lint
 * (SECRET fields, documented entity keys); composition with every other registered subgraph, which includes the
 * classification rules, and the lint of the composed supergraph (every field classified, none lowered); and no
 * breaking change (graphql-inspector, against the current version) to a field that
 * an operation served in the last 30 days uses. A breaking change nobody uses is a warning. Nothing is stored when
 * a check fails.
 */
export async function checkPublication(
  candidate: SubgraphSource,
  { registered, owner, allowedHosts, usage, catalogue, lookup }: CheckContext,
): Promise<CheckResult> {
  const errors: CheckIssue[] = [];
  const warnings: CheckIssue[] = [];
  const urlProblem = await resolvedRoutingUrlProblem(candidate.url, allowedHosts, lookup);
  if (urlProblem) errors.push({ code: 'ROUTING_URL', message: `routing URL: ${urlProblem}` });
  const owners = new FieldOwners(registered, candidate.name);
  errors.push(...ownershipIssues(candidate, registered, owners, owner.agency, catalogue));
  try {
    const { supergraphSdl } = composeSupergraph([...registered.filter((subgraph) => subgraph.name !== candidate.name), candidate]);
    errors.push(...lintGovernance(candidate, registered, owner));
    const ownersOf = (coordinate: string) => {
      const others = owners.ownersOf(coordinate);
      return others.length ? others : [`${owner.agency} (subgraph ${candidate.name})`];
    };
    errors.push(...supergraphIssues(supergraphSdl, registered, ownersOf));
  } catch (error) {
    if (!(error instanceof CompositionError)) throw error;
    errors.push(...error.issues.map(({ code, message }) => ({ code, message })));
  }
  const current = registered.find((subgraph) => subgraph.name === candidate.name);
  if (current && errors.length === 0) {
    const breaking = (await diff(subgraphSchema(current.sdl), subgraphSchema(candidate.sdl))).filter(
      (change) => change.criticality.level === CriticalityLevel.Breaking && change.path,
    );
    const inUse = usage ? await usage.using(breaking.map((change) => change.path as string)) : new Map<string, string[]>();
    for (const change of breaking) {
      const operations = inUse.get(change.path as string);
      if (operations) errors.push({ code: 'BREAKING_CHANGE_IN_USE', message: `${change.message}; used by ${operations.join(', ')}` });
      else warnings.push({ code: 'BREAKING_CHANGE', message: `${change.message} (no operation served in the last 30 days uses it)` });
    }
  }
  return { ok: errors.length === 0, errors, warnings };
}

/** The ownership rules, judged on the candidate as composition reads it (an invalid subgraph fails composition). */
function ownershipIssues(
  candidate: SubgraphSource,
  registered: readonly RegisteredSubgraph[],
  owners: FieldOwners,
  publisher: string,
  catalogue: CatalogueView,
): CheckIssue[] {
  const model = subgraphModel(candidate);
  if (!model) return [];
  const current = registered.find((subgraph) => subgraph.name === candidate.name);
  return [
    ...fieldOwnershipIssues(model, owners, publisher),
    ...overrideIssues(model, registered, publisher),
    ...readabilityIssues(model, owners, publisher, catalogue),
    ...datasetIssues(model, current ? subgraphModel(current) : null, owners, publisher, catalogue),
  ];
}

function subgraphSchema(sdl: string) {
  return buildSubgraphSchema({ typeDefs: parse(sdl) });
}
