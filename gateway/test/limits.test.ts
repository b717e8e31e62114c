import { composeServices } from '@apollo/composition';
import { ApolloServer } from '@apollo/server';
import fastifyApollo from '@as-integrations/fastify';
import Fastify, { type FastifyInstance } from 'fastify';
import { buildSchema, getIntrospectionQuery, parse, validate, type GraphQLError } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { createLogger, type Identity } from '@govhub/shared';
import type { HubContext } from '../src/context';
import { apolloServerLimits } from '../src/limits/apolloServerOptions';
import { DEFAULT_LIMITS, limitsFromEnv, type OperationLimits } from '../src/limits/config';
import { costEstimator, costWeights, NO_COST_WEIGHTS, type CostWeights } from '../src/limits/cost';
import { documentRefusal, nestingLimit } from '../src/limits/document';
import { registerHttpLimits } from '../src/limits/http';
import { pageSizeGuard } from '../src/limits/pageSize';
import { limitValidationRules } from '../src/limits/validationRules';
import { limitsPlugin } from '../src/plugins/limits';
import { graphqlShapedHttpErrors } from '../src/routes/httpErrors';

const SDL = `
  type Query {
    node(id: ID!): Node
    nodes(first: Int = 100): [Node!]!
    tags: [String!]!
    search(term: String, limit: Int): [Node!]!
  }
  type Node {
    id: ID!
    name: String
    parent: Node
    children(first: Int): [Node!]!
  }
`;
const schema = buildSchema(SDL);

/** Codes of the errors the limit rules (and graphql-js's own rules) report for a document. */
function validationCodes(query: string, limits: Partial<OperationLimits> = {}): (string | undefined)[] {
  return validationErrors(query, limits).map((error) => error.extensions.code as string | undefined);
}
function validationErrors(query: string, limits: Partial<OperationLimits> = {}): readonly GraphQLError[] {
  return validate(schema, parse(query), limitValidationRules({ ...DEFAULT_LIMITS, ...limits }));
}

/** `{ node(id: 1) { parent { parent { ... id } } } }` with `depth` fields on the deepest path. */
const nested = (depth: number) => `{ node(id: 1) { ${'parent { '.repeat(depth - 2)}id${' }'.repeat(depth - 2)} } }`;
const aliased = (count: number, field = '__typename') => `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ')} }`;

describe('depth', () => {
  it('allows the limit and refuses one more, with the limit and what was found', () => {
    expect(validationCodes(nested(12))).toEqual([]);
    const [error, ...rest] = validationErrors(nested(13));
    expect(rest).toEqual([]);
    expect(error.extensions).toMatchObject({ code: 'OPERATION_TOO_DEEP', limit: 12, actual: 13 });
  });

  it('counts fields inside fragment spreads and inline fragments at their real depth', () => {
    const throughFragments = `{ node(id: 1) { ...Deep } }
      fragment Deep on Node { parent { ... on Node { parent { ...Deeper } } } }
      fragment Deeper on Node { ${'parent { '.repeat(8)}id${' }'.repeat(8)} }`;
    // node, parent (Deep), parent (inline fragment), 8 parents (Deeper), id
    expect(validationErrors(throughFragments, { depth: 11 })[0]?.extensions).toMatchObject({ code: 'OPERATION_TOO_DEEP', limit: 11, actual: 12 });
    expect(validationCodes(throughFragments, { depth: 12 })).toEqual([]);
  });

  it('counts a fragment through spreads: one level more per nesting, not per spread', () => {
    const query = `{ node(id: 1) { ...P } } fragment P on Node { parent { ...Q } } fragment Q on Node { parent { id } }`;
    expect(validationErrors(query, { depth: 3 })[0]?.extensions).toMatchObject({ code: 'OPERATION_TOO_DEEP', limit: 3, actual: 4 });
    expect(validationCodes(query, { depth: 4 })).toEqual([]);
  });
});

describe('aliases', () => {
  it('counts __typename aliases, and refuses one over the limit', () => {
    const inNode = (count: number) => `{ node(id: 1) ${aliased(count)} }`;
    expect(validationCodes(inNode(30))).toEqual([]);
    expect(validationErrors(inNode(31))[0].extensions).toMatchObject({ code: 'TOO_MANY_ALIASES', limit: 30, actual: 31 });
  });

  it("counts a fragment's aliases at every spread", () => {
    const query = `{ node(id: 1) { ...A parent { ...A } } } fragment A on Node { x: id y: name }`;
    expect(validationErrors(query, { aliases: 3 })[0].extensions).toMatchObject({ code: 'TOO_MANY_ALIASES', actual: 4 });
  });
});

describe('root fields', () => {
  it('allows 20 and refuses 21, counting fields a fragment brings to the root', () => {
    const twenty = aliased(20, 'tags');
    expect(validationCodes(twenty)).toEqual([]);
    const viaFragment = `{ ...Root tags } fragment Root on Query { ${Array.from({ length: 20 }, (_, i) => `t${i}: tags`).join(' ')} }`;
    expect(validationErrors(viaFragment)[0].extensions).toMatchObject({ code: 'TOO_MANY_ROOT_FIELDS', limit: 20, actual: 21 });
  });
});

describe('directives per field', () => {
  it('allows 5 on one field and refuses 6', () => {
    const withDirectives = (count: number) => `{ tags ${'@include(if: true) '.repeat(count)}}`;
    // graphql-js reports the repeated @include itself (no code); the hub's rule only counts
    expect(validationCodes(withDirectives(5)).filter((code) => code !== undefined)).toEqual([]);
    const codes = validationCodes(withDirectives(6));
    expect(codes[0]).toBe('TOO_MANY_DIRECTIVES');
    expect(validationErrors(withDirectives(6))[0].extensions).toMatchObject({ limit: 5, actual: 6 });
  });

  it('counts per field, not per operation', () => {
    const spread = `{ ${Array.from({ length: 10 }, (_, i) => `t${i}: tags @include(if: true) @skip(if: false)`).join(' ')} }`;
    expect(validationCodes(spread)).toEqual([]);
  });
});

describe('fields per operation', () => {
  it('allows 500 and refuses 501, duplicates included', () => {
    const fields = (count: number) => `{ node(id: 1) { ${'id '.repeat(count - 1)}} }`;
    expect(validationCodes(fields(500))).toEqual([]);
    expect(validationErrors(fields(501))[0].extensions).toMatchObject({ code: 'TOO_MANY_FIELDS', limit: 500, actual: 501 });
  });

  it('expands fragments: a fragment spread twice counts twice', () => {
    const query = `{ node(id: 1) { ...F parent { ...F } } } fragment F on Node { id name }`;
    expect(validationErrors(query, { fields: 5 })[0].extensions).toMatchObject({ code: 'TOO_MANY_FIELDS', limit: 5, actual: 6 });
    expect(validationCodes(query, { fields: 6 })).toEqual([]);
  });

  it('does not hang on fragments that spread each other (graphql-js reports the cycle)', () => {
    const codes = validationCodes(`{ node(id: 1) { ...A } } fragment A on Node { parent { ...B } } fragment B on Node { parent { ...A } }`);
    expect(codes).toEqual([undefined]);
  });
});

describe('introspection', () => {
  it("lets the IDE's full introspection query through every limit", () => {
    expect(
      validationErrors(getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, inputValueDeprecation: true })),
    ).toEqual([]);
  });

  it('refuses circular introspection', () => {
    const circular = `{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }`;
    expect(validationCodes(circular)).toEqual(['OPERATION_TOO_DEEP']);
    expect(validationCodes(`{ __type(name: "Node") { fields { type { fields { type { fields { name } } } } } } }`)).toEqual(['OPERATION_TOO_DEEP']);
  });
});

describe('the document, before it is parsed', () => {
  const refusal = (query: string) => documentRefusal(query, DEFAULT_LIMITS)?.extensions ?? null;

  it('allows 15,000 characters and refuses 15,001', () => {
    const padded = (length: number) => `{ tags }${' '.repeat(length - 8)}`;
    expect(refusal(padded(15_000))).toBeNull();
    expect(refusal(padded(15_001))).toMatchObject({ code: 'DOCUMENT_TOO_LARGE', limit: 15_000, actual: 15_001 });
  });

  it('refuses nesting deeper than the parser should recurse, but not braces inside strings', () => {
    const limit = nestingLimit(DEFAULT_LIMITS);
    expect(limit).toBe(48);
    const braces = (depth: number) => `${'{ a '.repeat(depth)}${'}'.repeat(depth)}`;
    expect(refusal(braces(limit))).toBeNull();
    expect(refusal(braces(limit + 1))).toMatchObject({ code: 'OPERATION_TOO_DEEP', limit, actual: limit + 1 });
    expect(refusal(braces(3_000))).toMatchObject({ code: 'OPERATION_TOO_DEEP', actual: 3_000 });
    expect(refusal(`{ search(term: "${'{'.repeat(1_000)}") { id } }`)).toBeNull();
    expect(refusal(`{ search(limit: ${'['.repeat(60)}1${']'.repeat(60)}) { id } }`)).toMatchObject({ code: 'OPERATION_TOO_DEEP' });
  });
});

describe('cost', () => {
  const cost = (query: string, weights: CostWeights = NO_COST_WEIGHTS, variables?: Record<string, unknown>, target = schema) =>
    getComplexity({ schema: target, query: parse(query), variables, estimators: [pageSizeGuard(100), costEstimator(weights, 10)] });

  it('costs 1 per object, 0 per scalar, and multiplies nested lists by their page argument', () => {
    expect(cost('{ tags }')).toBe(0);
    expect(cost('{ node(id: 1) { id name } }')).toBe(1);
    // nodes: 5 x (1 + children: 3 x (1 + parent: 1))
    expect(cost('{ nodes(first: 5) { name children(first: 3) { id parent { id } } } }')).toBe(35);
    // the same with the sizes in variables
    expect(cost('query ($a: Int, $b: Int) { nodes(first: $a) { children(first: $b) { parent { id } } } }', NO_COST_WEIGHTS, { a: 5, b: 3 })).toBe(35);
  });

  it("takes the argument's default, else the assumed list size", () => {
    expect(cost('{ nodes { id } }')).toBe(100);
    expect(cost('{ nodes(first: 2) { children { id } } }')).toBe(2 * (1 + 10));
    expect(cost('{ search(limit: 4) { id } }')).toBe(4);
  });

  it('counts fragments where they are spread, and nothing for introspection', () => {
    expect(cost('{ nodes(first: 2) { ...F } } fragment F on Node { parent { id } children(first: 2) { id } }')).toBe(2 * (1 + 1 + 2));
    expect(cost(getIntrospectionQuery())).toBe(0);
  });

  it('reads @cost and @listSize from the supergraph, which composition keeps', () => {
    const subgraph = `
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@cost", "@listSize"])
      type Query {
        nodes(first: Int, page: Int): [Node!]! @listSize(slicingArguments: ["page"], requireOneSlicingArgument: false)
        all: [Node!]! @listSize(assumedSize: 7)
        heavy(deep: Boolean @cost(weight: 3)): Int @cost(weight: 20)
      }
      type Node @key(fields: "id") @cost(weight: 4) { id: ID! }`;
    const composed = composeServices([{ name: 'nodes', url: 'http://127.0.0.1:1/', typeDefs: parse(subgraph) }]);
    expect(composed.errors).toBeUndefined();
    const weights = costWeights(composed.supergraphSdl!);
    expect(weights.types.get('Node')).toBe(4);
    const supergraph = buildSchema(
      `type Query { nodes(first: Int, page: Int): [Node!]! all: [Node!]! heavy(deep: Boolean): Int } type Node { id: ID! }`,
    );
    expect(cost('{ nodes(first: 50, page: 2) { id } }', weights, undefined, supergraph)).toBe(2 * 4);
    expect(cost('{ all { id } }', weights, undefined, supergraph)).toBe(7 * 4);
    expect(cost('{ heavy }', weights, undefined, supergraph)).toBe(20);
    expect(cost('{ heavy(deep: true) }', weights, undefined, supergraph)).toBe(23);
  });

  it('refuses a page out of range, as a literal or a variable', () => {
    for (const [query, variables] of [
      ['{ nodes(first: 101) { id } }', undefined],
      ['query ($n: Int) { nodes(first: $n) { id } }', { n: 0 }],
    ] as const) {
      expect(() => cost(query, NO_COST_WEIGHTS, variables)).toThrow(
        expect.objectContaining({
          extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', reason: 'PAGE_SIZE', argumentName: 'first' }),
        }),
      );
    }
    expect(cost('{ nodes(first: 100) { id } }')).toBe(100);
  });
});

describe('configuration', () => {
  it('reads GOVHUB_LIMIT_* with the defaults, and refuses settings that cannot work', () => {
    expect(limitsFromEnv({})).toEqual(DEFAULT_LIMITS);
    expect(limitsFromEnv({ GOVHUB_LIMIT_DEPTH: '8', GOVHUB_LIMIT_BATCH: 'on' })).toMatchObject({ depth: 8, batch: 10 });
    expect(limitsFromEnv({ GOVHUB_LIMIT_BATCH: '4' }).batch).toBe(4);
    expect(() => limitsFromEnv({ GOVHUB_LIMIT_COST: 'lots' })).toThrow('GOVHUB_LIMIT_COST');
    expect(() => limitsFromEnv({ GOVHUB_LIMIT_PAGE_SIZE: '500' })).toThrow('GOVHUB_LIMIT_PAGE_SIZE');
    expect(() => limitsFromEnv({ GOVHUB_LIMIT_VALIDATION_ERRORS: '1' })).toThrow('GOVHUB_LIMIT_VALIDATION_ERRORS');
  });
});

describe('through Apollo Server over HTTP', () => {
  let app: FastifyInstance;
  let url: string;
  const limits: OperationLimits = { ...DEFAULT_LIMITS, batch: 3, bodyBytes: 64 * 1024 };
  const post = async (body: unknown) => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, body: await response.json() };
  };
  const codes = (body: { errors?: { extensions: { code: string } }[] }) => body.errors?.map((error) => error.extensions.code);

  beforeAll(async () => {
    const node = (id: string) => ({ id, name: `node ${id}`, parent: null, children: [] });
    const apollo = new ApolloServer<HubContext>({
      typeDefs: SDL,
      resolvers: {
        Query: { node: (_: unknown, { id }: { id: string }) => node(id), nodes: () => [node('1'), node('2')], tags: () => ['a'], search: () => [] },
      },
      ...apolloServerLimits(limits),
      plugins: [limitsPlugin({ limits, weightsFor: () => undefined })],
    });
    await apollo.start();
    app = Fastify({ bodyLimit: limits.bodyBytes });
    app.setErrorHandler(graphqlShapedHttpErrors(createLogger('test')));
    registerHttpLimits(app, '/graphql', limits);
    await app.register(fastifyApollo(apollo), {
      path: '/graphql',
      context: async () => ({ requestId: 'test', logger: createLogger('test'), identity: { kind: 'anonymous' } as unknown as Identity, grants: {} }),
    });
    url = `${await app.listen({ port: 0, host: '127.0.0.1' })}/graphql`;
  });
  afterAll(() => app?.close());

  it('answers with the cost in extensions.cost', async () => {
    const { status, body } = await post({ query: '{ nodes(first: 2) { id parent { id } } }' });
    expect(status).toBe(200);
    expect(body.extensions.cost).toEqual({ requested: 4, limit: 5_000 });
  });

  it("refuses a limit found by validation with HTTP 400 and the hub's code, not GRAPHQL_VALIDATION_FAILED", async () => {
    const { status, body } = await post({ query: `{ node(id: 1) ${aliased(31)} }` });
    expect(status).toBe(400);
    expect(body.errors[0].extensions).toMatchObject({ code: 'TOO_MANY_ALIASES', limit: 30, actual: 31 });
    expect(body.errors[0].extensions).not.toHaveProperty('http');
  });

  it('refuses an operation over the cost limit before execution, with its cost', async () => {
    const { status, body } = await post({ query: '{ nodes { children(first: 100) { id } } }' });
    expect(status).toBe(400);
    expect(body.errors[0].extensions).toMatchObject({ code: 'OPERATION_TOO_COSTLY', limit: 5_000, actual: 100 * 101 });
    expect(body.extensions.cost).toEqual({ requested: 10_100, limit: 5_000 });
    expect(body.data).toBeUndefined();
  });

  it('costs the same document again for other variables: a cheap run of it does not let a costly one through', async () => {
    const query = 'query ($n: Int, $m: Int) { nodes(first: $n) { children(first: $m) { id } } }';
    const cheap = await post({ query, variables: { n: 2, m: 2 } });
    expect(cheap.body.extensions.cost).toEqual({ requested: 2 + 2 * 2, limit: 5_000 });
    expect((await post({ query, variables: { n: 2, m: 2 } })).body.extensions.cost.requested).toBe(6);
    const costly = await post({ query, variables: { n: 100, m: 100 } });
    expect(costly.status).toBe(400);
    expect(costly.body.errors[0].extensions).toMatchObject({ code: 'OPERATION_TOO_COSTLY', actual: 100 * 101 });
    expect((await post({ query, variables: { n: 2, m: 2 } })).body.extensions.cost.requested).toBe(6);
  });

  it('refuses a page variable out of range, and a variable of the wrong type, as BAD_USER_INPUT', async () => {
    const page = await post({ query: 'query ($n: Int) { nodes(first: $n) { id } }', variables: { n: 1_000 } });
    expect(page.status).toBe(400);
    expect(page.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PAGE_SIZE' });
    const wrongType = await post({ query: 'query ($n: Int) { nodes(first: $n) { id } }', variables: { n: 'many' } });
    expect(wrongType.status).toBe(400);
    expect(codes(wrongType.body)).toEqual(['BAD_USER_INPUT']);
  });

  it('refuses a document over the size limit before parsing it', async () => {
    const { status, body } = await post({ query: `{ tags }${' '.repeat(15_000)}` });
    expect(status).toBe(400);
    expect(body).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'DOCUMENT_TOO_LARGE', limit: 15_000, actual: 15_008 } }] });
    const get = await fetch(`${url}?query=${encodeURIComponent(`{${'{ a '.repeat(100)}}`)}`, { headers: { 'apollo-require-preflight': '1' } });
    expect(get.status).toBe(400);
    expect((await get.json()).errors[0].extensions).toMatchObject({ code: 'OPERATION_TOO_DEEP', limit: 48, actual: 101 });
    const inBatch = await post([{ query: '{ tags }' }, { query: `{ tags }${' '.repeat(15_000)}` }]);
    expect(inBatch.status).toBe(400);
    expect(codes(inBatch.body)).toEqual(['DOCUMENT_TOO_LARGE']);
  });

  it('returns at most 10 validation errors', async () => {
    const { status, body } = await post({ query: `{ ${Array.from({ length: 40 }, (_, i) => `unknown${i}`).join(' ')} }` });
    expect(status).toBe(400);
    expect(body.errors).toHaveLength(10);
    expect(body.errors[9].message).toMatch(/Validation aborted/);
  });

  it('runs a batch up to the limit and refuses a longer one whole', async () => {
    const batch = (count: number) => Array.from({ length: count }, () => ({ query: '{ tags }' }));
    const allowed = await post(batch(3));
    expect(allowed.status).toBe(200);
    expect(allowed.body).toHaveLength(3);
    const refused = await post(batch(4));
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].extensions).toEqual({ code: 'BATCH_TOO_LARGE', limit: 3, actual: 4 });
  });

  it('answers an oversized body with a GraphQL-shaped 413', async () => {
    const { status, body } = await post({ query: `{ tags }`, padding: 'x'.repeat(65 * 1024) });
    expect(status).toBe(413);
    expect(body.errors[0].extensions).toEqual({ code: 'PAYLOAD_TOO_LARGE', limit: 64 * 1024 });
  });
});
