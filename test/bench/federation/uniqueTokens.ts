import { generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import type { JWK } from 'jose';

/**
 * A fresh signed bearer token for every request, so that no gateway can answer from a per-caller cache or merge
 * identical in-flight requests: each request is a new caller. Ed25519 signs in tens of microseconds, cheap enough
 * to do in the load driver while it sends.
 */
export const BENCH_ISSUER = 'govhub-federation-bench';
export const BENCH_AUDIENCE = 'govhub';

export interface TokenMinter {
  /** The public key set a gateway verifies the tokens with (for govhub's `GOVHUB_JWKS_FILE`). */
  jwks: { keys: JWK[] };
  next(): string;
}

export function uniqueTokenMinter(ttlSeconds = 3600): TokenMinter {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const kid = randomUUID();
  const header = base64url(JSON.stringify({ alg: 'EdDSA', typ: 'JWT', kid }));
  const runId = randomUUID().slice(0, 8);
  let sequence = 0;
  return {
    jwks: { keys: [{ ...(publicKey.export({ format: 'jwk' }) as JWK), kid, alg: 'EdDSA', use: 'sig' }] },
    next: () => `Bearer ${signedToken(header, privateKey, runId, ++sequence, ttlSeconds)}`,
  };
}

function signedToken(header: string, key: KeyObject, runId: string, sequence: number, ttlSeconds: number): string {
  const now = Math.floor(Date.now() / 1000);
  const payload = base64url(
    JSON.stringify({
      iss: BENCH_ISSUER,
      aud: BENCH_AUDIENCE,
      sub: `bench-${runId}-${sequence}`,
      jti: `${runId}-${sequence}`,
      iat: now,
      exp: now + ttlSeconds,
    }),
  );
  const signature = sign(null, Buffer.from(`${header}.${payload}`), key).toString('base64url');
  return `${header}.${payload}.${signature}`;
}

function base64url(text: string): string {
  return Buffer.from(text).toString('base64url');
}
