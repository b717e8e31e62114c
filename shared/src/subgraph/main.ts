import '../noTelemetry';
import { join } from 'node:path';
import { Database, servingStatementTimeoutMs } from '../db/database';
import { defaultDataDir, startEmbeddedPostgres, type EmbeddedPostgresServer } from '../db/embedded';
import { ensureDatabase } from '../db/admin';
import { DOMAINS, isDomainName } from '../domains';
import { domainDatabaseUrl, isProduction, listenHost, MissingProductionSetting, projectRoot, seedPeople } from '../env';
import { createLogger } from '../log';
import { trustedGatewayKeysFromEnv } from '../auth/trustedGatewayKeys';
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
    const seedOnly = process.env.GOVHUB_SEED_ONLY === '1';
    // Checked before any migration, so that a serving process missing its keys fails at once.
    const gatewayKeys = seedOnly ? null : await trustedGatewayKeysFromEnv();
    let url = domainDatabaseUrl(definition.name);
    // The embedded database keeps its files in the checkout: a production process writes nothing there.
    if (!url && isProduction()) throw new MissingProductionSetting('a database', `DATABASE_URL or ${definition.name.toUpperCase()}_DATABASE_URL`);
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
    if (!gatewayKeys) {
      process.send?.({ type: 'seeded', name: definition.name } satisfies SubgraphProcessMessage);
      await embedded?.stop();
      process.exit(0);
    }
    const db = new Database({ url, schema: definition.name, logger, statementTimeoutMs: servingStatementTimeoutMs() });
    const defaultPort = isDomainName(definition.name) ? DOMAINS[definition.name].port : 0;
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
