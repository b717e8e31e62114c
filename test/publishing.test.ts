import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { print } from 'graphql';
import * as ts from 'typescript';
import { DEMO_PEOPLE, projectRoot } from '@govhub/shared';
import { runGovhubCli } from './support/cli';
import { startTestHub, type TestHub } from './support/hub';
import { scaffoldAndBuild, type ScaffoldedSubgraph } from './support/scaffolded';
import { until } from './support/until';

/**
 * An agency's whole path, as it would take it: scaffold a subgraph (`education`, extending Province and Person),
 * build and run it as its own program against the hub's database, publish it with the CLI, and query it across
 * domains through the running gateway; then the checks that protect other agencies' consumers, a rollback, and an
 * app developer's typed client generated from the live API schema.
 */
let hub: TestHub;
let scaffold: ScaffoldedSubgraph;
let education: Awaited<ReturnType<ScaffoldedSubgraph['start']>>;
let schemaFile: string;
const SOMCHAI = DEMO_PEOPLE[0].nationalId;

beforeAll(async () => {
  // Polling every 10 minutes: a publish or a rollback goes live by the registry's NOTIFY alone.
  hub = await startTestHub({ fallbackPollMs: { supergraph: 600_000 } });
  scaffold = await scaffoldAndBuild('education');
  const gatewayJwks = await (await fetch(hub.url.replace('/graphql', '/.well-known/gateway-jwks.json'))).text();
  education = await scaffold.start({ DATABASE_URL: hub.databaseUrl, GOVHUB_GATEWAY_JWKS: gatewayJwks, GOVHUB_SEED_PEOPLE: '20' });
  schemaFile = join(scaffold.dir, 'schema.graphql');
}, 180_000);
afterAll(async () => {
  education?.process.kill('SIGTERM');
  scaffold?.remove();
  await hub?.stop();
});

const base = () => hub.url.replace('/graphql', '');
const tokenOf = async (agency: string) =>
  (await hub.as({ agency, sub: `${agency.toLowerCase()}-officer`, scope: ['agency', 'registry:publish'] })).authorization.replace('Bearer ', '');
const subgraphCli = async (agency: string, ...args: string[]) =>
  runGovhubCli(['subgraph', ...args, '--format', 'json'], { GOVHUB_URL: base(), GOVHUB_TOKEN: await tokenOf(agency) });
const publish = (agency: string, sdl: string) => {
  const file = join(scaffold.dir, `candidate-${Date.now()}.graphql`);
  writeFileSync(file, sdl);
  return subgraphCli(agency, 'publish', '--name', 'education', '--schema', file, '--routing-url', education.url);
};
const versions = async () => JSON.parse((await subgraphCli('OBEC', 'history', 'education')).stdout).versions as { version: number }[];
const withField = (field: string) =>
  readFileSync(schemaFile, 'utf8').replace(
    '  educationValue: Int @classified(level: PUBLIC)\n',
    `  educationValue: Int @classified(level: PUBLIC)\n  ${field}\n`,
  );

it("passes the scaffold's own tests, as the agency runs them", async () => {
  const { code, output } = await scaffold.test();
  expect({ code, passed: /Tests:\s+2 passed, 2 total/.test(output) }).toEqual({ code: 0, passed: true });
}, 60_000);

it('publishes a scaffolded subgraph with the CLI and serves it across domains within 5 seconds, without a restart', async () => {
  const started = Date.now();
  const published = await subgraphCli('OBEC', 'publish', '--name', 'education', '--schema', schemaFile, '--routing-url', education.url);
  expect({ code: published.code, result: JSON.parse(published.stdout) }).toMatchObject({ code: 0, result: { ok: true, version: 1 } });
  const province = await until(async () => {
    const { data } = await hub.query('{ province(code: "56") { nameEn educationValue } }');
    return data?.province?.educationValue === undefined ? undefined : data.province;
  }, 5_000);
  console.info(`publish to live (CLI publish, NOTIFY, new query plan): ${Date.now() - started} ms`);
  const [stored] = await hub.subgraphs.governance.db.query<{ value: number }>(`SELECT value FROM education.province_value WHERE province_code = $1`, [
    '56',
  ]);
  expect(province).toEqual({ nameEn: 'Phayao', educationValue: stored.value });
  const docs = await (await fetch(`${base()}/docs/education/`)).text();
  expect(docs).toContain('id="Province.educationValue"');
  expect(docs).toContain('Published by: Office of the Basic Education Commission');

  // The hub's authorization covers the new subgraph at once: its PERSONAL field goes to the person themself only.
  const me = await hub.query('{ me { firstNameTh educationRecord } }', {}, await hub.as({ sub: SOMCHAI, scope: ['citizen:self'] }));
  expect(me.errors).toBeUndefined();
  expect(me.data?.me).toEqual({ firstNameTh: DEMO_PEOPLE[0].firstNameTh, educationRecord: expect.any(Number) });
  const stranger = await hub.query(
    `{ person(nationalId: "${SOMCHAI}") { educationRecord } }`,
    {},
    await hub.as({ agency: 'TAT', sub: 'tat-1', purpose: 'WELFARE_ELIGIBILITY', scope: ['agency', 'personal:read'] }),
  );
  expect(stranger.data?.person).toBeNull();
  expect(stranger.errors?.[0].extensions?.code).toBe('UNAUTHORIZED_FIELD_OR_TYPE');
}, 30_000);

it('refuses a breaking change that a served operation uses, and changes nothing', async () => {
  const { data } = await hub.query('query SchoolDashboard { province(code: "10") { educationValue } }');
  expect(data?.province.educationValue).toEqual(expect.any(Number));
  await until(async () => {
    const rows = await hub.subgraphs.governance.db.query(`SELECT 1 FROM governance.operation_usage WHERE operation_name = $1`, ['SchoolDashboard']);
    return rows.length > 0 ? true : undefined;
  }, 10_000);
  const before = await versions();
  const withoutValue = readFileSync(schemaFile, 'utf8').replace(
    / {2}"An example figure per province \(synthetic\)."\n {2}educationValue: Int @classified\(level: PUBLIC\)\n/,
    '',
  );
  const refused = await publish('OBEC', withoutValue);
  expect(refused.code).toBe(1);
  expect(JSON.parse(refused.stdout).errors).toEqual([
    expect.objectContaining({ code: 'BREAKING_CHANGE_IN_USE', message: expect.stringContaining('SchoolDashboard') }),
  ]);
  expect(await versions()).toEqual(before);
  expect((await hub.query('query SchoolDashboard { province(code: "10") { educationValue } }')).errors).toBeUndefined();
}, 20_000);

it('refuses an unclassified field, a SECRET field and another agency', async () => {
  const before = await versions();
  const unclassified = await publish('OBEC', withField('teacherCount: Int'));
  expect(JSON.parse(unclassified.stdout).errors).toEqual([
    expect.objectContaining({ code: 'UNCLASSIFIED_FIELD', message: expect.stringContaining('Province.teacherCount') }),
  ]);
  const secret = await publish('OBEC', withField('schoolSecurityPlan: String @classified(level: SECRET, dataset: "obec.security-plans")'));
  expect(JSON.parse(secret.stdout).errors).toEqual([expect.objectContaining({ code: 'SECRET_OUTSIDE_SECURITY' })]);
  const stranger = await publish('TAT', withField('schoolCount: Int @classified(level: PUBLIC)'));
  expect(stranger.code).toBe(1);
  expect(JSON.parse(stranger.stdout).errors[0]).toMatchObject({ message: 'subgraph education belongs to OBEC', extensions: { code: 'FORBIDDEN' } });
  expect([unclassified.code, secret.code]).toEqual([1, 1]);
  expect(await versions()).toEqual(before);
});

it('rolls back to an earlier version, live within 5 seconds', async () => {
  const added = await publish('OBEC', withField('"Schools in the province (synthetic)."\n  schoolCount: Int @classified(level: PUBLIC)'));
  expect(JSON.parse(added.stdout)).toMatchObject({ ok: true, version: 2 });
  const liveSchema = async () => (await fetch(`${base()}/schema.graphql`)).text();
  await until(async () => ((await liveSchema()).includes('schoolCount') ? true : undefined), 5_000);

  const started = Date.now();
  const rollback = await subgraphCli('OBEC', 'rollback', 'education', '--to', '1');
  expect(JSON.parse(rollback.stdout)).toMatchObject({ rolledBackTo: 1, version: 3 });
  const gone = await until(async () => {
    const { errors } = await hub.query('{ province(code: "10") { schoolCount } }');
    return errors?.[0].extensions?.code === 'GRAPHQL_VALIDATION_FAILED' ? errors[0] : undefined;
  }, 5_000);
  console.info(`rollback to live: ${Date.now() - started} ms`);
  expect(gone.message).toContain('schoolCount');
  expect(await liveSchema()).not.toContain('schoolCount');
  expect((await versions()).map((version) => version.version)).toEqual([3, 2, 1]);
});

describe('npx govhub codegen', () => {
  let app: string;
  beforeAll(() => {
    // Inside the repository, so the generated file resolves @graphql-typed-document-node/core as an app's would.
    app = mkdtempSync(join(projectRoot(), '.govhub', 'app-'));
    mkdirSync(join(app, 'src', 'queries'), { recursive: true });
  });
  afterAll(() => rmSync(app, { recursive: true, force: true }));
  const codegen = (...documents: string[]) =>
    runGovhubCli(['codegen', ...documents.flatMap((glob) => ['--documents', glob]), '--out', 'src/generated.ts'], { GOVHUB_URL: base() }, app);
  const compile = (source: string) => {
    writeFileSync(join(app, 'src', 'app.ts'), source);
    const program = ts.createProgram([join(app, 'src', 'app.ts')], {
      strict: true,
      noEmit: true,
      module: ts.ModuleKind.Node16,
      moduleResolution: ts.ModuleResolutionKind.Node16,
      target: ts.ScriptTarget.ES2022,
      skipLibCheck: true,
    });
    return ts.getPreEmitDiagnostics(program).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
  };

  it("types an app's operations against the live API schema, published subgraphs included", async () => {
    writeFileSync(
      join(app, 'src', 'queries', 'schools.graphql'),
      `
query ProvinceSchools($code: ID!) {
  province(code: $code) { nameEn region educationValue }
}`,
    );
    const generated = await codegen('src/**/*.graphql');
    expect(generated).toMatchObject({ code: 0, stdout: expect.stringContaining('1 operations from 1 documents') });

    expect(
      compile(`
import { ProvinceSchoolsDocument, type ProvinceSchoolsQuery, type ProvinceSchoolsQueryVariables } from './generated';
import type { ResultOf, VariablesOf } from '@graphql-typed-document-node/core';
const variables: VariablesOf<typeof ProvinceSchoolsDocument> = { code: '10' };
const result: ResultOf<typeof ProvinceSchoolsDocument> = { province: { nameEn: 'Bangkok', region: 'CENTRAL', educationValue: null } };
const same: [ProvinceSchoolsQuery, ProvinceSchoolsQueryVariables] = [result, variables];
export { same };
`),
    ).toEqual([]);
    const mistakes = compile(`
import { ProvinceSchoolsDocument } from './generated';
import type { ResultOf, VariablesOf } from '@graphql-typed-document-node/core';
const variables: VariablesOf<typeof ProvinceSchoolsDocument> = {};
declare const result: ResultOf<typeof ProvinceSchoolsDocument>;
export const count: number = result.province?.schoolCount;
export { variables };
`);
    expect(mistakes).toEqual([
      expect.stringContaining("Property 'code' is missing"),
      expect.stringContaining("Property 'schoolCount' does not exist"),
    ]);

    // The typed document is the operation itself: sent to the hub, it answers in the shape the types describe.
    const { ProvinceSchoolsDocument } = await import(join(app, 'src', 'generated.ts'));
    const { data, errors } = await hub.query(print(ProvinceSchoolsDocument), { code: '50' });
    expect(errors).toBeUndefined();
    expect(data?.province).toEqual({ nameEn: 'Chiang Mai', region: expect.any(String), educationValue: expect.any(Number) });
  }, 30_000);

  it('refuses a document that does not match the schema, with its file and line, and writes nothing', async () => {
    writeFileSync(join(app, 'src', 'queries', 'broken.graphql'), 'query Broken {\n  province(code: "10") { nameEn schoolCount }\n}\n');
    const before = readFileSync(join(app, 'src', 'generated.ts'), 'utf8');
    const result = await codegen('src/**/*.graphql');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('src/queries/broken.graphql:2:33: Cannot query field "schoolCount" on type "Province"');
    expect(readFileSync(join(app, 'src', 'generated.ts'), 'utf8')).toBe(before);
  });
});
