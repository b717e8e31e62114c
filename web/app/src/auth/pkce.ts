/**
 * OpenID Connect sign-in for a public client: the authorization code flow with PKCE (RFC 7636, S256), the protocol
 * only (no page state), so it is unit-tested outside a browser. The token comes back in the token endpoint's JSON
 * body, never in a URL.
 */

export interface ProviderEndpoints {
  authorizationEndpoint: string;
  tokenEndpoint: string;
}

export interface AuthorizationRequest {
  clientId: string;
  redirectUri: string;
  scope: string;
  state: string;
  codeChallenge: string;
}

/** base64url without padding (RFC 4648 section 5). */
export function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A high-entropy random string: 32 bytes give the 43-character code verifier RFC 7636 asks for; also the state. */
export function randomToken(bytes = 32): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** The S256 code challenge of a verifier: base64url(SHA-256(verifier)). */
export async function codeChallenge(verifier: string): Promise<string> {
  return base64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}

/** The provider's endpoints from its discovery document (`/.well-known/openid-configuration`). */
export async function discover(issuer: string, fetchImpl: typeof fetch = fetch): Promise<ProviderEndpoints> {
  const response = await fetchImpl(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`discovery failed: HTTP ${response.status}`);
  const document = (await response.json()) as { issuer?: string; authorization_endpoint?: string; token_endpoint?: string };
  // OpenID Connect Discovery 1.0 section 4.3: the document must name the very issuer it was fetched for.
  if (document.issuer?.replace(/\/$/, '') !== issuer.replace(/\/$/, '')) throw new Error('discovery names another issuer');
  if (!document.authorization_endpoint || !document.token_endpoint) throw new Error('discovery lacks the authorization or token endpoint');
  return { authorizationEndpoint: document.authorization_endpoint, tokenEndpoint: document.token_endpoint };
}

export function authorizationUrl(endpoint: string, request: AuthorizationRequest): string {
  const url = new URL(endpoint);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', request.clientId);
  url.searchParams.set('redirect_uri', request.redirectUri);
  url.searchParams.set('scope', request.scope);
  url.searchParams.set('state', request.state);
  url.searchParams.set('code_challenge', request.codeChallenge);
  url.searchParams.set('code_challenge_method', 'S256');
  return url.toString();
}

export type Callback = { code: string } | { error: string };

/**
 * The provider's redirect back: the code when `state` matches the one this tab sent (else it is a forged or stale
 * redirect), the provider's error otherwise; null when the URL is not a sign-in callback.
 */
export function parseCallback(search: string, expectedState: string | null): Callback | null {
  const params = new URLSearchParams(search);
  const code = params.get('code');
  const error = params.get('error');
  if (!code && !error) return null;
  if (!expectedState || params.get('state') !== expectedState) return { error: 'state_mismatch' };
  if (error) return { error };
  return { code: code! };
}

export interface CodeExchange {
  code: string;
  verifier: string;
  clientId: string;
  redirectUri: string;
}

/** Trades the authorization code (and the verifier only this tab knows) for the access token the hub accepts. */
export async function exchangeCode(tokenEndpoint: string, exchange: CodeExchange, fetchImpl: typeof fetch = fetch): Promise<string> {
  const response = await fetchImpl(tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: exchange.code,
      redirect_uri: exchange.redirectUri,
      client_id: exchange.clientId,
      code_verifier: exchange.verifier,
    }).toString(),
  });
  const body = (await response.json().catch(() => ({}))) as { access_token?: string; error?: string };
  if (!response.ok || !body.access_token) throw new Error(`token exchange failed: ${body.error ?? `HTTP ${response.status}`}`);
  return body.access_token;
}
