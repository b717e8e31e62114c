import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK, type KeyLike } from 'jose';

export const SIGNING_ALGORITHM = 'ES256';

export interface SigningKey {
  kid: string;
  privateKey: KeyLike;
  /** The public half, as published in a JWKS. */
  publicJwk: JWK;
}

/** A fresh ES256 key pair with a random key id. */
export async function createSigningKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(SIGNING_ALGORITHM, { extractable: true });
  const kid = randomUUID();
  return { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: SIGNING_ALGORITHM, use: 'sig' } };
}

/**
 * The key kept at `file` (a private JWK, mode 0600), created on first use and kept across restarts, so tokens
 * minted yesterday still verify today.
 */
export async function loadOrCreateSigningKey(file: string): Promise<SigningKey> {
  if (!existsSync(file)) {
    const key = await createSigningKey();
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(file, JSON.stringify({ ...(await exportJWK(key.privateKey)), kid: key.kid, alg: SIGNING_ALGORITHM }), { mode: 0o600 });
    return key;
  }
  const jwk = JSON.parse(readFileSync(file, 'utf8')) as JWK;
  const privateKey = (await importJWK(jwk, SIGNING_ALGORITHM)) as KeyLike;
  const { d: _private, ...publicJwk } = jwk;
  return { kid: jwk.kid as string, privateKey, publicJwk: { ...publicJwk, use: 'sig' } };
}
