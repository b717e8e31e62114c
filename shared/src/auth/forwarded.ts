import { createLocalJWKSet, jwtVerify, SignJWT, type JSONWebKeySet } from 'jose';
import { grantsFromJson, grantsToJson, type Grants } from './grants';
import { readScopes, type Identity } from './identity';
import { SIGNING_ALGORITHM, type SigningKey } from './keys';
import { VerifiedTokenCache } from './verifiedCache';

/** The identity the gateway forwards to subgraphs, with the grants it decided. */
export interface ForwardedIdentity extends Identity {
  grants: Grants;
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
    grants: grantsToJson(identity.grants),
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
        grants: grantsFromJson(payload.grants),
      };
      return { value: identity, expiresAt: payload.exp };
    });
}
