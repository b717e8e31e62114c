import { Client } from 'pg';
import { ensureDatabase } from '@govhub/shared';
import { CALLERS, startTestHub, type TestHub } from './support/hub';
import { startPrivatePostgres, type PrivatePostgres } from './support/privatePostgres';
import { until } from './support/until';

/**
 * PostgreSQL restarts under a running hub: on a server of this test's own (the shared test server must stay up),
 * the gateway stays up meanwhile, reports itself unready, and answers again by itself once the database is back,
 * listening again for agreement and registry changes.
 */
let postgres: PrivatePostgres;
let hub: TestHub;
let databaseUrl: string;
beforeAll(async () => {
  postgres = await startPrivatePostgres();
  databaseUrl = await ensureDatabase(postgres.url, 'govhub');
  hub = await startTestHub({ database: { url: databaseUrl, drop: async () => undefined } });
}, 120_000);
afterAll(async () => {
  await hub?.stop();
  await postgres?.close();
});

const DASHBOARD = '{ province(code: "56") { nameEn population waterSituation { floodStatus } businessCount } }';
const readiness = async () => {
  const response = await fetch(hub.url.replace('/graphql', '/readyz'));
  return {
    status: response.status,
    body: (await response.json()) as { checks: Record<string, boolean>; supergraph: { lastError: string | null } },
  };
};

/** The channels the gateway's database listeners are listening on. */
async function listening(): Promise<string[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ query: string }>(
      `SELECT query FROM pg_stat_activity WHERE application_name = 'govhub-listener' AND datname = current_database() ORDER BY query`,
    );
    return rows.map((row) => row.query);
  } finally {
    await client.end();
  }
}

it('survives a PostgreSQL restart: unready while it is down, answering again by itself, listening again', async () => {
  expect((await hub.query(DASHBOARD)).errors).toBeUndefined();
  expect(await listening()).toEqual(['LISTEN govhub_access_changed', 'LISTEN govhub_registry_changed']);

  await postgres.stop();
  const down = await hub.query(DASHBOARD);
  expect(down.status).toBeLessThan(500);
  expect(down.errors?.length).toBeGreaterThan(0);
  expect(await readiness()).toMatchObject({ status: 503, body: { checks: { supergraph: true, database: false } } });
  expect((await fetch(hub.url.replace('/graphql', '/healthz'))).status).toBe(200);
  // The registry's polling (every 5 s) notices, and the last good supergraph keeps serving.
  await until(async () => ((await readiness()).body.supergraph.lastError ? true : undefined), 8_000);

  await postgres.start();
  const restarted = Date.now();
  const answer = await until(async () => {
    const response = await hub.query(DASHBOARD);
    return response.errors === undefined ? response : undefined;
  }, 10_000);
  expect(answer.data?.province).toMatchObject({ nameEn: 'Phayao', population: expect.any(Number) });
  const answeredAfter = Date.now() - restarted;
  expect(await readiness()).toMatchObject({ status: 200, body: { checks: { database: true } } });
  // The registry's next poll clears its error: the live supergraph is the registry's again.
  await until(async () => ((await readiness()).body.supergraph.lastError === null ? true : undefined), 8_000);

  // Listening again: a consent given now reaches the gateway by NOTIFY, long before its 30 s reload.
  await until(async () => ((await listening()).length === 2 ? true : undefined), 10_000);
  const BUAKHAM = '5601200333441';
  const tat = await hub.as({ ...CALLERS.tatNoAgreement, purpose: 'TOURISM_LICENSING' });
  const readName = () => hub.query('query ($id: ID!) { person(nationalId: $id) { firstNameTh } }', { id: BUAKHAM }, tat);
  expect((await readName()).data?.person).toBeNull();
  const granted = await hub.query(
    'mutation { grantConsent(agencyCode: "TAT", purpose: "TOURISM_LICENSING", datasets: ["dopa.civil-registry"]) { id } }',
    {},
    await hub.as(CALLERS.citizen(BUAKHAM)),
  );
  expect(granted.errors).toBeUndefined();
  const consentSeen = Date.now();
  await until(async () => ((await readName()).data?.person ? true : undefined), 3_000);
  console.info(`answered again ${answeredAfter} ms after PostgreSQL restarted; a consent took effect in ${Date.now() - consentSeen} ms`);
}, 60_000);
