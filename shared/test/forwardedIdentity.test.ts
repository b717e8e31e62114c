import { createHash } from 'node:crypto';
import { decodeJwt } from 'jose';
import {
  createSigningKey,
  FORWARDED_IDENTITY_ALGORITHM,
  forwardedIdentityVerifier,
  signForwardedIdentity,
  SpentTokenIds,
  subgraphRequestDigest,
  type ForwardedIdentity,
  type SigningKey,
} from '../src';

const IDENTITY: ForwardedIdentity = {
  kind: 'agency',
  sub: 'dopa-officer-7',
  agency: 'DOPA',
  purpose: 'WELFARE_ELIGIBILITY',
  scopes: new Set(['agency']),
  grants: { 'dopa.civil-registry': { agreement: { id: 'AG-1', fields: null }, consent: { subjects: new Set(['5601200333441']) } } },
};
const REQUEST = {
  query: 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Person { firstNameTh } } }',
  operationName: undefined,
  variables: { r: [{ __typename: 'Person', nationalId: '1101700203450' }] },
};
/** The body as the subgraph parses it from what the gateway serialised. */
const received = (request: object) => JSON.parse(JSON.stringify(request));

let key: SigningKey;
beforeAll(async () => {
  key = await createSigningKey(FORWARDED_IDENTITY_ALGORITHM);
});
const verifierFor = (subgraph: string) => forwardedIdentityVerifier({ keys: [key.publicJwk] }, subgraph);

describe('a forwarded identity', () => {
  it('verifies once, at the subgraph and for the body it was signed for, with its grants', async () => {
    const token = await signForwardedIdentity(IDENTITY, key, { subgraph: 'citizen', request: REQUEST });
    const verify = verifierFor('citizen');
    const identity = await verify(token, received(REQUEST));
    expect(identity).toEqual(IDENTITY);
    await expect(verify(token, received(REQUEST))).rejects.toThrow('already used');
  });

  it('names its audience, lives 10 s, carries a unique id and the body hash', async () => {
    const [first, second] = await Promise.all([1, 2].map(() => signForwardedIdentity(IDENTITY, key, { subgraph: 'citizen', request: REQUEST })));
    const claims = decodeJwt(first);
    expect(claims).toMatchObject({ iss: 'govhub-gateway', aud: 'govhub-subgraph:citizen', request_sha256: subgraphRequestDigest(REQUEST) });
    expect((claims.exp as number) - (claims.iat as number)).toBe(10);
    expect(claims.jti).not.toEqual(decodeJwt(second).jti);
  });

  it('is refused by another subgraph', async () => {
    const token = await signForwardedIdentity(IDENTITY, key, { subgraph: 'quiz', request: REQUEST });
    await expect(verifierFor('citizen')(token, received(REQUEST))).rejects.toThrow(/aud/);
  });

  it('is refused with another body, and still verifies once with its own', async () => {
    const token = await signForwardedIdentity(IDENTITY, key, { subgraph: 'citizen', request: REQUEST });
    const verify = verifierFor('citizen');
    const other = { ...REQUEST, variables: { r: [{ __typename: 'Person', nationalId: '5601200333441' }] } };
    await expect(verify(token, received(other))).rejects.toThrow('another request');
    await expect(verify(token, { ...received(REQUEST), operationName: 'Renamed' })).rejects.toThrow('another request');
    await expect(verify(token, received(REQUEST))).resolves.toMatchObject({ sub: 'dopa-officer-7' });
  });

  it('is refused once its lifetime (and the small clock tolerance) is over', async () => {
    jest.useFakeTimers({ now: Date.now(), doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    try {
      const token = await signForwardedIdentity(IDENTITY, key, { subgraph: 'citizen', request: REQUEST });
      jest.setSystemTime(Date.now() + 13_000);
      await expect(verifierFor('citizen')(token, received(REQUEST))).rejects.toThrow(/exp|iat/);
    } finally {
      jest.useRealTimers();
    }
  });

  it('is refused when signed by another key or with another algorithm', async () => {
    const stranger = await createSigningKey(FORWARDED_IDENTITY_ALGORITHM);
    const forged = await signForwardedIdentity(IDENTITY, stranger, { subgraph: 'citizen', request: REQUEST });
    await expect(verifierFor('citizen')(forged, received(REQUEST))).rejects.toThrow();
    const es256 = await createSigningKey('ES256');
    await expect(signForwardedIdentity(IDENTITY, es256, { subgraph: 'citizen', request: REQUEST })).rejects.toThrow();
  });
});

describe('the request digest', () => {
  it('is the same for the same JSON values whatever the key order, and differs for any other value', () => {
    const digest = subgraphRequestDigest({ query: '{ a }', variables: { b: 1, a: { y: [1, { q: 2, p: 1 }], x: 'é' } } });
    expect(subgraphRequestDigest(received({ variables: { a: { x: 'é', y: [1, { p: 1, q: 2 }] }, b: 1.0 }, query: '{ a }' }))).toBe(digest);
    expect(subgraphRequestDigest({ query: '{ a }', variables: { b: 2, a: { y: [1, { q: 2, p: 1 }], x: 'é' } } })).not.toBe(digest);
    expect(subgraphRequestDigest({ query: '{ a }' })).toBe(subgraphRequestDigest({ query: '{ a }', operationName: null, variables: null }));
  });

  it('hashes exactly JSON.stringify with the keys of every object sorted (undefined members left out, Dates as JSON writes them)', () => {
    const sorted = (_key: string, value: unknown) =>
      value && typeof value === 'object' && !Array.isArray(value)
        ? Object.fromEntries(
            Object.keys(value)
              .sort()
              .map((key) => [key, (value as Record<string, unknown>)[key]]),
          )
        : value;
    const variables = {
      z: [1, undefined, 'ก"\\n', null, { b: undefined, a: [true, 1.5e-7, -0] }],
      when: new Date(0),
      a: { nested: { y: 2, x: [[], {}] } },
      skipped: undefined,
    };
    const request = { query: '{ a }', operationName: 'Op', variables };
    const expected = createHash('sha256')
      .update(JSON.stringify({ query: '{ a }', operationName: 'Op', variables }, sorted))
      .digest('base64url');
    expect(subgraphRequestDigest(request)).toBe(expected);
  });
});

describe('spent token ids', () => {
  it('refuses an id twice until it expires, and refuses new ids rather than forget live ones when full', () => {
    const spent = new SpentTokenIds(2);
    expect(spent.spend('a', 1_000, 0)).toBe(true);
    expect(spent.spend('a', 1_000, 500)).toBe(false);
    expect(spent.spend('b', 1_500, 500)).toBe(true);
    expect(spent.spend('c', 2_000, 900)).toBe(false);
    expect(spent.spend('c', 2_000, 1_000)).toBe(true);
    expect(spent.size).toBe(2);
  });
});
