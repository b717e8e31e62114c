import '../noTelemetry';
import {
  CLASSIFICATIONS,
  createLogger,
  GATEWAY_PORT,
  listenHost,
  type Classification,
  type Logger,
  type SigningKey,
  type SubgraphSource,
} from '@govhub/shared';
import { devSigningKey } from '../auth/devKeys';
import { gatewayKeysDirFromEnv, identityKeyFromEnv } from '../auth/gatewayProcessKeys';
import { authConfigFromEnv } from '../config';
import { startHubGateway, type RunningGateway } from '../server';
import type { ExecutorKind } from '../executor/config';

export interface GatewayProcessOptions {
  /** A composed supergraph file, served and followed as it changes. */
  supergraphFile?: string;
  /** The level of every field without `@classified`; without it a supergraph with such a field is refused. */
  defaultClassification?: Classification;
  /** Without a supergraph file: the registry's supergraph. Without a database, no personal data is released. */
  databaseUrl?: string;
  /** Subgraphs to register as built-ins (`npm start`'s, which it started itself). */
  subgraphs?: readonly SubgraphSource[];
  port: number;
  host: string;
  /** Where development keys are kept (default: `gatewayKeysDirFromEnv`). */
  keysDir?: string;
  /** The forwarded-identity key, when the caller already holds it (`npm start` gives its public half to its subgraphs). */
  identityKey?: SigningKey;
  logger?: Logger;
  /** Which executor runs the query plans (default: `GOVHUB_EXECUTOR`, else stock). */
  executor?: ExecutorKind;
}

/**
 * The gateway as a process of its own, on any supergraph: a file (another organisation's, a benchmark's), the
 * registry, or the subgraphs `npm start` started. Its keys come from the environment, never from inside the
 * installed code; everything that needs a database is off without one.
 */
export async function startGatewayProcess(options: GatewayProcessOptions): Promise<RunningGateway> {
  const logger = options.logger ?? createLogger('gateway');
  if (!options.supergraphFile && !options.databaseUrl && !options.subgraphs?.length) {
    throw new Error("the gateway needs a supergraph: --supergraph FILE, or DATABASE_URL to serve the registry's");
  }
  const keysDir = options.keysDir ?? gatewayKeysDirFromEnv();
  // Read first: production without the identity provider's keys is refused before any key is looked for.
  const tokenKeys = authConfigFromEnv().keys;
  const identityKey = options.identityKey ?? (await identityKeyFromEnv(keysDir));
  // With an identity provider's keys (GOVHUB_JWKS_FILE or _URL) there is no development key at all.
  const devKey = tokenKeys ? undefined : await devSigningKey(keysDir);
  return startHubGateway({
    subgraphs: options.subgraphs,
    supergraphFile: options.supergraphFile,
    defaultClassification: options.defaultClassification,
    databaseUrl: options.databaseUrl,
    port: options.port,
    host: options.host,
    logger,
    identityKey,
    devKey,
    executor: options.executor,
  });
}

/** The gateway's address from `PORT` and `HOST` (default 4000 on 127.0.0.1: nothing beyond this machine). */
export function listenAddressFromEnv(env: NodeJS.ProcessEnv = process.env): { port: number; host: string } {
  return { port: portNumber(env.PORT ?? String(GATEWAY_PORT), 'PORT'), host: listenHost(env) };
}

export function portNumber(value: string, name: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`${name} must be a port number (0 for any free one), not "${value}"`);
  return port;
}

export function classificationLevel(value: string): Classification {
  if (!(CLASSIFICATIONS as readonly string[]).includes(value))
    throw new Error(`--default-classification must be one of ${CLASSIFICATIONS.join(', ')}, not "${value}"`);
  return value as Classification;
}

/** Resolves on the first SIGINT or SIGTERM: the process then drains the gateway itself (it does not stop on its own). */
export function untilTerminated(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
}
