import '../noTelemetry';
import { join } from 'node:path';
import { Database, servingStatementTimeoutMs } from '../db/database';
import { defaultDataDir, startEmbeddedPostgres, type EmbeddedPostgresServer } from '../db/embedded';
import { ensureDatabase } from '../db/admin';
import { DOMAINS, isDomainName } from '../domains';
import { domainDatabaseUrl, listenHost, projectRoot, seedPeople } from '../env';
import { createLogger } from '../log';
import { loadOrCreateSigningKey } from '../auth/keys';
import { FORWARDED_IDENTITY_ALGORITHM } from '../auth/forwarded';
import type { JSONWebKeySet } from 'jose';
import type { SubgraphDefinition } from './definition';
import { prepareDomainDatabase, startSubgraph } from './server';
import { applyConfiguration } from '../config/load';
import { drainDelayMsFromEnv } from '../http/drain';

/** Messages a subgraph process sends to the process that forked it (`npm start`). */
export type SubgraphProcessMessage =
  | { type: 'seeded'; name: string }
  | { type: 'ready'; name: string; url: string }
  | { type: 'failed'; name: string; error: string };

/**
 * Runs one subgraph as its own program (`npm start -w subgraphs/<name>`): its database (`<NAME>_DATABASE_URL`,
 * `DATABASE_URL`, or an embedded PostgreSQL of its own), migrations, seed, then HTTP on `PORT` or its default port.
 * `GOVHUB_SEED_ONLY=1` stops after seeding.
 */
export async function runSubgraphMain(definition: SubgraphDefinition): Promise<void> {
  applyConfiguration();
  const logger = createLogger(`subgraph-${definition.name}`, { domain: definition.name });
  let embedded: EmbeddedPostgresServer | undefined;
  try {
    let url = domainDatabaseUrl(definition.name);
    if (!url) {
      embedded = await startEmbeddedPostgres({
        dataDir: join(defaultDataDir(projectRoot()), `..`, `pgdata-${definition.name}`),
        logger,
        ownsSignals: true,
      });
      url = await ensureDatabase(embedded.url, 'govhub');
    }
    // Migrations and seeds may take long; serving may not (GOVHUB_DB_STATEMENT_TIMEOUT_MS).
    const setup = new Database({ url, schema: definition.name, logger });
    if (process.env.GOVHUB_SKIP_SEED !== '1') {
      await prepareDomainDatabase(definition, setup, { people: seedPeople(), logger });
    }
    await setup.close();
    if (process.env.GOVHUB_SEED_ONLY === '1') {
      process.send?.({ type: 'seeded', name: definition.name } satisfies SubgraphProcessMessage);
      await embedded?.stop();
      process.exit(0);
    }
    const db = new Database({ url, schema: definition.name, logger, statementTimeoutMs: servingStatementTimeoutMs() });
    const defaultPort = isDomainName(definition.name) ? DOMAINS[definition.name].port : 0;
    const gatewayKeys = await trustedGatewayKeys();
    const running = await startSubgraph(definition, { db, logger, gatewayKeys, port: Number(process.env.PORT ?? defaultPort), host: listenHost() });
    process.send?.({ type: 'ready', name: definition.name, url: running.url } satisfies SubgraphProcessMessage);
    const drainDelayMs = drainDelayMsFromEnv();
    const shutdown = async (signal: string) => {
      logger.info({ signal, drainDelayMs }, 'subgraph draining');
      await running.drain(drainDelayMs);
      await db.close();
      await embedded?.stop();
      process.exit(0);
    };
    process.once('SIGINT', () => void shutdown('SIGINT'));
    process.once('SIGTERM', () => void shutdown('SIGTERM'));
    // Forked by `npm start`: when that parent dies, even by SIGKILL, the IPC channel closes; do not outlive it.
    process.once('disconnect', () => void shutdown('parent exited'));
  } catch (error) {
    logger.error({ err: error }, 'subgraph failed to start');
    process.send?.({ type: 'failed', name: definition.name, error: String((error as Error).message ?? error) } satisfies SubgraphProcessMessage);
    await embedded?.stop();
    process.exit(1);
  }
}

/**
 * The gateway keys this subgraph trusts: `GOVHUB_GATEWAY_JWKS` (a JWKS, as an agency running its own subgraph
 * would be given), else the development hub's key in `.govhub/keys` (the same machine).
 */
async function trustedGatewayKeys(): Promise<JSONWebKeySet> {
  if (process.env.GOVHUB_GATEWAY_JWKS) return JSON.parse(process.env.GOVHUB_GATEWAY_JWKS) as JSONWebKeySet;
  const keysDir = process.env.GOVHUB_KEYS_DIR ?? join(projectRoot(), '.govhub', 'keys');
  const key = await loadOrCreateSigningKey(join(keysDir, 'gateway-identity.jwk.json'), FORWARDED_IDENTITY_ALGORITHM);
  return { keys: [key.publicJwk] };
}
