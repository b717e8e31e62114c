import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { JWK } from 'jose';
import {
  FORWARDED_IDENTITY_ALGORITHM,
  isProduction,
  loadOrCreateSigningKey,
  MissingProductionSetting,
  signingKeyFromJwk,
  type SigningKey,
} from '@govhub/shared';
import { gatewaySigningKey } from './devKeys';

/**
 * Where a gateway run on its own keeps its development keys: `GOVHUB_KEYS_DIR`, else `keys/` in its data directory
 * (`GOVHUB_DATA_DIR`, else `.govhub` in the working directory). Never inside the installed code, which may be
 * read-only or shared by several gateways; run from a checkout's root it is the folder `npm start` uses.
 */
export function gatewayKeysDirFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  if (env.GOVHUB_KEYS_DIR) return resolve(env.GOVHUB_KEYS_DIR);
  return join(resolve(env.GOVHUB_DATA_DIR ?? '.govhub'), 'keys');
}

/**
 * The key the gateway signs forwarded identities with: the private JWK in `GOVHUB_GATEWAY_KEY` (its JSON, as a
 * secret would be given) or in the file `GOVHUB_GATEWAY_KEY_FILE` (in development created there when missing), else
 * in development the one kept in `keysDir`. Production refuses to start without one: a key made at each start would
 * have to be handed to every subgraph again after each restart.
 */
export async function identityKeyFromEnv(keysDir: string, env: NodeJS.ProcessEnv = process.env): Promise<SigningKey> {
  if (env.GOVHUB_GATEWAY_KEY) return identityKeyOf(env.GOVHUB_GATEWAY_KEY, 'GOVHUB_GATEWAY_KEY');
  const file = env.GOVHUB_GATEWAY_KEY_FILE;
  if (file && existsSync(file)) return identityKeyOf(readFileSync(file, 'utf8'), `GOVHUB_GATEWAY_KEY_FILE ${file}`);
  if (isProduction()) {
    if (file) throw new Error(`GOVHUB_GATEWAY_KEY_FILE ${file} does not exist (production creates no key)`);
    throw new MissingProductionSetting(
      "the gateway's signing key",
      'GOVHUB_GATEWAY_KEY_FILE (a private Ed25519 JWK file) or GOVHUB_GATEWAY_KEY (its JSON)',
    );
  }
  return file ? loadOrCreateSigningKey(file, FORWARDED_IDENTITY_ALGORITHM) : gatewaySigningKey(keysDir);
}

/** An operator's key is taken as it is, never replaced (loadOrCreateSigningKey would overwrite one of another algorithm). */
function identityKeyOf(text: string, source: string): Promise<SigningKey> {
  let jwk: JWK;
  try {
    jwk = JSON.parse(text) as JWK;
  } catch {
    throw new Error(`${source} is not a JSON private JWK`);
  }
  if (jwk.alg !== FORWARDED_IDENTITY_ALGORITHM || typeof jwk.d !== 'string') {
    throw new Error(`${source} must hold an Ed25519 private JWK with "alg": "${FORWARDED_IDENTITY_ALGORITHM}"`);
  }
  return signingKeyFromJwk(jwk, FORWARDED_IDENTITY_ALGORITHM);
}
