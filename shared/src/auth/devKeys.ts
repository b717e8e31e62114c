import { join } from 'node:path';
import { projectRoot } from '../env';
import { FORWARDED_IDENTITY_ALGORITHM } from './forwarded';
import { loadOrCreateSigningKey, type SigningKey } from './keys';

/** Where the development hub on this machine keeps its keys: `GOVHUB_KEYS_DIR`, else the checkout's `.govhub/keys`. */
export function keysDir(): string {
  return process.env.GOVHUB_KEYS_DIR ?? join(projectRoot(), '.govhub', 'keys');
}

/** The key the gateway signs forwarded identities with; subgraphs on the same machine trust its public half. */
export function gatewaySigningKey(dir: string = keysDir()): Promise<SigningKey> {
  return loadOrCreateSigningKey(join(dir, 'gateway-identity.jwk.json'), FORWARDED_IDENTITY_ALGORITHM);
}
