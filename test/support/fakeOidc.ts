import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { SignJWT } from 'jose';
import { createSigningKey, type SigningKey } from '@govhub/shared';

/**
 * An OpenID Connect provider on loopback, just enough for the authorization code flow with PKCE: discovery, an
 * authorization endpoint that signs the configured person in at once, a token endpoint that checks the verifier
 * against the challenge, and its JWKS. What a real provider adds (a login page, consent) is not the hub's concern.
 */
export interface FakeOidcProvider {
  issuer: string;
  jwksUrl: string;
  /** Code exchanges the token endpoint accepted, with the verifier that matched. */
  exchanges: { clientId: string; verifier: string }[];
  close(): Promise<void>;
}

interface PendingCode {
  clientId: string;
  redirectUri: string;
  challenge: string;
}

export async function startFakeOidcProvider(options: {
  clientId: string;
  subject: string;
  audience: string;
  scope: string;
}): Promise<FakeOidcProvider> {
  const key: SigningKey = await createSigningKey();
  const codes = new Map<string, PendingCode>();
  const exchanges: FakeOidcProvider['exchanges'] = [];
  let issuer = '';

  const json = (response: ServerResponse, status: number, body: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json', 'access-control-allow-origin': '*' }).end(JSON.stringify(body));
  };
  const form = (request: IncomingMessage) =>
    new Promise<URLSearchParams>((resolve) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => resolve(new URLSearchParams(body)));
    });

  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', issuer);
    if (url.pathname === '/.well-known/openid-configuration') {
      return json(response, 200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
      });
    }
    if (url.pathname === '/jwks') return json(response, 200, { keys: [key.publicJwk] });
    if (url.pathname === '/authorize') {
      const params = url.searchParams;
      if (params.get('client_id') !== options.clientId || params.get('response_type') !== 'code' || params.get('code_challenge_method') !== 'S256') {
        return json(response, 400, { error: 'invalid_request' });
      }
      const code = randomBytes(16).toString('hex');
      codes.set(code, { clientId: options.clientId, redirectUri: params.get('redirect_uri') ?? '', challenge: params.get('code_challenge') ?? '' });
      const back = new URL(params.get('redirect_uri') ?? '');
      back.searchParams.set('code', code);
      back.searchParams.set('state', params.get('state') ?? '');
      response.writeHead(302, { location: back.toString() }).end();
      return;
    }
    if (url.pathname === '/token' && request.method === 'POST') {
      const params = await form(request);
      const pending = codes.get(params.get('code') ?? '');
      codes.delete(params.get('code') ?? '');
      const verifier = params.get('code_verifier') ?? '';
      const challenge = createHash('sha256').update(verifier).digest('base64url');
      if (
        !pending ||
        pending.challenge !== challenge ||
        pending.redirectUri !== params.get('redirect_uri') ||
        pending.clientId !== params.get('client_id')
      ) {
        return json(response, 400, { error: 'invalid_grant' });
      }
      exchanges.push({ clientId: pending.clientId, verifier });
      const accessToken = await new SignJWT({ scope: options.scope })
        .setProtectedHeader({ alg: 'ES256', kid: key.kid, typ: 'JWT' })
        .setSubject(options.subject)
        .setIssuer(issuer)
        .setAudience(options.audience)
        .setIssuedAt()
        .setExpirationTime('15m')
        .sign(key.privateKey);
      return json(response, 200, { access_token: accessToken, token_type: 'Bearer', expires_in: 900 });
    }
    if (request.method === 'OPTIONS') {
      response
        .writeHead(204, {
          'access-control-allow-origin': '*',
          'access-control-allow-headers': 'content-type, accept',
          'access-control-allow-methods': 'GET, POST',
        })
        .end();
      return;
    }
    json(response, 404, { error: 'not_found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return { issuer, jwksUrl: `${issuer}/jwks`, exchanges, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
