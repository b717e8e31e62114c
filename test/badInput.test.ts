import { serverAudits } from 'graphql-http';
import {
  buildSchema,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import { CALLERS, startTestHub, type TestHub } from './support/hub';

/**
 * Hostile input gets a clean client error and changes nothing: the GraphQL-over-HTTP audits of `graphql-http`, and
 * SQL metacharacters (and friends) in every argument of every root field, as an agency that may read nearly all.
 */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
}, 120_000);
afterAll(() => hub?.stop());

/** Where the hub deliberately differs from a SHOULD or MAY of the GraphQL-over-HTTP spec, and why. */
const KNOWN_DEVIATIONS: Record<string, string> = {
  // CSRF prevention: a GET needs a preflight-forcing header, which the audits do not send.
  'MAY accept application/x-www-form-urlencoded formatted GET requests': 'notice',
  'MAY allow URL-encoded JSON string {variables} parameter in GETs when accepting application/graphql-response+json': 'notice',
  'MAY allow URL-encoded JSON string {variables} parameter in GETs when accepting application/json': 'notice',
  // Client mistakes are 4xx on this hub (the contract), also for the legacy application/json media type.
  'SHOULD use 200 status code on document parsing failure when accepting application/json': 'warn',
  'SHOULD use 200 status code on document validation failure when accepting application/json': 'warn',
  'SHOULD use a status code of 200 on variable coercion failure when accepting application/json': 'warn',
};

it('passes every MUST of the GraphQL-over-HTTP audits, with only the known deviations', async () => {
  const failures: Record<string, string> = {};
  for (const audit of serverAudits({ url: hub.url })) {
    const result = await audit.fn();
    if (result.status !== 'ok') failures[result.name] = result.status;
  }
  expect(failures).toEqual(KNOWN_DEVIATIONS);
}, 60_000);

const HOSTILE_STRINGS = [
  "' OR '1'='1",
  "1'; DROP TABLE governance.province; --",
  '"; SELECT pg_sleep(5); --',
  '\\',
  '%',
  '_%_',
  '$1',
  '\u0000',
  '๑๒๓๔๕',
  'x'.repeat(10_000),
  '../../etc/passwd',
  '{"$gt": ""}',
];
const HOSTILE_INTS = [0, -1, 2_147_483_647, -2_147_483_648];

/** Paging arguments get valid values, so that the hostile text in the other arguments reaches the subgraphs. */
const PAGING: Record<string, number> = { first: 5, limit: 5, offset: 0 };

/** A value of the argument's type built around one hostile string (or int), so each argument gets each payload. */
function hostileValue(name: string, type: GraphQLInputType, text: string, int: number): unknown {
  const nullable = getNullableType(type);
  if (isListType(nullable)) return [hostileValue(name, nullable.ofType, text, int)];
  if (isInputObjectType(nullable)) {
    return Object.fromEntries(Object.values(nullable.getFields()).map((field) => [field.name, hostileValue(field.name, field.type, text, int)]));
  }
  if (isEnumType(nullable)) return nullable.getValues()[0].value;
  if (isScalarType(nullable) && (nullable.name === 'Int' || nullable.name === 'Float')) return PAGING[name] ?? int;
  if (isScalarType(nullable) && nullable.name === 'Boolean') return true;
  return text;
}

function operationFor(field: GraphQLField<unknown, unknown>): string {
  const variables = field.args.map((argument: GraphQLArgument) => `$${argument.name}: ${argument.type.toString()}`).join(', ');
  const args = field.args.map((argument) => `${argument.name}: $${argument.name}`).join(', ');
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  return `query Hostile(${variables}) { ${field.name}(${args})${selection} }`;
}

it('answers hostile values in every argument of every root field with data or a client error, never an internal one', async () => {
  const schema = buildSchema(await (await fetch(hub.url.replace('/graphql', '/schema.graphql'))).text());
  const fields = Object.values(schema.getQueryType()!.getFields()).filter((field) => field.args.length > 0);
  expect(fields.length).toBeGreaterThan(20);
  const caller = await hub.as({ ...CALLERS.dopaWelfare, scope: [...CALLERS.dopaWelfare.scope, 'security:need-to-know'] });
  const failures: string[] = [];
  let reachedSubgraphs = 0;
  for (const field of fields) {
    for (const [index, text] of HOSTILE_STRINGS.entries()) {
      const variables = Object.fromEntries(
        field.args.map((argument) => [argument.name, hostileValue(argument.name, argument.type, text, HOSTILE_INTS[index % HOSTILE_INTS.length])]),
      );
      const before = hub.statementCount();
      const response = await hub.query(operationFor(field), variables, caller);
      if (hub.statementCount() > before) reachedSubgraphs += 1;
      const internal = (response.errors ?? []).filter((error) => !error.extensions?.code || error.extensions.code === 'INTERNAL_SERVER_ERROR');
      if (response.status >= 500 || internal.length > 0) {
        failures.push(`${field.name} ${JSON.stringify(text).slice(0, 40)}: ${response.status} ${internal.map((error) => error.message).join('; ')}`);
      }
    }
  }
  expect(failures).toEqual([]);
  // Many payloads must get as far as SQL (parameterized there), or the test proves little; the rest are refused
  // earlier by argument validation (national IDs, province codes, page sizes).
  expect(reachedSubgraphs).toBeGreaterThan(fields.length * HOSTILE_STRINGS.length * 0.4);
  const { data } = await hub.query('{ provinces { code } }');
  expect(data?.provinces).toHaveLength(77);
}, 120_000);
