import { governance } from '@govhub/subgraph-governance';
import { createLogger, Database, freePort, startSubgraph, type RunningSubgraph } from '@govhub/shared';
import { asGateway, postGraphQL, testGatewayKey, useTestSubgraph } from '@govhub/shared/dist/testing';
import { startPrivatePostgres, type PrivatePostgres } from './support/privatePostgres';
import { startSubgraphChild } from './support/subgraphChild';
import { until } from './support/until';

const PROVINCE = { query: 'query Province { province(code: "56") { nameEn } }', variables: {} };

let databaseUrl = '';
const subgraph = useTestSubgraph(governance, { beforeStart: async (url) => void (databaseUrl = url) });
const base = () => subgraph.url.replace(/\/$/, '');

/** A subgraph on `url` that was never migrated: enough for its probes, which only ping the database. */
async function probedSubgraph(url: string): Promise<{ running: RunningSubgraph; db: Database }> {
  const logger = createLogger('probes');
  const db = new Database({ url, schema: 'governance', logger });
  const running = await startSubgraph(governance, { db, logger, gatewayKeys: { keys: [(await testGatewayKey()).publicJwk] } });
  return { running, db };
}

const readiness = async (url: string) => {
  const response = await fetch(new URL('/readyz', url));
  return { status: response.status, body: await response.json() };
};

/** The value of the sample of `name` whose labels include `labels`, in Prometheus text (labels in any order). */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^(\w+)\{(.*)\} (\S+)$/.exec(line);
    if (match?.[1] !== name) continue;
    const found = Object.fromEntries([...match[2].matchAll(/(\w+)="([^"]*)"/g)].map(([, key, value]) => [key, value]));
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) return Number(match[3]);
  }
  return undefined;
}

describe('a subgraph process can be probed and scraped without an identity', () => {
  it('answers /healthz and /readyz, while /graphql still refuses what the gateway did not sign', async () => {
    expect(await (await fetch(`${base()}/healthz`)).json()).toEqual({ status: 'ok' });
    expect(await readiness(subgraph.url)).toEqual({ status: 200, body: { status: 'ready', checks: { database: true } } });
    for (const path of ['/', '/graphql']) {
      const refused = await fetch(`${base()}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(PROVINCE),
      });
      expect(refused.status).toBe(401);
      expect((await refused.json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    const signed = await postGraphQL(`${base()}/graphql`, PROVINCE.query, {}, await asGateway('governance', PROVINCE));
    expect(signed.data).toEqual({ province: { nameEn: 'Phayao' } });
  });

  it('exports requests by operation and outcome, errors by code, the database pool and the process', async () => {
    await subgraph.query(PROVINCE.query);
    const response = await fetch(`${base()}/metrics`);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    const domain = 'governance';
    expect(sample(text, 'govhub_subgraph_requests_total', { operation: 'Province', outcome: 'ok', domain })).toBeGreaterThan(0);
    expect(sample(text, 'govhub_subgraph_requests_total', { operation: 'unidentified', outcome: 'error', domain })).toBeGreaterThan(0);
    expect(sample(text, 'govhub_subgraph_graphql_errors_total', { code: 'UNAUTHENTICATED', domain })).toBeGreaterThan(0);
    expect(sample(text, 'govhub_subgraph_request_duration_seconds_count', { operation: 'Province', outcome: 'ok', domain })).toBeGreaterThan(0);
    expect(sample(text, 'govhub_db_pool_clients', { state: 'total', domain })).toBeGreaterThan(0);
    expect(text).toContain('govhub_process_resident_memory_bytes');
    expect(text).toContain('govhub_nodejs_eventloop_lag_seconds');
  });

  it('is not ready, naming the database, when nothing listens where its database should be', async () => {
    const { running, db } = await probedSubgraph(`postgresql://postgres@127.0.0.1:${await freePort()}/govhub`);
    try {
      expect(await readiness(running.url)).toEqual({ status: 503, body: { status: 'not ready', checks: { database: false } } });
      expect((await fetch(new URL('/healthz', running.url))).status).toBe(200);
    } finally {
      await running.stop();
      await db.close();
    }
  });

  describe('with a database server that stops and starts again', () => {
    let postgres: PrivatePostgres;
    beforeAll(async () => {
      postgres = await startPrivatePostgres();
    });
    afterAll(() => postgres.close());

    it('goes 503 while the database is stopped and ready again once it is back', async () => {
      const { running, db } = await probedSubgraph(postgres.url);
      try {
        expect((await readiness(running.url)).status).toBe(200);
        await postgres.stop();
        expect(await readiness(running.url)).toEqual({ status: 503, body: { status: 'not ready', checks: { database: false } } });
        await postgres.start();
        await until(async () => ((await readiness(running.url)).status === 200 ? true : undefined), 5_000);
      } finally {
        await running.stop();
        await db.close();
      }
    });
  });

  it('drains on SIGTERM: /readyz 503 first, requests still answered, then it exits 0', async () => {
    const key = await testGatewayKey();
    const child = startSubgraphChild('governance', ['--no-migrate'], {
      DATABASE_URL: databaseUrl,
      GOVHUB_GATEWAY_JWKS: JSON.stringify({ keys: [key.publicJwk] }),
      GOVHUB_DRAIN_DELAY_MS: '1500',
    });
    const url = await child.listening();
    expect((await readiness(url)).status).toBe(200);

    child.process.kill('SIGTERM');
    await until(async () => ((await readiness(url)).status === 503 ? true : undefined), 1_000);
    expect((await readiness(url)).body).toEqual({ status: 'draining' });
    const served = await postGraphQL(`${url}graphql`, PROVINCE.query, {}, await asGateway('governance', PROVINCE));
    expect(served.data).toEqual({ province: { nameEn: 'Phayao' } });
    expect(await child.exited).toBe(0);
    await expect(fetch(new URL('/healthz', url))).rejects.toThrow();
  });
});
