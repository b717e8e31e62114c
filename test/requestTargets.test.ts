import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { manifestFromDocuments } from '@govhub/shared';
import { startFixtureHub, type FixtureHub } from './fixtures/authz';
import { rawRequest, type RawResponse } from './support/rawHttp';

/**
 * Every spelling of a request target, sent byte for byte: either it is refused before any route runs (400
 * BAD_REQUEST_TARGET, or 404 NOT_FOUND where no route has that path), or the GraphQL route serves it under exactly
 * the controls `/graphql` has: authentication, rate limits, the body limit, document limits and safelisting.
 */
const SAFELISTED_CLIENT = 'safe-client';
const TRUSTED = 'query Names { users { name } }';
const AGENCY_BURST = 2;

let hub: FixtureHub;
let port: number;
beforeAll(async () => {
  const manifest = join(mkdtempSync(join(tmpdir(), 'govhub-targets-')), 'manifest.json');
  writeFileSync(manifest, JSON.stringify(manifestFromDocuments([{ name: 'Names', body: TRUSTED }])));
  hub = await startFixtureHub({
    limits: { bodyBytes: 2048, documentCharacters: 500 },
    rateLimits: { policies: { agency: { capacity: AGENCY_BURST, refillPerSecond: 0.001 }, citizen: null, anonymous: null }, redisUrl: null },
    persistedDocuments: { manifestPaths: [manifest], safelist: [SAFELISTED_CLIENT] },
  });
  port = hub.gateway.port;
});
afterAll(() => hub?.stop());

const json = { 'content-type': 'application/json' };
const post = (target: string, query: string, headers: Record<string, string> = {}) =>
  rawRequest(port, { target, headers: { ...json, ...headers }, body: JSON.stringify({ query }) });
const outcome = (response: RawResponse) =>
  response.status === 200 && response.json?.data ? 'served' : `${response.status} ${response.json?.errors?.[0]?.extensions?.code}`;

/** What each control answers for one spelling of the target; agencies are fresh per spelling, so buckets are too. */
let agencies = 0;
async function controls(target: string): Promise<Record<string, string>> {
  const agency = { authorization: `Bearer ${await hub.token({ agency: `AG${++agencies}`, scope: ['agency'] })}` };
  const spent = [];
  for (let i = 0; i <= AGENCY_BURST; i++) spent.push(outcome(await post(target, '{ users { name } }', agency)));
  return {
    plain: outcome(await post(target, '{ users { name } }')),
    badToken: outcome(await post(target, '{ users { name } }', { authorization: 'Bearer not-a-token' })),
    oversizedBody: outcome(await post(target, `{ users { name } } #${'x'.repeat(3000)}`)),
    oversizedDocument: outcome(await post(target, `{ users { name } } #${'x'.repeat(600)}`)),
    deepDocument: outcome(await post(target, `{ users(x: ${'['.repeat(60)}) { name } }`)),
    notSafelisted: outcome(await post(target, '{ users { name } }', { 'apollographql-client-name': SAFELISTED_CLIENT })),
    trustedForSafelisted: outcome(await post(target, TRUSTED, { 'apollographql-client-name': SAFELISTED_CLIENT })),
    afterBurst: spent.at(-1)!,
  };
}

const GRAPHQL_CONTROLS = {
  plain: 'served',
  badToken: '401 UNAUTHENTICATED',
  oversizedBody: '413 PAYLOAD_TOO_LARGE',
  oversizedDocument: '400 DOCUMENT_TOO_LARGE',
  deepDocument: '400 OPERATION_TOO_DEEP',
  notSafelisted: '403 OPERATION_NOT_IN_SAFELIST',
  trustedForSafelisted: 'served',
  afterBurst: '429 RATE_LIMITED',
};

describe('request targets', () => {
  it('/graphql itself answers under every control', async () => {
    expect(await controls('/graphql')).toEqual(GRAPHQL_CONTROLS);
  });

  it.each(['/graphql?', '/graphql?&&', '/graphql??x=1', '/graphql?x=%67'])('%s is /graphql, with every control', async (target) => {
    expect(await controls(target)).toEqual(GRAPHQL_CONTROLS);
  });

  const refusedEverywhere = (code: string) => Object.fromEntries(Object.keys(GRAPHQL_CONTROLS).map((control) => [control, code]));

  it.each([
    '/%67raphql',
    '/graph%71l',
    '/%2Fgraphql',
    '/graphql%2F',
    '/graphql%20',
    '//graphql',
    '/graphql;x',
    '/./graphql',
    '/a/../graphql',
    '/graphql/.',
    '/graphql#x',
    '/graphql?#x',
    '*',
    'http://evil.example/graphql',
  ])('%s is refused before any route runs: 400 BAD_REQUEST_TARGET', async (target) => {
    expect(await controls(target)).toEqual(refusedEverywhere('400 BAD_REQUEST_TARGET'));
  });

  it('refuses the absolute form naming the gateway itself', async () => {
    expect(await controls(`http://localhost:${port}/graphql`)).toEqual(refusedEverywhere('400 BAD_REQUEST_TARGET'));
  });

  // The body limit is the server's, so it refuses an oversized body before the not-found answer.
  it.each(['/graphql/', '/GRAPHQL', '/graphqlx', '/graphql.'])('%s names no route: 404 NOT_FOUND', async (target) => {
    expect(await controls(target)).toEqual({ ...refusedEverywhere('404 NOT_FOUND'), oversizedBody: '413 PAYLOAD_TOO_LARGE' });
  });

  it('refuses a bad target with a GraphQL-shaped error that names the rule', async () => {
    const response = await post('/%67raphql', '{ users { name } }');
    expect(response.json).toEqual({ errors: [{ message: expect.stringContaining('escape'), extensions: { code: 'BAD_REQUEST_TARGET' } }] });
  });
});

describe('the query string of a GET, read once', () => {
  const preflight = { 'apollo-require-preflight': 'true' };
  const get = (search: string, headers: Record<string, string> = {}) =>
    rawRequest(port, { method: 'GET', target: `/graphql?${search}`, headers: { ...preflight, ...headers } });
  const safelisted = { 'apollographql-client-name': SAFELISTED_CLIENT };
  const trustedId = manifestFromDocuments([{ name: 'Names', body: TRUSTED }]).operations[0].id;
  const persistedQuery = (hash: string) => encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }));

  it.each([
    ['query', 'query=%7B%20users%20%7B%20name%20%7D%20%7D&query=%7B%20__typename%20%7D'],
    ['operationName', 'query=%7B%20users%20%7B%20name%20%7D%20%7D&operationName=A&operationName=B'],
    ['variables', 'query=%7B%20users%20%7B%20name%20%7D%20%7D&variables=%7B%7D&variables=%7B%7D'],
    ['extensions', `extensions=${persistedQuery(trustedId)}&extensions=%7B%7D`],
    ['documentId', `documentId=${trustedId}&documentId=other`],
  ])('refuses a repeated %s: 400 REPEATED_PARAMETER', async (name, search) => {
    const response = await get(search);
    expect(response.status).toBe(400);
    expect(response.json).toEqual({ errors: [{ message: expect.stringContaining(name), extensions: { code: 'REPEATED_PARAMETER' } }] });
  });

  it('gives a safelisted client no way to pair a trusted query with another one', async () => {
    for (const search of [
      `query=${encodeURIComponent('{ users { name } }')}&query=${encodeURIComponent(TRUSTED)}`,
      `query=${encodeURIComponent(TRUSTED)}&query=${encodeURIComponent('{ users { name } }')}`,
    ]) {
      expect(outcome(await get(search, safelisted))).toBe('400 REPEATED_PARAMETER');
    }
  });

  it('reads + and %20 alike, for safelisting as for running', async () => {
    expect(outcome(await get(`query=${TRUSTED.replaceAll(' ', '+')}`, safelisted))).toBe('served');
    expect(outcome(await get(`query=${encodeURIComponent(TRUSTED)}`, safelisted))).toBe('served');
    expect(outcome(await get(`query=${'{ users { name } }'.replaceAll(' ', '+')}`, safelisted))).toBe('403 OPERATION_NOT_IN_SAFELIST');
  });

  it('runs a trusted document named by documentId or by APQ hash, and checks document limits on a GET', async () => {
    expect(outcome(await get(`documentId=${trustedId}`, safelisted))).toBe('served');
    expect(outcome(await get(`extensions=${persistedQuery(trustedId)}`, safelisted))).toBe('served');
    expect(outcome(await get(`query=${encodeURIComponent(`{ users { name } } #${'x'.repeat(600)}`)}`))).toBe('400 DOCUMENT_TOO_LARGE');
  });
});
