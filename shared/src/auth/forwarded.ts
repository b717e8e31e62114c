import { KeyObject, randomUUID, sign, type webcrypto } from 'node:crypto';
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';
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

/**
 * Signs the identity for one call: that subgraph, that body, once, within seconds. A compact JWS (EdDSA) written
 * here rather than by jose's SignJWT: it runs for every subgraph call, and the header and the key's KeyObject are
 * the same for every call, so they are made once per key; jose's signing went through the thread pool as well.
 */
export async function signForwardedIdentity(identity: ForwardedIdentity, key: SigningKey, call: SubgraphCall): Promise<string> {
  const signer = compactSignerFor(key);
  const issuedAt = Math.floor(Date.now() / 1000);
  const payload = {
    kind: identity.kind,
    agency: identity.agency,
    purpose: identity.purpose,
    scope: [...identity.scopes],
    grants: grantsToJson(identity.grants),
    [REQUEST_CLAIM]: subgraphRequestDigest(call.request),
    ...(identity.sub ? { sub: identity.sub } : {}),
    iss: ISSUER,
    aud: forwardedIdentityAudience(call.subgraph),
    jti: randomUUID(),
    iat: issuedAt,
    exp: issuedAt + LIFETIME_SECONDS,
  };
  const signingInput = `${signer.header}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
  return `${signingInput}.${sign(null, Buffer.from(signingInput), signer.privateKey).toString('base64url')}`;
}

interface CompactSigner {
  /** The protected header, encoded: `{"alg":"EdDSA","kid":...}`. */
  header: string;
  privateKey: KeyObject;
}

const compactSigners = new WeakMap<SigningKey, CompactSigner>();

function compactSignerFor(key: SigningKey): CompactSigner {
  let signer = compactSigners.get(key);
  if (!signer) {
    const privateKey = key.privateKey instanceof KeyObject ? key.privateKey : KeyObject.from(key.privateKey as webcrypto.CryptoKey);
    // The header says EdDSA: a key of any other type would sign something no subgraph accepts.
    if (privateKey.asymmetricKeyType !== 'ed25519')
      throw new Error(`forwarded identities are signed with Ed25519 keys, not ${privateKey.asymmetricKeyType}`);
    const header = Buffer.from(JSON.stringify({ alg: FORWARDED_IDENTITY_ALGORITHM, kid: key.kid })).toString('base64url');
    signer = { header, privateKey };
    compactSigners.set(key, signer);
  }
  return signer;
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
