import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createSigningKey, FORWARDED_IDENTITY_ALGORITHM, isProduction, loadOrCreateSigningKey, type Logger, type SigningKey } from '@govhub/shared';
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
 * The key the gateway signs forwarded identities with: the private JWK in `GOVHUB_GATEWAY_KEY_FILE` (in development
 * created there when missing), else in development the one kept in `keysDir`. In production without a file the
 * gateway signs with a fresh key each start and says so: subgraphs that check forwarded identities must then be
 * given its public half (`/.well-known/gateway-jwks.json`) at every restart, which is rarely what an operator wants.
 */
export async function identityKeyFromEnv(keysDir: string, logger: Logger, env: NodeJS.ProcessEnv = process.env): Promise<SigningKey> {
  const file = env.GOVHUB_GATEWAY_KEY_FILE;
  if (file) {
    // An operator's key is never replaced: loadOrCreateSigningKey would overwrite a key of another algorithm.
    if (isProduction() && !existsSync(file)) throw new Error(`GOVHUB_GATEWAY_KEY_FILE ${file} does not exist (production creates no key)`);
    if (existsSync(file) && (JSON.parse(readFileSync(file, 'utf8')) as { alg?: string }).alg !== FORWARDED_IDENTITY_ALGORITHM) {
      throw new Error(`GOVHUB_GATEWAY_KEY_FILE ${file} must hold an Ed25519 private JWK with "alg": "${FORWARDED_IDENTITY_ALGORITHM}"`);
    }
    return loadOrCreateSigningKey(file, FORWARDED_IDENTITY_ALGORITHM);
  }
  if (!isProduction()) return gatewaySigningKey(keysDir);
  logger.warn('GOVHUB_GATEWAY_KEY_FILE is not set: forwarded identities are signed with a key made for this start only');
  return createSigningKey(FORWARDED_IDENTITY_ALGORITHM);
}
