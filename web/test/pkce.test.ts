import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { authorizationUrl, base64Url, codeChallenge, discover, exchangeCode, parseCallback, randomToken } from '../app/src/auth/pkce';

describe('PKCE helpers', () => {
  it('derives the S256 challenge of RFC 7636 appendix B', async () => {
    expect(await codeChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('encodes base64url without padding', () => {
    expect(base64Url(new Uint8Array([251, 255, 191]))).toBe('-_-_');
    expect(base64Url(new Uint8Array([1]))).toBe('AQ');
  });

  it('makes 43-character verifiers of the unreserved alphabet, never the same twice', () => {
    const verifiers = Array.from({ length: 50 }, () => randomToken());
    for (const verifier of verifiers) expect(verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Set(verifiers).size).toBe(50);
  });

  it("builds the authorization request with the challenge, keeping the endpoint's own parameters", () => {
    const url = new URL(
      authorizationUrl('https://login.example.go.th/authorize?ui_locales=th', {
        clientId: 'govhub-citizen',
        redirectUri: 'https://hub.example.go.th/app/',
        scope: 'openid citizen:self',
        state: 'st4te',
        codeChallenge: 'ch4llenge',
      }),
    );
    expect(Object.fromEntries(url.searchParams)).toEqual({
      ui_locales: 'th',
      response_type: 'code',
      client_id: 'govhub-citizen',
      redirect_uri: 'https://hub.example.go.th/app/',
      scope: 'openid citizen:self',
      state: 'st4te',
      code_challenge: 'ch4llenge',
      code_challenge_method: 'S256',
    });
  });

  it.each([
    ['an ordinary load', '', 'st4te', null],
    ['a matching redirect', '?code=abc&state=st4te', 'st4te', { code: 'abc' }],
    ['a forged or stale state', '?code=abc&state=other', 'st4te', { error: 'state_mismatch' }],
    ['a redirect this tab did not start', '?code=abc&state=st4te', null, { error: 'state_mismatch' }],
    ["the provider's refusal", '?error=access_denied&state=st4te', 'st4te', { error: 'access_denied' }],
  ])('reads the callback of %s', (_, search, expected, result) => {
    expect(parseCallback(search, expected)).toEqual(result);
  });
});

describe('discovery and code exchange against a provider on loopback', () => {
  let server: Server;
  let issuer: string;
  const received: { path: string; body: string; contentType?: string }[] = [];
  let discoveryIssuer: (issuer: string) => string = (own) => own;

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        received.push({ path: request.url ?? '', body, contentType: request.headers['content-type'] });
        response.setHeader('content-type', 'application/json');
        if (request.url === '/realms/citizens/.well-known/openid-configuration') {
          return response.end(
            JSON.stringify({
              issuer: discoveryIssuer(issuer),
              authorization_endpoint: `${issuer}/auth`,
              token_endpoint: `${issuer}/token`,
            }),
          );
        }
        const form = new URLSearchParams(body);
        if (request.url === '/realms/citizens/token' && form.get('code') === 'good-code') {
          return response.end(JSON.stringify({ access_token: 'the-access-token', token_type: 'Bearer', expires_in: 300 }));
        }
        response.statusCode = 400;
        response.end(JSON.stringify({ error: 'invalid_grant' }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/realms/citizens`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('finds the endpoints, and refuses a document that names another issuer', async () => {
    expect(await discover(issuer)).toEqual({ authorizationEndpoint: `${issuer}/auth`, tokenEndpoint: `${issuer}/token` });
    discoveryIssuer = () => 'https://impostor.example';
    await expect(discover(issuer)).rejects.toThrow('discovery names another issuer');
    discoveryIssuer = (own) => own;
  });

  it('trades the code and verifier for the access token in a form POST body', async () => {
    const exchange = { code: 'good-code', verifier: 'v'.repeat(43), clientId: 'govhub-citizen', redirectUri: 'https://hub.example.go.th/app/' };
    expect(await exchangeCode(`${issuer}/token`, exchange)).toBe('the-access-token');
    const request = received.at(-1)!;
    expect(request.contentType).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(request.body))).toEqual({
      grant_type: 'authorization_code',
      code: 'good-code',
      redirect_uri: 'https://hub.example.go.th/app/',
      client_id: 'govhub-citizen',
      code_verifier: 'v'.repeat(43),
    });
    await expect(exchangeCode(`${issuer}/token`, { ...exchange, code: 'replayed-code' })).rejects.toThrow('token exchange failed: invalid_grant');
  });
});
