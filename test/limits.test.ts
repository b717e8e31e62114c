import { getIntrospectionQuery } from 'graphql';
import { createLogger, createSigningKey, DOMAIN_NAMES, FORWARDED_IDENTITY_ALGORITHM, readSubgraphSdl } from '@govhub/shared';
import { startHubGateway, type RunningGateway } from '@govhub/gateway';
import { DEFINITIONS, startTestHub, type TestHub } from './support/hub';

/** graphql-cop style probes against the whole hub: each is a clean 4xx with its code, and the hub goes on serving. */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
}, 120_000);
afterAll(() => hub?.stop());

interface Answer {
  status: number;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
  data?: Record<string, any> | null;
  extensions?: Record<string, any>;
}

async function post(body: string, url = hub.url): Promise<Answer> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  return { status: response.status, ...((await response.json()) as Omit<Answer, 'status'>) };
}

const DASHBOARD = '{ province(code: "84") { nameEn waterSituation { floodStatus } activeWarnings { hazard } } }';

/** Refused with `status` and an error carrying `code` (and these extensions), before any subgraph was asked. */
async function expectRefused(answer: Answer | Promise<Answer>, status: number, code: string, extensions: Record<string, unknown> = {}) {
  const statementsBefore = hub.statementCount();
  const { status: actualStatus, errors, data } = await answer;
  expect({ status: actualStatus, data }).toEqual({ status, data: undefined });
  expect(errors).toEqual(expect.arrayContaining([expect.objectContaining({ extensions: expect.objectContaining({ code, ...extensions }) })]));
  expect(errors!.length).toBeLessThanOrEqual(10);
  expect(JSON.stringify(errors)).not.toMatch(/Internal server error|INTERNAL_SERVER_ERROR/);
  expect(hub.statementCount()).toBe(statementsBefore);
  const after = await hub.query(DASHBOARD);
  expect(after.errors).toBeUndefined();
  expect(after.data?.province.nameEn).toBe('Surat Thani');
}

const repeat = (count: number, piece: (i: number) => string, separator = ' ') => Array.from({ length: count }, (_, i) => piece(i)).join(separator);

it('answers a normal query with its cost in extensions.cost', async () => {
  const { status, data, errors, extensions } = await hub.query(DASHBOARD);
  expect(errors).toBeUndefined();
  expect(status).toBe(200);
  expect(data?.province.nameEn).toBe('Surat Thani');
  // province 1 + waterSituation 1 + activeWarnings (a list, no size argument: 10) x 1
  expect(extensions?.cost).toEqual({ requested: 12, limit: 5_000 });
});

it('refuses 101 __typename aliases', async () => {
  await expectRefused(hub.query(`query cop { ${repeat(101, (i) => `alias${i}:__typename`)} }`), 400, 'TOO_MANY_ALIASES', { limit: 30, actual: 101 });
});

it('refuses a batch of 10 while batching is off', async () => {
  const batch = JSON.stringify(Array.from({ length: 10 }, () => ({ query: 'query cop { __typename }' })));
  await expectRefused(post(batch), 400, 'BATCH_TOO_LARGE', { limit: 0, actual: 10 });
});

it('refuses 500 duplicate fields: at the root, and inside an object', async () => {
  await expectRefused(hub.query(`query cop { ${repeat(500, () => '__typename', '\n')} }`), 400, 'TOO_MANY_ROOT_FIELDS', { limit: 20, actual: 500 });
  await expectRefused(hub.query(`{ province(code: "10") { ${repeat(500, () => 'nameTh')} } }`), 400, 'TOO_MANY_FIELDS', { limit: 500, actual: 501 });
});

it('refuses unknown directives, and six directives on one field', async () => {
  await expectRefused(hub.query('query cop { __typename @aa }'), 400, 'GRAPHQL_VALIDATION_FAILED');
  await expectRefused(hub.query(`query cop { __typename ${repeat(10, () => '@aa', '')} }`), 400, 'TOO_MANY_DIRECTIVES', { limit: 5, actual: 10 });
  const six = repeat(3, () => '@include(if: true) @skip(if: false)');
  await expectRefused(hub.query(`{ province(code: "10") { nameTh ${six} } }`), 400, 'TOO_MANY_DIRECTIVES', { limit: 5, actual: 6 });
});

it("serves the IDE's introspection query and refuses circular introspection", async () => {
  const introspection = await hub.query(getIntrospectionQuery());
  expect(introspection.errors).toBeUndefined();
  expect(introspection.data?.__schema.types.length).toBeGreaterThan(50);
  const circular = `query cop { __schema { types { fields { type { fields { type { fields { type { fields { type { name } } } } } } } } } } }`;
  await expectRefused(hub.query(circular), 400, 'OPERATION_TOO_DEEP');
});

it('answers an oversized body (2 MB) with 413', async () => {
  const body = JSON.stringify({ query: DASHBOARD, variables: { padding: 'x'.repeat(2 * 1024 * 1024) } });
  await expectRefused(post(body), 413, 'PAYLOAD_TOO_LARGE', { limit: 1024 * 1024 });
});

it('refuses a 20,000-character document before parsing it', async () => {
  const query = '{ province(code: "10") { nameTh } }'.padEnd(20_000);
  await expectRefused(hub.query(query), 400, 'DOCUMENT_TOO_LARGE', { limit: 15_000, actual: 20_000 });
});

it('serves a query 12 deep and refuses one 13 deep', async () => {
  // province > businesses > province > ...: the schema's own cycle between governance and business
  const query = (depth: number) => {
    const objects = Array.from({ length: depth - 2 }, (_, i) => (i % 2 === 0 ? 'businesses(first: 1)' : 'province'));
    const leaf = objects.length % 2 === 0 ? 'code' : 'juristicId';
    return `{ province(code: "10") { ${objects.map((field) => `${field} { `).join('')}${leaf}${' }'.repeat(objects.length)} } }`;
  };
  const twelve = await hub.query(query(12));
  expect(twelve.errors).toBeUndefined();
  expect(twelve.data?.province).toBeDefined();
  await expectRefused(hub.query(query(13)), 400, 'OPERATION_TOO_DEEP', { limit: 12, actual: 13 });
});

it('refuses 21 root fields', async () => {
  await expectRefused(hub.query(`{ ${repeat(21, (i) => `p${i}: province(code: "10") { code }`)} }`), 400, 'TOO_MANY_ROOT_FIELDS', {
    limit: 20,
    actual: 21,
  });
});

it('refuses first: 1000 as a literal and as a variable, before planning', async () => {
  await expectRefused(hub.query('{ province(code: "10") { businesses(first: 1000) { juristicId } } }'), 400, 'BAD_USER_INPUT', {
    reason: 'PAGE_SIZE',
  });
  await expectRefused(hub.query('query ($n: Int) { businesses(first: $n) { juristicId } }', { n: 1000 }), 400, 'BAD_USER_INPUT', {
    reason: 'PAGE_SIZE',
    argumentName: 'first',
  });
});

it('refuses an operation over the cost limit, with its cost', async () => {
  // provinces (77, the governance subgraph's @listSize) x (1 + businesses (100) x (1 + province 1))
  const expensive = hub.query('{ provinces { businesses(first: 100) { juristicId province { code } } } }');
  await expectRefused(expensive, 400, 'OPERATION_TOO_COSTLY', { limit: 5_000, actual: 15_477 });
  expect((await expensive).extensions?.cost).toEqual({ requested: 15_477, limit: 5_000 });
});

describe('with batching turned on', () => {
  let gateway: RunningGateway;
  beforeAll(async () => {
    const [identityKey, devKey] = await Promise.all([createSigningKey(FORWARDED_IDENTITY_ALGORITHM), createSigningKey()]);
    gateway = await startHubGateway({
      subgraphs: DOMAIN_NAMES.map((name) => ({ name, url: hub.subgraphs[name].url, sdl: readSubgraphSdl(DEFINITIONS[name]) })),
      port: 0,
      logger: createLogger('limits-test-gateway'),
      identityKey,
      devKey,
      limits: { batch: 10 },
    });
  }, 60_000);
  afterAll(() => gateway?.stop());

  it('runs a batch of 10 and refuses 11', async () => {
    const batch = (count: number) => JSON.stringify(Array.from({ length: count }, () => ({ query: '{ __typename }' })));
    const response = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: batch(10) });
    expect(response.status).toBe(200);
    const answers = (await response.json()) as Answer[];
    expect(answers).toHaveLength(10);
    expect(answers[0]).toEqual({ data: { __typename: 'Query' }, extensions: { cost: { requested: 0, limit: 5_000 } } });
    const refused = await post(batch(11), gateway.url);
    expect(refused.status).toBe(400);
    expect(refused.errors?.[0].extensions).toEqual({ code: 'BATCH_TOO_LARGE', limit: 10, actual: 11 });
  });
});
