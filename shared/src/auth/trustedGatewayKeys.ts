import { existsSync, readFileSync } from 'node:fs';
import type { JSONWebKeySet } from 'jose';
import { isProduction, MissingProductionSetting } from '../env';
import { gatewaySigningKey, keysDir } from './devKeys';

/**
 * The gateway keys a subgraph trusts: `GOVHUB_GATEWAY_JWKS`, a JWKS (the gateway's `/.well-known/gateway-jwks.json`)
 * given as its JSON or as the path of a file holding it. Without it, in development, the key of the hub on this
 * machine (kept in `GOVHUB_KEYS_DIR`, else the checkout's `.govhub/keys`); production refuses to start.
 */
export async function trustedGatewayKeysFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<JSONWebKeySet> {
  const value = env.GOVHUB_GATEWAY_JWKS?.trim();
  if (value) return parseJwks(value.startsWith('{') ? value : readJwksFile(value));
  if (isProduction()) throw new MissingProductionSetting("the gateway's public keys", 'GOVHUB_GATEWAY_JWKS (a JWKS, or a file holding one)');
  const key = await gatewaySigningKey(env.GOVHUB_KEYS_DIR ?? keysDir());
  return { keys: [key.publicJwk] };
}

function readJwksFile(file: string): string {
  if (!existsSync(file)) throw new Error(`GOVHUB_GATEWAY_JWKS names ${file}, which does not exist (give a JWKS or a file holding one)`);
  return readFileSync(file, 'utf8');
}

function parseJwks(text: string): JSONWebKeySet {
  let jwks: unknown;
  try {
    jwks = JSON.parse(text);
  } catch {
    throw new Error('GOVHUB_GATEWAY_JWKS is not valid JSON');
  }
  const keys = (jwks as { keys?: unknown }).keys;
  if (!Array.isArray(keys) || keys.length === 0) throw new Error('GOVHUB_GATEWAY_JWKS must be a JWKS: {"keys": [...]} with at least one key');
  return jwks as JSONWebKeySet;
}
