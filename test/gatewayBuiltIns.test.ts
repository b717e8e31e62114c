import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createLogger, Database, DOMAINS, DOMAIN_NAMES, prepareDomainDatabase } from '@govhub/shared';
import { createTestDatabase, type TestDatabase } from '@govhub/shared/dist/testing';
import { startGatewayChild, type GatewayChild } from './support/gatewayChild';
import { DEFINITIONS } from './support/hub';

/**
 * `govhub gateway` on the registry with `GOVHUB_SUBGRAPH_URL_<NAME>`, as a cluster runs it: the built-in domains
 * are registered at the given routing URLs at start (so a fresh database gets a supergraph without a publish),
 * and a restart with the same URLs adds no version. Composition needs no running subgraph, only the hub's own
 * governance schema (the registry, agreements, the exchange log), migrated as the migrate Job would.
 */
let database: TestDatabase;
let dir: string;

beforeAll(async () => {
  database = await createTestDatabase('builtins');
  const db = new Database({ url: database.url, schema: 'governance', logger: createLogger('test') });
  await prepareDomainDatabase(DEFINITIONS.governance, db, { people: 0, logger: createLogger('test') });
  await db.close();
  dir = await mkdtemp(join(tmpdir(), 'govhub-builtins-'));
  await chmod(dir, 0o755);
}, 60_000);
afterAll(async () => {
  await database?.drop();
  await rm(dir, { recursive: true, force: true });
});

/** Each domain's Service in a cluster's namespace, as deploy/base names them. */
const routingUrls = () => Object.fromEntries(DOMAIN_NAMES.map((name) => [name, `http://subgraph-${name}:${DOMAINS[name].port}/graphql`]));

async function runGatewayOnce(): Promise<Record<string, unknown>> {
  const urls = Object.entries(routingUrls()).map(([name, url]) => [`GOVHUB_SUBGRAPH_URL_${name.toUpperCase()}`, url]);
  const child: GatewayChild = startGatewayChild(['--port', '0'], {
    DATABASE_URL: database.url,
    GOVHUB_DATA_DIR: join(dir, 'data'),
    ...Object.fromEntries(urls),
  });
  try {
    const url = await child.listening;
    return (await (await fetch(url.replace(/\/graphql$/, '/readyz'))).json()) as Record<string, unknown>;
  } finally {
    await child.kill();
  }
}

async function registered(): Promise<{ name: string; url: string; versions: number }[]> {
  const client = new Client({ connectionString: database.url });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT s.name, v.routing_url AS url, (SELECT count(*)::int FROM governance.subgraph_version h WHERE h.name = s.name) AS versions
         FROM governance.subgraph s JOIN governance.subgraph_version v ON v.name = s.name AND v.version = s.current_version
        ORDER BY s.name`,
    );
    return rows;
  } finally {
    await client.end();
  }
}

it('registers every built-in domain at its GOVHUB_SUBGRAPH_URL_<NAME> and serves the supergraph; a restart adds no version', async () => {
  expect(await runGatewayOnce()).toMatchObject({ status: 'ready', checks: { supergraph: true, database: true } });
  const expected = Object.entries(routingUrls())
    .map(([name, url]) => ({ name, url, versions: 1 }))
    .sort((a, b) => a.name.localeCompare(b.name));
  expect(await registered()).toEqual(expected);

  await runGatewayOnce();
  expect(await registered()).toEqual(expected);
}, 60_000);
