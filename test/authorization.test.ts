import { postGraphQL } from '@govhub/shared/dist/testing';
import { startFixtureHub, type FixtureHub } from './fixtures/authz';

/**
 * Authorization conformance: each case is an operation, a caller and the expected data, errors and subgraph
 * fetches. The semantics are Apollo Router's (https://www.apollographql.com/docs/graphos/routing/security/authorization), including the ways others got them wrong.
 */
let hub: FixtureHub;
beforeAll(async () => {
  hub = await startFixtureHub();
});
afterAll(() => hub?.stop());

type Caller = 'anonymous' | { scope?: string[]; agency?: string };
interface Case {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  caller: Caller;
  data: unknown;
  /** Paths of UNAUTHORIZED_FIELD_OR_TYPE errors, in Apollo Router's form. */
  denied?: string[][];
  fetches?: { accounts?: number; reviews?: number };
}

const UNAUTHORIZED = (path: string[]) => ({ message: 'Unauthorized field or type', path, extensions: { code: 'UNAUTHORIZED_FIELD_OR_TYPE' } });

const CASES: Case[] = [
  {
    name: 'a denied field in a list is null with one error, the list written as @',
    query: '{ users { name email } }',
    caller: 'anonymous',
    data: {
      users: [
        { name: 'Somchai', email: null },
        { name: 'Malee', email: null },
      ],
    },
    denied: [['users', '@', 'email']],
    fetches: { accounts: 1 },
  },
  {
    name: 'requiresScopes: the outer list is OR (admin alone is enough)',
    query: '{ users { email } }',
    caller: { scope: ['admin'] },
    data: { users: [{ email: 'somchai@example.test' }, { email: 'malee@example.test' }] },
  },
  {
    name: 'requiresScopes: the inner list is AND (read:phone without verified is denied)',
    query: '{ users { name phone } }',
    caller: { scope: ['read:phone'] },
    data: null,
    denied: [['users', '@', 'phone']],
  },
  {
    name: 'requiresScopes: every scope of the inner list grants the field',
    query: '{ users { phone } }',
    caller: { scope: ['read:phone', 'verified'] },
    data: { users: [{ phone: '0800000001' }, { phone: '0800000002' }] },
  },
  {
    name: 'a fully denied selection causes zero subgraph fetches',
    query: '{ users { phone } }',
    caller: 'anonymous',
    data: null,
    denied: [['users', '@', 'phone']],
    fetches: { accounts: 0, reviews: 0 },
  },
  {
    name: 'a list whose every selected field is denied is removed: null propagates to data',
    query: '{ users { vip } }',
    caller: 'anonymous',
    data: null,
    denied: [['users', '@', 'vip']],
    fetches: { accounts: 0 },
  },
  {
    name: 'a denied non-null root field nulls data',
    query: '{ adminStats }',
    caller: 'anonymous',
    data: null,
    denied: [['adminStats']],
    fetches: { accounts: 0 },
  },
  {
    name: 'an alias is reported under its response key',
    query: '{ users { name mail: email } }',
    caller: 'anonymous',
    data: {
      users: [
        { name: 'Somchai', mail: null },
        { name: 'Malee', mail: null },
      ],
    },
    denied: [['users', '@', 'mail']],
  },
  {
    name: 'a named fragment that loses every field leaves a valid document (apollographql/router#4714)',
    query: '{ users { name ...Contact } } fragment Contact on User { email }',
    caller: 'anonymous',
    data: {
      users: [
        { name: 'Somchai', email: null },
        { name: 'Malee', email: null },
      ],
    },
    denied: [['users', '@', 'email']],
  },
  {
    name: 'a fragment spread in several places is judged at each place',
    query: '{ me { ...Card } users { ...Card } } fragment Card on User { name email }',
    caller: { scope: [] },
    data: {
      me: { name: 'Somchai', email: null },
      users: [
        { name: 'Somchai', email: null },
        { name: 'Malee', email: null },
      ],
    },
    denied: [
      ['me', 'email'],
      ['users', '@', 'email'],
    ],
  },
  {
    name: '@authenticated denies anonymous callers',
    query: '{ me { name } users { name } }',
    caller: 'anonymous',
    data: { me: null, users: [{ name: 'Somchai' }, { name: 'Malee' }] },
    denied: [['me']],
  },
  {
    name: 'a directive on a type applies to every field that returns it (union member)',
    query: '{ search { ... on User { name } ... on Report { title } } }',
    caller: 'anonymous',
    data: { search: [{ name: 'Somchai' }, { title: null }] },
    denied: [['search', '@', 'title']],
  },
  {
    name: 'an authorized field is not nulled by a denied sibling under the same response key (graphql-hive/router#1423)',
    query: '{ search { ... on User { title: email } ... on Report { title } } }',
    caller: { scope: ['read:email'] },
    data: { search: [{ title: 'somchai@example.test' }, { title: null }] },
    denied: [['search', '@', 'title']],
  },
  {
    name: "a field read through an interface needs every implementation's requirements",
    query: '{ animals { __typename name } }',
    caller: 'anonymous',
    data: {
      animals: [
        { __typename: 'Dog', name: null },
        { __typename: 'Cat', name: null },
      ],
    },
    denied: [['animals', '@', 'name']],
  },
  {
    name: 'an inline fragment on an implementation is judged on its own',
    query: '{ animals { ... on Dog { name bark } } }',
    caller: 'anonymous',
    data: { animals: [{ name: 'Dang', bark: 'woof' }, {}] },
  },
  {
    name: 'nested entities: a denied field of another subgraph is never fetched there',
    query: '{ users { name reviews { body } } }',
    caller: 'anonymous',
    data: {
      users: [
        { name: 'Somchai', reviews: null },
        { name: 'Malee', reviews: null },
      ],
    },
    denied: [['users', '@', 'reviews']],
    fetches: { accounts: 1, reviews: 0 },
  },
  {
    name: 'nested entities: allowed fields of another subgraph are fetched, denied ones null',
    query: '{ users { reviews { body rating } } }',
    caller: { scope: [] },
    data: { users: [{ reviews: [{ body: 'review of u1', rating: null }] }, { reviews: [{ body: 'review of u2', rating: null }] }] },
    denied: [['users', '@', 'reviews', '@', 'rating']],
    fetches: { accounts: 1, reviews: 1 },
  },
  {
    name: '@skip and @include: an excluded selection is not reported',
    query: 'query ($withEmail: Boolean!) { users { name email @include(if: $withEmail) } }',
    variables: { withEmail: false },
    caller: 'anonymous',
    data: { users: [{ name: 'Somchai' }, { name: 'Malee' }] },
  },
  {
    name: '@skip and @include: an included denied field is reported',
    query: 'query ($withEmail: Boolean!) { users { name email @include(if: $withEmail) } }',
    variables: { withEmail: true },
    caller: 'anonymous',
    data: {
      users: [
        { name: 'Somchai', email: null },
        { name: 'Malee', email: null },
      ],
    },
    denied: [['users', '@', 'email']],
  },
  {
    name: '@policy is decided by a TypeScript function with the claims',
    query: '{ users { vip } }',
    caller: { scope: ['vip'] },
    data: { users: [{ vip: true }, { vip: false }] },
  },
  {
    name: '@policy without the claim is denied',
    query: '{ users { name vip } }',
    caller: { scope: [] },
    data: {
      users: [
        { name: 'Somchai', vip: null },
        { name: 'Malee', vip: null },
      ],
    },
    denied: [['users', '@', 'vip']],
  },
  {
    name: 'classification INTERNAL needs a registered agency',
    query: '{ users { internalNote } }',
    caller: { scope: ['agency'], agency: 'DOPA' },
    data: { users: [{ internalNote: 'n1' }, { internalNote: 'n2' }] },
  },
  {
    name: 'classification INTERNAL is denied to a token without the agency scope',
    query: '{ users { name internalNote } }',
    caller: { scope: ['read:email'] },
    data: {
      users: [
        { name: 'Somchai', internalNote: null },
        { name: 'Malee', internalNote: null },
      ],
    },
    denied: [['users', '@', 'internalNote']],
  },
];

async function headersFor(caller: Caller): Promise<Record<string, string>> {
  return caller === 'anonymous' ? {} : { authorization: `Bearer ${await hub.token(caller)}` };
}

describe.each(CASES)('$name', (testCase) => {
  it('answers with the expected data, errors and fetches', async () => {
    const before = { ...hub.fetches };
    const response = await postGraphQL(hub.url, testCase.query, testCase.variables, await headersFor(testCase.caller));
    expect(response.status).toBe(200);
    expect(response.data).toEqual(testCase.data);
    const denied = (response.errors ?? []).filter((error) => error.extensions?.code === 'UNAUTHORIZED_FIELD_OR_TYPE');
    expect(denied).toEqual((testCase.denied ?? []).map(UNAUTHORIZED));
    expect(response.errors?.filter((error) => error.extensions?.code !== 'UNAUTHORIZED_FIELD_OR_TYPE') ?? []).toEqual([]);
    for (const [subgraph, count] of Object.entries(testCase.fetches ?? {})) {
      expect({ subgraph, fetches: hub.fetches[subgraph as 'accounts'] - before[subgraph as 'accounts'] }).toEqual({ subgraph, fetches: count });
    }
  });
});

it('the same query text alternating between an allowed and a denied caller gets the right plan each time', async () => {
  const query = '{ users { name email } }';
  const allowed = await headersFor({ scope: ['read:email'] });
  for (let round = 0; round < 3; round++) {
    const denied = await postGraphQL(hub.url, query, {}, {});
    expect((denied.data as { users: { email: string | null }[] }).users[0].email).toBeNull();
    const granted = await postGraphQL(hub.url, query, {}, allowed);
    expect((granted.data as { users: { email: string | null }[] }).users[0].email).toBe('somchai@example.test');
    expect(granted.errors).toBeUndefined();
  }
});

it('reads a JSON-array scope claim as scopes (wundergraph/cosmo#3251)', async () => {
  const { SignJWT } = await import('jose');
  const token = await new SignJWT({ scope: ['read:email'] })
    .setProtectedHeader({ alg: 'ES256', kid: hub.devKey.kid })
    .setSubject('officer-2')
    .setIssuer('https://govhub.local/dev')
    .setAudience('govhub')
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(hub.devKey.privateKey);
  const response = await postGraphQL(hub.url, '{ users { email } }', {}, { authorization: `Bearer ${token}` });
  expect(response.errors).toBeUndefined();
});
