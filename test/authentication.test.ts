import { generateKeyPair, exportJWK, SignJWT, type KeyLike } from 'jose';
import { createHmac } from 'node:crypto';
import { postGraphQL } from '@govhub/shared/dist/testing';
import { startFixtureHub, type FixtureHub } from './fixtures/authz';

/** A present but bad token is HTTP 401 UNAUTHENTICATED and never falls back to anonymous (docs/security-model.md, tokens). */
let hub: FixtureHub;
let strangerKey: KeyLike;
beforeAll(async () => {
  hub = await startFixtureHub();
  strangerKey = (await generateKeyPair('ES256')).privateKey;
});
afterAll(() => hub?.stop());

const ISSUER = 'https://govhub.local/dev';
const AUDIENCE = 'govhub';
const base64url = (value: object | string) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

async function signed(key: KeyLike, kid: string, claims: Record<string, unknown> = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ scope: 'read:email', sub: 'officer-1', iss: ISSUER, aud: AUDIENCE, iat: now, exp: now + 300, ...claims })
    .setProtectedHeader({ alg: 'ES256', kid })
    .sign(key);
}

const BAD_TOKENS: [string, () => Promise<string>][] = [
  ['garbage', async () => 'not-a-jwt'],
  [
    'alg none',
    async () =>
      `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ sub: 'x', iss: ISSUER, aud: AUDIENCE, exp: 9999999999, scope: 'read:email' })}.`,
  ],
  ['expired (beyond the 60 s clock skew)', () => signed(hub.devKey.privateKey, hub.devKey.kid, { exp: Math.floor(Date.now() / 1000) - 120 })],
  ['wrong audience', () => signed(hub.devKey.privateKey, hub.devKey.kid, { aud: 'someone-else' })],
  ['wrong issuer', () => signed(hub.devKey.privateKey, hub.devKey.kid, { iss: 'https://evil.example' })],
  ['unknown key id', () => signed(strangerKey, 'unknown-kid')],
  ['a known key id signed by another key', () => signed(strangerKey, hub.devKey.kid)],
  [
    'the public key used as an HS256 secret',
    async () => {
      const secret = JSON.stringify(hub.devKey.publicJwk);
      const header = base64url({ alg: 'HS256', kid: hub.devKey.kid, typ: 'JWT' });
      const payload = base64url({ sub: 'x', iss: ISSUER, aud: AUDIENCE, exp: 9999999999, scope: 'read:email' });
      const signature = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
      return `${header}.${payload}.${signature}`;
    },
  ],
];

it.each(BAD_TOKENS)('refuses %s with 401 UNAUTHENTICATED', async (_, make) => {
  const response = await postGraphQL(hub.url, '{ users { name } }', {}, { authorization: `Bearer ${await make()}` });
  expect(response.status).toBe(401);
  expect(response.data).toBeUndefined();
  expect(response.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) })]);
});

it('refuses an Authorization header that is not a bearer token', async () => {
  const response = await postGraphQL(hub.url, '{ users { name } }', {}, { authorization: 'Basic dXNlcjpwYXNz' });
  expect(response.status).toBe(401);
});

it('accepts a token within the clock skew, and no token as anonymous', async () => {
  const token = await signed(hub.devKey.privateKey, hub.devKey.kid, { exp: Math.floor(Date.now() / 1000) - 30 });
  expect((await postGraphQL(hub.url, '{ users { email } }', {}, { authorization: `Bearer ${token}` })).errors).toBeUndefined();
  expect((await postGraphQL(hub.url, '{ users { name } }')).status).toBe(200);
});

it('publishes the development signing key at /.well-known/jwks.json', async () => {
  const jwks = (await (await fetch(hub.url.replace('/graphql', '/.well-known/jwks.json'))).json()) as { keys: { kid: string; d?: string }[] };
  expect(jwks.keys).toEqual([expect.objectContaining({ kid: hub.devKey.kid, alg: 'ES256' })]);
  expect(jwks.keys[0].d).toBeUndefined();
  expect(JSON.stringify(await exportJWK(strangerKey))).not.toContain(jwks.keys[0].kid);
});
