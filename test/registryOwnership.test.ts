import { startTestHub, type TestHub } from './support/hub';

/**
 * The registry owns fields, not only subgraph names: an agency holding registry:publish cannot take, shadow or pull
 * another agency's fields through the real admin API, and two agencies racing for one new name cannot both win.
 */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
}, 120_000);
afterAll(async () => {
  await hub?.stop();
});

const URL_OF_CANDIDATE = 'http://127.0.0.1:4999/graphql';
const HEADER = `
extend schema
  @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@external", "@requires", "@override", "@composeDirective"])
  @link(url: "https://govhub.go.th/spec/classification/v0.1", import: ["@classified"])
  @composeDirective(name: "@classified")
directive @classified(level: Classification!, dataset: String) on FIELD_DEFINITION
enum Classification { PUBLIC INTERNAL PERSONAL SENSITIVE SECRET }
enum HealthScheme { UCS SSS CSMBS LOCAL_GOVERNMENT STATE_ENTERPRISE }
`;
const PERSON = (fields: string) => `${HEADER}
"A person of the civil registry."
type Person @key(fields: "nationalId") {
  "The 13-digit national ID."
  nationalId: ID! @classified(level: PERSONAL, dataset: "dopa.civil-registry")
  ${fields}
}`;
const TAKE_OVER = `${PERSON('')}
type Query {
  "Answers for the civil registry, from the attacker's subgraph."
  person(nationalId: ID!): Person @override(from: "citizen") @classified(level: PERSONAL, dataset: "dopa.civil-registry")
}`;
const REQUIRES_HEALTH = `${PERSON(`healthCoverage: HealthCoverage @external @classified(level: SENSITIVE, dataset: "nhso.health-coverage")
  "A discount computed from the health scheme."
  discount: Int @requires(fields: "healthCoverage { scheme }") @classified(level: PERSONAL, dataset: "tat.discounts")`)}
type HealthCoverage { scheme: HealthScheme! @external @classified(level: SENSITIVE, dataset: "nhso.health-coverage") }`;

const publisher = (agency: string) => hub.as({ agency, sub: `${agency.toLowerCase()}-officer`, scope: ['agency', 'registry:publish'] });
const admin = async (path: string, headers: Record<string, string>, body?: object) => {
  const response = await fetch(hub.url.replace('/graphql', `/admin/subgraphs${path}`), {
    method: body ? 'POST' : 'GET',
    headers: { 'content-type': 'application/json', ...headers },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
};
const codes = (body: Record<string, any>) => (body.errors as { code: string }[]).map((error) => error.code);

it('refuses taking Query.person from the citizen subgraph with @override, in check and publish, and stores nothing', async () => {
  const check = await admin('/tat-people/check', await publisher('TAT'), { url: URL_OF_CANDIDATE, sdl: TAKE_OVER });
  expect(check.body.ok).toBe(false);
  expect(codes(check.body)).toEqual(['FIELD_OWNED_BY_OTHER_AGENCY', 'OVERRIDE_ACROSS_OWNERS']);
  expect(check.body.errors[0].message).toContain('Query.person is owned by DOPA (subgraph citizen)');
  const publish = await admin('/tat-people/publish', await publisher('TAT'), { url: URL_OF_CANDIDATE, sdl: TAKE_OVER });
  expect(publish.status).toBe(422);
  expect(codes(publish.body)).toEqual(['FIELD_OWNED_BY_OTHER_AGENCY', 'OVERRIDE_ACROSS_OWNERS']);
  expect((await admin('/tat-people/history', await publisher('TAT'))).status).toBe(404);
  const { data } = await hub.query('{ __type(name: "Query") { fields { name } } }');
  expect(data?.__type.fields.map((field: { name: string }) => field.name)).toContain('person');
});

describe("a @requires of another owner's SENSITIVE field", () => {
  const insertAgreement = async (id: string, dates: { approved: string | null; signed: string | null; until: string | null }) => {
    const db = hub.subgraphs.governance.db;
    await db.query(
      `INSERT INTO governance.agreement (id, provider_code, consumer_code, approved_on, signed_on, valid_until, synthetic)
       VALUES ($1, 'NHSO', 'TAT', $2::date, $3::date, $4::date, true)`,
      [id, dates.approved, dates.signed, dates.until],
    );
    await db.query(`INSERT INTO governance.agreement_dataset (agreement_id, dataset_id) VALUES ($1, 'nhso.health-coverage')`, [id]);
  };
  const checkRequires = async () => admin('/tat-discounts/check', await publisher('TAT'), { url: URL_OF_CANDIDATE, sdl: REQUIRES_HEALTH });

  it('is refused without an agreement, naming the field, its owner and the agreement it needs', async () => {
    const result = await checkRequires();
    expect(codes(result.body)).toEqual(['REQUIRES_FIELD_NOT_READABLE', 'REQUIRES_FIELD_NOT_READABLE']);
    expect(result.body.errors[0].message).toMatch(
      /Person\.discount @requires selects Person\.healthCoverage, SENSITIVE \(nhso\.health-coverage\), owned by DOPA.*naming nhso\.health-coverage with TAT as consumer/,
    );
  });

  it('is still refused under an expired or a draft (neither approved nor signed) agreement', async () => {
    await insertAgreement('TEST-EXPIRED', { approved: '2019-01-01', signed: '2019-02-01', until: '2020-12-31' });
    await insertAgreement('TEST-DRAFT', { approved: null, signed: null, until: null });
    expect(codes((await checkRequires()).body)).toEqual(['REQUIRES_FIELD_NOT_READABLE', 'REQUIRES_FIELD_NOT_READABLE']);
  });

  it('passes under a valid agreement naming the dataset with the publisher as consumer', async () => {
    await insertAgreement('TEST-SIGNED', { approved: '2024-01-01', signed: null, until: null });
    expect((await checkRequires()).body).toMatchObject({ ok: true, errors: [] });
  });
});

it("refuses a field below its dataset's catalogue class and a dataset of another agency, from the real catalogue", async () => {
  const sdl = `${HEADER}\ntype Query { "Counts of the welfare register." welfareCount: Int @classified(level: PUBLIC, dataset: "cgd.low-income-register") }`;
  const result = await admin('/tat-cover/check', await publisher('TAT'), { url: URL_OF_CANDIDATE, sdl });
  expect(result.body.errors).toEqual([
    {
      code: 'CLASSIFICATION_BELOW_CATALOGUE',
      message: expect.stringContaining(
        'Query.welfareCount (owned by TAT) is PUBLIC, but its dataset cgd.low-income-register (owned by CGD) is SENSITIVE',
      ),
    },
    { code: 'DATASET_NOT_OWNED', message: expect.stringContaining('names dataset cgd.low-income-register, owned by CGD') },
  ]);
});

it('gives a new name to one of two agencies publishing it at once: the other gets 403 and nothing of it is stored', async () => {
  const candidate = (agency: string) => `${HEADER}\ntype Query { "Contested (${agency})." contestedFigure: Int @classified(level: PUBLIC) }`;
  const [obec, tat] = await Promise.all([
    admin('/contested/publish', await publisher('OBEC'), { url: URL_OF_CANDIDATE, sdl: candidate('OBEC') }),
    admin('/contested/publish', await publisher('TAT'), { url: URL_OF_CANDIDATE, sdl: candidate('TAT') }),
  ]);
  expect([obec.status, tat.status].sort()).toEqual([201, 403]);
  const [winner, loser] = obec.status === 201 ? ['OBEC', tat] : ['TAT', obec];
  expect(loser.body.errors[0]).toMatchObject({ message: `subgraph contested belongs to ${winner}`, extensions: { code: 'FORBIDDEN' } });
  const stored = await hub.subgraphs.governance.db.query<{ owner: string; version: number; sdl: string }>(
    `SELECT s.owner_code AS owner, v.version, v.sdl FROM governance.subgraph s JOIN governance.subgraph_version v ON v.name = s.name
      WHERE s.name = $1`,
    ['contested'],
  );
  expect(stored).toEqual([{ owner: winner, version: 1, sdl: candidate(winner) }]);
});
