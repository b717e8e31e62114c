import '../noTelemetry';
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import {
  applyConfiguration,
  createLogger,
  DEMO_PEOPLE,
  DOMAIN_NAMES,
  DOMAINS,
  defaultDataDir,
  ensureDatabase,
  projectRoot,
  seedPeople,
  startEmbeddedPostgres,
  type DomainName,
  type EmbeddedPostgresServer,
  type SubgraphProcessMessage,
} from '@govhub/shared';
import { keysDir } from '../auth/devKeys';
import { identityKeyFromEnv } from '../auth/gatewayProcessKeys';
import type { RunningGateway } from '../server';
import { listenAddressFromEnv, startGatewayProcess } from './gatewayProcess';
import { builtInSubgraphs } from '../supergraph/builtInSubgraphs';

/**
 * `npm start`: the whole hub on one machine. Embedded PostgreSQL (unless DATABASE_URL is set), then every domain
 * subgraph as its own process (each migrates and seeds its own schema), then the gateway. Ctrl-C stops them all.
 *   --seed-only        migrate and seed, then exit
 *   --people N         size of the synthetic population (default 3,000; 1000000 for scale tests)
 * GOVHUB_SUBGRAPH_PORTS=auto gives subgraphs free ports instead of 4001-4008; GOVHUB_DATA_DIR moves the database.
 */
const logger = createLogger('govhub');

interface Options {
  seedOnly: boolean;
  people: number;
}

function parseOptions(argv: string[]): Options {
  const peopleAt = argv.indexOf('--people');
  if (peopleAt >= 0) process.env.GOVHUB_SEED_PEOPLE = argv[peopleAt + 1];
  return { seedOnly: argv.includes('--seed-only'), people: seedPeople() };
}

async function main(): Promise<void> {
  const started = Date.now();
  try {
    applyConfiguration();
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(2);
  }
  const options = parseOptions(process.argv.slice(2));
  const root = projectRoot();
  const children = new Map<DomainName, ChildProcess>();
  let embedded: EmbeddedPostgresServer | undefined;
  let gateway: RunningGateway | undefined;
  let stopping = false;

  const stop = async (code: number): Promise<never> => {
    stopping = true;
    await gateway?.stop().catch(() => undefined);
    await Promise.all([...children.values()].map(stopChild));
    await embedded?.stop().catch(() => undefined);
    process.exit(code);
  };
  process.once('SIGINT', () => void stop(0));
  process.once('SIGTERM', () => void stop(0));

  try {
    let databaseUrl = process.env.DATABASE_URL;
    if (!databaseUrl) {
      embedded = await startEmbeddedPostgres({ dataDir: process.env.GOVHUB_DATA_DIR ?? defaultDataDir(root), logger, ownsSignals: true });
      databaseUrl = await ensureDatabase(embedded.url, 'govhub');
    }
    const identityKey = await identityKeyFromEnv(keysDir());
    logger.info({ people: options.people }, `starting ${DOMAIN_NAMES.length} subgraphs (migrate, seed, serve)`);
    const urls = Object.fromEntries(
      await Promise.all(
        DOMAIN_NAMES.map(async (name) => {
          const child = fork(join(root, 'subgraphs', name, 'dist', 'main.js'), [], {
            env: {
              ...process.env,
              DATABASE_URL: databaseUrl,
              PORT: process.env.GOVHUB_SUBGRAPH_PORTS === 'auto' ? '0' : String(DOMAINS[name].port),
              GOVHUB_SEED_ONLY: options.seedOnly ? '1' : '0',
              GOVHUB_GATEWAY_JWKS: JSON.stringify({ keys: [identityKey.publicJwk] }),
            },
          });
          children.set(name, child);
          const url = await childReady(name, child);
          child.on('exit', (code, signal) => {
            if (!stopping && !options.seedOnly)
              logger.error({ domain: name, code, signal }, `subgraph ${name} exited; its fields answer with errors until it is back`);
          });
          return [name, url] as const;
        }),
      ),
    );
    if (options.seedOnly) {
      logger.info({ ms: Date.now() - started }, 'every domain migrated and seeded');
      return await stop(0);
    }
    // The same gateway as `govhub gateway`, on the subgraphs started here; its keys stay in this checkout's .govhub.
    gateway = await startGatewayProcess({
      subgraphs: builtInSubgraphs(urls),
      databaseUrl,
      ...listenAddressFromEnv(),
      keysDir: keysDir(),
      logger,
      identityKey,
    });
    printBanner(gateway.url, Date.now() - started);
  } catch (error) {
    logger.error({ err: error }, 'govhub failed to start');
    await stop(1);
  }
}

function childReady(name: DomainName, child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    child.on('message', (message: SubgraphProcessMessage) => {
      if (message.type === 'ready') resolve(message.url);
      if (message.type === 'seeded') resolve('');
      if (message.type === 'failed') reject(new Error(`subgraph ${name} failed: ${message.error}`));
    });
    child.once('exit', (code) => reject(new Error(`subgraph ${name} exited with code ${code} before it was ready`)));
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

function printBanner(url: string, ms: number): void {
  const demo = DEMO_PEOPLE.map((p) => `    ${p.nationalId}  ${p.titleTh}${p.firstNameTh} ${p.lastNameTh} (province ${p.provinceCode})`);
  process.stdout.write(
    [
      '',
      `  govhub is ready in ${(ms / 1000).toFixed(1)} s: ${url}`,
      `  The citizen app: ${url.replace(/\/graphql$/, '/app/')}`,
      '',
      '  Demo citizens:',
      ...demo,
      '',
      `  Try: curl -s ${url} -H 'content-type: application/json' \\`,
      `         -d '{"query":"{ province(code: \\"56\\") { nameEn population waterSituation { floodStatus } activeWarnings { hazard severity } businessCount } }"}'`,
      '',
      '  Press Ctrl-C to stop every process and the database.',
      '',
    ].join('\n'),
  );
}

void main();
