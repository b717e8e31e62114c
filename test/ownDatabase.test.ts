import { join } from 'node:path';
import { Client } from 'pg';
import { DEMO_PEOPLE } from '@govhub/shared';
import { askAudited, entriesOf } from './support/audited';
import { runGovhubCli } from './support/cli';
import { CALLERS, startTestHub, type TestHub } from './support/hub';
import { asRoleOf, closeToOtherRoles, createOwnDatabase, type OwnDatabase } from './support/ownDatabase';
import { scaffoldAndBuild, type ScaffoldedSubgraph } from './support/scaffolded';
import { until } from './support/until';

/**
 * Domains as agencies run them, each on a database of its own under a role of its own: the built-in citizen domain
 * and a scaffolded agency subgraph (`education`), while the hub (governance, the other domains, the gateway, the
 * exchange log) keeps its database, which neither role may open.
 */
let hub: TestHub;
let citizenDb: OwnDatabase;
let educationDb: OwnDatabase;
let scaffold: ScaffoldedSubgraph;
let education: Awaited<ReturnType<ScaffoldedSubgraph['start']>>;
const [SOMCHAI, BUAKHAM] = [DEMO_PEOPLE[0], DEMO_PEOPLE[1]];

beforeAll(async () => {
  [citizenDb, educationDb] = await Promise.all([createOwnDatabase('citizen'), createOwnDatabase('education')]);
  [hub, scaffold] = await Promise.all([startTestHub({ domainDatabases: { citizen: citizenDb.url } }), scaffoldAndBuild('education')]);
  await closeToOtherRoles(hub.databaseUrl);
  const gatewayJwks = await (await fetch(hub.url.replace('/graphql', '/.well-known/gateway-jwks.json'))).text();
  education = await scaffold.start({ DATABASE_URL: educationDb.url, GOVHUB_GATEWAY_JWKS: gatewayJwks, GOVHUB_SEED_PEOPLE: '20' });
}, 180_000);
afterAll(async () => {
  education?.process.kill('SIGTERM');
  scaffold?.remove();
  await hub?.stop();
  await Promise.all([citizenDb?.drop(), educationDb?.drop()]);
});

/** The error PostgreSQL gives `role`'s connection to `databaseUrl`, or null when the connection and a query succeed. */
async function refusalOf(roleUrl: string, databaseUrl: string): Promise<string | null> {
  const client = new Client({ connectionString: asRoleOf(roleUrl, databaseUrl) });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT count(*) FROM governance.exchange_log');
    return null;
  } catch (error) {
    return (error as Error).message;
  } finally {
    await client.end().catch(() => undefined);
  }
}

it("keeps each domain's data in its own database, whose role cannot open the hub's", async () => {
  expect(await refusalOf(citizenDb.url, hub.databaseUrl)).toMatch(/permission denied for database/);
  expect(await refusalOf(educationDb.url, hub.databaseUrl)).toMatch(/permission denied for database/);
  // Each role owns its database alone: the agency's cannot read the citizen domain's, nor the other way round.
  const reader = new Client({ connectionString: asRoleOf(educationDb.url, citizenDb.url) });
  reader.on('error', () => undefined);
  await reader.connect();
  await expect(reader.query('SELECT count(*) FROM citizen.person')).rejects.toThrow(/permission denied for schema citizen/);
  await reader.end();
  const [inHub] = await hub.subgraphs.governance.db.query<{ citizen: string | null }>("SELECT to_regclass('citizen.person')::text AS citizen");
  expect(inHub.citizen).toBeNull();
  const [inOwn] = await hub.subgraphs.citizen.db.query<{ people: string }>('SELECT count(*) AS people FROM citizen.person');
  expect(Number(inOwn.people)).toBeGreaterThan(0);
});

it("releases a citizen's record under their consent across databases, and logs it in the hub's exchange log", async () => {
  const tat = await hub.as({ ...CALLERS.tatNoAgreement, purpose: 'TOURISM_LICENSING' });
  const citizen = await hub.as(CALLERS.citizen(BUAKHAM.nationalId));
  const granted = await hub.query(
    'mutation { grantConsent(agencyCode: "TAT", purpose: "TOURISM_LICENSING", datasets: ["dopa.civil-registry"]) { id } }',
    {},
    citizen,
  );
  expect(granted.errors).toBeUndefined();
  const read = () => askAudited(hub, 'query ($id: ID!) { person(nationalId: $id) { firstNameTh } }', { id: BUAKHAM.nationalId }, tat);
  const answer = await until(async () => {
    const attempt = await read();
    return attempt.data?.person ? attempt : undefined;
  }, 2_000);
  expect(answer.data).toEqual({ person: { firstNameTh: BUAKHAM.firstNameTh } });
  expect(await entriesOf(hub, answer.requestId)).toEqual([
    expect.objectContaining({ subject: BUAKHAM.nationalId, dataset: 'dopa.civil-registry', basis: 'consent', agreementId: null }),
  ]);
});

it('serves a scaffolded agency subgraph on its own database, published with the CLI, across domains', async () => {
  const token = (await hub.as({ agency: 'OBEC', sub: 'obec-officer', scope: ['agency', 'registry:publish'] })).authorization.replace('Bearer ', '');
  const published = await runGovhubCli(
    ['subgraph', 'publish', '--name', 'education', '--schema', join(scaffold.dir, 'schema.graphql'), '--routing-url', education.url],
    { GOVHUB_URL: hub.url.replace('/graphql', ''), GOVHUB_TOKEN: token },
  );
  expect(published).toMatchObject({ code: 0 });
  const province = await until(async () => {
    const { data } = await hub.query('{ province(code: "56") { nameEn educationValue } }');
    return data?.province?.educationValue === undefined ? undefined : data.province;
  }, 5_000);
  expect(province).toEqual({ nameEn: 'Phayao', educationValue: expect.any(Number) });

  // A citizen's own record joins the citizen domain's database and the agency's, and is logged in the hub's.
  const me = await askAudited(hub, '{ me { firstNameTh educationRecord } }', {}, await hub.as(CALLERS.citizen(SOMCHAI.nationalId)));
  expect(me.errors).toBeUndefined();
  expect(me.data).toEqual({ me: { firstNameTh: SOMCHAI.firstNameTh, educationRecord: expect.any(Number) } });
  const datasets = (await entriesOf(hub, me.requestId)).map((entry) => [entry.dataset, entry.basis, entry.subject]);
  expect(datasets).toEqual(
    expect.arrayContaining([
      ['dopa.civil-registry', 'self', SOMCHAI.nationalId],
      [expect.stringMatching(/education/), 'self', SOMCHAI.nationalId],
    ]),
  );
}, 60_000);
