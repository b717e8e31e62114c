import { randomUUID } from 'node:crypto';
import { createLocalJWKSet, jwtVerify, SignJWT, type JSONWebKeySet } from 'jose';
import { grantsFromJson, grantsToJson, type Grants } from './grants';
import { readScopes, type Identity } from './identity';
import type { SigningKey } from './keys';
import { SpentTokenIds } from './spentTokenIds';
import { subgraphRequestDigest, type SubgraphRequest } from './subgraphRequest';

/** The identity the gateway forwards to a subgraph, with the grants it decided for the datasets that subgraph serves. */
export interface ForwardedIdentity extends Identity {
  grants: Grants;
}

export const FORWARDED_IDENTITY_HEADER = 'x-govhub-identity';
/** Signed for every subgraph call and verified by every subgraph: Ed25519 costs about half of ES256. */
export const FORWARDED_IDENTITY_ALGORITHM = 'EdDSA';
const ISSUER = 'govhub-gateway';
const LIFETIME_SECONDS = 10;
const CLOCK_TOLERANCE_SECONDS = 2;
/** The claim binding the token to one request body (see `subgraphRequestDigest`). */
const REQUEST_CLAIM = 'request_sha256';

/** Each subgraph is its own audience: a token one subgraph receives is refused by every other. */
export function forwardedIdentityAudience(subgraph: string): string {
  return `govhub-subgraph:${subgraph}`;
}

/** One call to one subgraph. */
export interface SubgraphCall {
  subgraph: string;
  request: SubgraphRequest;
}

/** Signs the identity for one call: that subgraph, that body, once, within seconds. */
export function signForwardedIdentity(identity: ForwardedIdentity, key: SigningKey, call: SubgraphCall): Promise<string> {
  const jwt = new SignJWT({
    kind: identity.kind,
    agency: identity.agency,
    purpose: identity.purpose,
    scope: [...identity.scopes],
    grants: grantsToJson(identity.grants),
    [REQUEST_CLAIM]: subgraphRequestDigest(call.request),
  }).setProtectedHeader({ alg: FORWARDED_IDENTITY_ALGORITHM, kid: key.kid });
  if (identity.sub) jwt.setSubject(identity.sub);
  return jwt
    .setIssuer(ISSUER)
    .setAudience(forwardedIdentityAudience(call.subgraph))
    .setJti(randomUUID())
    .setIssuedAt()
    .setExpirationTime(`${LIFETIME_SECONDS}s`)
    .sign(key.privateKey);
}

export type ForwardedIdentityVerifier = (token: string, request: SubgraphRequest) => Promise<ForwardedIdentity>;

/**
 * Verifies, for the subgraph named `subgraph`, that the gateway signed this token for it and for this very request,
 * seconds ago, and that it was not presented before; anything else is refused.
 */
export function forwardedIdentityVerifier(gatewayKeys: JSONWebKeySet, subgraph: string): ForwardedIdentityVerifier {
  const keys = createLocalJWKSet(gatewayKeys);
  const spent = new SpentTokenIds();
  return async (token, request) => {
    const { payload } = await jwtVerify(token, keys, {
      issuer: ISSUER,
      audience: forwardedIdentityAudience(subgraph),
      algorithms: [FORWARDED_IDENTITY_ALGORITHM],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      maxTokenAge: LIFETIME_SECONDS,
      requiredClaims: ['jti', 'iat', 'exp', REQUEST_CLAIM],
    });
    if (payload[REQUEST_CLAIM] !== subgraphRequestDigest(request)) throw new Error('the identity was signed for another request');
    // maxTokenAge refuses it once the second iat + lifetime + tolerance is over: remembering the id that long is enough.
    const verifiableUntil = ((payload.iat as number) + LIFETIME_SECONDS + CLOCK_TOLERANCE_SECONDS + 1) * 1000;
    if (!spent.spend(payload.jti as string, verifiableUntil)) throw new Error('the identity was already used');
    return {
      kind: payload.kind as ForwardedIdentity['kind'],
      sub: payload.sub ?? null,
      agency: (payload.agency as string | null) ?? null,
      purpose: (payload.purpose as string | null) ?? null,
      scopes: readScopes(payload.scope),
      grants: grantsFromJson(payload.grants),
    };
  };
}
