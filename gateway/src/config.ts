import { isProduction } from '@govhub/shared';
import type { KeySource } from './auth/tokens';
import { DEV_AUDIENCE, DEV_ISSUER } from './auth/devKeys';
import type { AuthorizationMode, DenialReporting } from './plugins/authorization';

/** Identity and authorization settings, from the environment (see the README's table). */
export interface AuthConfig {
  /** null: the development signing key the hub creates and publishes (development only). */
  keys: KeySource | null;
  issuer: string;
  audience: string;
  scopeClaim: string;
  mode: AuthorizationMode;
  reporting: DenialReporting;
  requireAuthentication: boolean;
}

export function authConfigFromEnv(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  const keys: KeySource | null = env.GOVHUB_JWKS_URL ? { url: env.GOVHUB_JWKS_URL } : env.GOVHUB_JWKS_FILE ? { file: env.GOVHUB_JWKS_FILE } : null;
  if (!keys && isProduction()) throw new Error('HUB_ENV=production needs GOVHUB_JWKS_URL or GOVHUB_JWKS_FILE');
  return {
    keys,
    issuer: env.GOVHUB_JWT_ISSUER ?? DEV_ISSUER,
    audience: env.GOVHUB_JWT_AUDIENCE ?? DEV_AUDIENCE,
    scopeClaim: env.GOVHUB_SCOPE_CLAIM ?? 'scope',
    mode: oneOf(env.GOVHUB_AUTHZ_MODE, ['filter', 'reject', 'dry-run'], 'filter', 'GOVHUB_AUTHZ_MODE'),
    reporting: oneOf(env.GOVHUB_AUTHZ_ERRORS, ['errors', 'extensions', 'disabled'], 'errors', 'GOVHUB_AUTHZ_ERRORS'),
    requireAuthentication: env.GOVHUB_REQUIRE_AUTHENTICATION === '1',
  };
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T, name: string): T {
  if (value === undefined || value === '') return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new Error(`${name} must be one of ${allowed.join(', ')}`);
  return value as T;
}
