import { authorizationUrl, codeChallenge, discover, exchangeCode, parseCallback, randomToken } from './pkce';

/** What the hub's `/app/config.json` says about its OpenID Connect provider. */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  scope: string;
}

// The verifier and state wait in this tab's sessionStorage while the browser is at the provider.
const PENDING_KEY = 'govhub.oidc.pending';

interface Pending {
  verifier: string;
  state: string;
  tokenEndpoint: string;
}

/** The app's own address, registered with the provider as the redirect URI. */
function redirectUri(): string {
  return `${location.origin}${import.meta.env.BASE_URL}`;
}

/** Leaves for the provider's sign-in page. */
export async function beginOidcSignIn(settings: OidcSettings): Promise<void> {
  const endpoints = await discover(settings.issuer);
  const pending: Pending = { verifier: randomToken(), state: randomToken(16), tokenEndpoint: endpoints.tokenEndpoint };
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  location.assign(
    authorizationUrl(endpoints.authorizationEndpoint, {
      clientId: settings.clientId,
      redirectUri: redirectUri(),
      scope: settings.scope,
      state: pending.state,
      codeChallenge: await codeChallenge(pending.verifier),
    }),
  );
}

/**
 * On the way back from the provider: strips the code from the address bar at once (history.replaceState), then
 * exchanges it for the token. Null when this load is not a sign-in callback.
 */
export async function completeOidcSignIn(settings: OidcSettings): Promise<string | null> {
  const raw = sessionStorage.getItem(PENDING_KEY);
  const pending = raw ? (JSON.parse(raw) as Pending) : null;
  const callback = parseCallback(location.search, pending?.state ?? null);
  if (!callback) return null;
  history.replaceState(null, '', location.pathname);
  sessionStorage.removeItem(PENDING_KEY);
  if ('error' in callback) throw new Error(callback.error);
  return exchangeCode(pending!.tokenEndpoint, {
    code: callback.code,
    verifier: pending!.verifier,
    clientId: settings.clientId,
    redirectUri: redirectUri(),
  });
}
