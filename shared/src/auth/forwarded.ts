import { createLocalJWKSet, jwtVerify, SignJWT, type JSONWebKeySet } from 'jose';
import { readScopes, type Identity } from './identity';
import { SIGNING_ALGORITHM, type SigningKey } from './keys';
import { VerifiedTokenCache } from './verifiedCache';

/**
 * Why a dataset's personal data may be released to this caller, decided by the gateway:
 * an agreement covers every subject; consent and self cover only some subjects, which the subgraph holding the
 * row checks (row-level rules need the data).
 */
export type Grant =
  | { basis: 'agreement'; agreementId: string; fields: string[] | null }
  | { basis: 'consent' }
  | { basis: 'self' }
  | { basis: 'clearance' };

/** The identity the gateway forwards to subgraphs, with the grants it decided. */
export interface ForwardedIdentity extends Identity {
  grants: Record<string, Grant>;
}

export const FORWARDED_IDENTITY_HEADER = 'x-govhub-identity';
const ISSUER = 'govhub-gateway';
const AUDIENCE = 'govhub-subgraph';

/** Signs the forwarded identity; short-lived, so a captured header is useless a minute later. */
export function signForwardedIdentity(identity: ForwardedIdentity, key: SigningKey): Promise<string> {
  const jwt = new SignJWT({
    kind: identity.kind,
    agency: identity.agency,
    purpose: identity.purpose,
    scope: [...identity.scopes],
    grants: identity.grants,
  }).setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: key.kid });
  if (identity.sub) jwt.setSubject(identity.sub);
  return jwt.setIssuer(ISSUER).setAudience(AUDIENCE).setIssuedAt().setExpirationTime('60s').sign(key.privateKey);
}

export type ForwardedIdentityVerifier = (token: string) => Promise<ForwardedIdentity>;

/** Verifies the gateway's signature with its published public keys; anything else is refused. */
export function forwardedIdentityVerifier(gatewayKeys: JSONWebKeySet): ForwardedIdentityVerifier {
  const keys = createLocalJWKSet(gatewayKeys);
  const verified = new VerifiedTokenCache<ForwardedIdentity>();
  return (token) =>
    verified.get(token, async () => {
      const { payload } = await jwtVerify(token, keys, { issuer: ISSUER, audience: AUDIENCE, algorithms: [SIGNING_ALGORITHM], clockTolerance: 5 });
      const identity: ForwardedIdentity = {
        kind: payload.kind as ForwardedIdentity['kind'],
        sub: payload.sub ?? null,
        agency: (payload.agency as string | null) ?? null,
        purpose: (payload.purpose as string | null) ?? null,
        scopes: readScopes(payload.scope),
        grants: (payload.grants as Record<string, Grant>) ?? {},
      };
      return { value: identity, expiresAt: payload.exp };
    });
}
