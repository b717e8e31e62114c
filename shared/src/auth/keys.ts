import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK, type KeyLike } from 'jose';

export const SIGNING_ALGORITHM = 'ES256';
export type SigningAlgorithm = typeof SIGNING_ALGORITHM | 'EdDSA';

export interface SigningKey {
  kid: string;
  privateKey: KeyLike;
  /** The public half, as published in a JWKS. */
  publicJwk: JWK;
}

/** A fresh key pair (ES256 unless told; EdDSA is Ed25519) with a random key id. */
export async function createSigningKey(algorithm: SigningAlgorithm = SIGNING_ALGORITHM): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(algorithm, { extractable: true });
  const kid = randomUUID();
  return { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: algorithm, use: 'sig' } };
}

/**
 * The key kept at `file` (a private JWK, mode 0600), created on first use and kept across restarts, so tokens
 * minted yesterday still verify today. A key kept for another algorithm is replaced.
 */
export async function loadOrCreateSigningKey(file: string, algorithm: SigningAlgorithm = SIGNING_ALGORITHM): Promise<SigningKey> {
  const kept = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as JWK) : null;
  if (kept?.alg !== algorithm) {
    const key = await createSigningKey(algorithm);
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(file, JSON.stringify({ ...(await exportJWK(key.privateKey)), kid: key.kid, alg: algorithm }), { mode: 0o600 });
    return key;
  }
  return signingKeyFromJwk(kept, algorithm);
}

/** A key from its private JWK (as an operator gives it in a file or a secret). */
export async function signingKeyFromJwk(jwk: JWK, algorithm: SigningAlgorithm): Promise<SigningKey> {
  const privateKey = (await importJWK(jwk, algorithm)) as KeyLike;
  const { d: _private, ...publicJwk } = jwk;
  return { kid: jwk.kid as string, privateKey, publicJwk: { ...publicJwk, use: 'sig' } };
}
