import {
  buildSchema,
  getNamedType,
  getNullableType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { CALLERS, startTestHub, type TestHub } from './support/hub';
import { ask, expectStockLike, type GatewayPair } from './support/differential';
import { overrideEnv } from './support/env';

/**
 * The lean executor against the stock one over the hub's own domains: operations generated over every root field,
 * asked by the demo callers of both a stock and a lean gateway on the same subgraphs and database. Answers must be
 * the same: data, authorization nulls and errors, release guards, and a domain that is down.
 */
let hub: TestHub;
let pair: Pick<GatewayPair, 'stock' | 'lean'>;
let schema: GraphQLSchema;
let restoreEnv: () => void = () => undefined;

beforeAll(async () => {
  restoreEnv = overrideEnv({ GOVHUB_LIMIT_COST: '1000000', GOVHUB_LIMIT_FIELDS: '5000', GOVHUB_LIMIT_ALIASES: '1000' });
  hub = await startTestHub({ executor: 'stock' });
  const lean = await hub.startGateway({ executor: 'lean' });
  pair = { stock: hub.gateway, lean };
  schema = buildSchema(await (await fetch(hub.url.replace(/\/graphql$/, '/schema.graphql'))).text());
}, 120_000);

afterAll(async () => {
  await hub?.stop();
  restoreEnv();
});

const SOMCHAI = '1101700203450';
const SURAT = '8410100555669';

const CALLER_LIST = [
  { name: 'anonymous', token: null },
  { name: 'citizen Somchai', token: CALLERS.citizen(SOMCHAI) },
  { name: 'DOPA welfare', token: CALLERS.dopaWelfare },
  { name: 'TAT, no agreement', token: CALLERS.tatNoAgreement },
  { name: 'NSC security', token: CALLERS.nscSecurity },
] as const;

/** Lists are asked for their first three items wherever a field takes `first`, so answers stay small. */
function argumentsOf(field: GraphQLField<unknown, unknown>): string {
  return field.args.some((arg) => arg.name === 'first') ? '(first: 3)' : '';
}

/** Every field below a type, to this depth: leaves, and objects without required arguments. */
function selectionOf(type: GraphQLNamedType, depth: number): string {
  if (!isObjectType(type)) return '__typename';
  const parts: string[] = ['__typename'];
  for (const field of Object.values(type.getFields())) {
    if (field.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined)) continue;
    const named = getNamedType(field.type);
    if (isLeafType(named)) parts.push(field.name);
    else if (depth > 0) parts.push(`${field.name}${argumentsOf(field)} { ${selectionOf(named, depth - 1)} }`);
  }
  return parts.join(' ');
}

/** The root fields without required arguments, a few to an operation; then entry points with known arguments. */
function operations(): string[] {
  const query = schema.getQueryType();
  if (!query) throw new Error('no Query type');
  const open = Object.values(query.getFields()).filter(
    (field) => !field.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined),
  );
  const chunks: string[] = [];
  for (let start = 0; start < open.length; start += 8) {
    const fields = open.slice(start, start + 8).map((field) => {
      const named = getNamedType(field.type);
      if (isLeafType(named)) return field.name;
      // A list without `first` (every province) gets its own fields only: below it, each item reaches every domain.
      const depth = isListType(getNullableType(field.type)) && !argumentsOf(field) ? 0 : 1;
      return `${field.name}${argumentsOf(field)} { ${selectionOf(named, depth)} }`;
    });
    chunks.push(`{ ${fields.join(' ')} }`);
  }
  const person = selectionOf(schema.getType('Person') as GraphQLNamedType, 2);
  return [
    ...chunks,
    `{ me { ${person} } }`,
    `query ($id: ID!) { person(nationalId: $id) { ${person} } }`,
    `{ somchai: person(nationalId: "${SOMCHAI}") { nationalId firstNameTh lowIncomeRegistration { __typename } } surat: person(nationalId: "${SURAT}") { disasterAssistance { __typename } } }`,
    `{ province(code: "56") { ${selectionOf(schema.getType('Province') as GraphQLNamedType, 1)} } }`,
    `{ agency(code: "DOPA") { ${selectionOf(schema.getType('Agency') as GraphQLNamedType, 2)} } }`,
    `query ($id: ID!) { disasterVictimRecords(nationalId: $id) { ${selectionOf(schema.getType('DisasterVictim') as GraphQLNamedType, 1)} } identityRecord(nationalId: $id) { __typename } }`,
  ];
}

function variablesOf(query: string): Record<string, unknown> | undefined {
  return query.includes('$id') ? { id: SOMCHAI } : undefined;
}

it.each(CALLER_LIST.map((caller) => [caller.name, caller] as const))(
  'answers %s over every root field as stock does',
  async (_, caller) => {
    const headers = caller.token ? await hub.as(caller.token) : {};
    let denied = 0;
    for (const query of operations()) {
      const answer = await expectStockLike(pair, query, variablesOf(query), headers);
      denied += (answer.errors ?? []).filter((error) => error.code === 'UNAUTHORIZED_FIELD_OR_TYPE').length;
    }
    // Every caller but the cleared security agency is denied something: the comparison covers authorization nulls.
    if (caller.name !== 'NSC security') expect(denied).toBeGreaterThan(0);
  },
  60_000,
);

it('runs a mutation (a citizen grants, then revokes, a consent) as stock does', async () => {
  const headers = await hub.as(CALLERS.citizen(SOMCHAI));
  const consent = 'agency { code nameEn } purpose { __typename } dataset { id nameTh classification }';
  const grant = `mutation { grantConsent(agencyCode: "TAT", purpose: "TOURISM_LICENSING", datasets: ["dopa.civil-registry"]) { ${consent} revokedAt } }`;
  const revoke = `mutation { revokeConsent(agencyCode: "TAT", purpose: "TOURISM_LICENSING") { ${consent} } }`;
  const answers = [];
  for (const gateway of [pair.stock, pair.lean]) {
    answers.push([(await ask(gateway.url, grant, undefined, headers)).answer, (await ask(gateway.url, revoke, undefined, headers)).answer]);
  }
  expect(answers[0][0].data).toEqual({ grantConsent: [expect.objectContaining({ revokedAt: null })] });
  expect(answers[1]).toEqual(answers[0]);
});

it('answers alike while a domain is down', async () => {
  await hub.subgraphs.tourism.stop();
  const headers = await hub.as(CALLERS.dopaWelfare);
  const query = `{ provinces { code nameEn tourismStatistics(first: 2) { __typename } waterSituation { __typename } } tourismSurvey { __typename } }`;
  const answer = await expectStockLike(pair, query, undefined, headers);
  expect(answer.errors?.some((error) => error.message.includes('tourism'))).toBe(true);
});

it('ran on the lean executor itself (nothing fell back to stock)', async () => {
  const metrics = await (await fetch(pair.lean.url.replace(/\/graphql$/, '/metrics'))).text();
  expect(metrics).toContain('# TYPE govhub_executor_fallbacks_total counter');
  expect(metrics).not.toMatch(/govhub_executor_fallbacks_total\{/);
});
