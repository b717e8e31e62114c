import type { JWTPayload } from 'jose';

/** Who is asking: nobody (public data only), a citizen (their own record), an agency officer, or another signed-in user. */
export type IdentityKind = 'anonymous' | 'citizen' | 'agency' | 'user';

export interface Identity {
  kind: IdentityKind;
  /** A national ID for a citizen, an officer or agency code for an agency. */
  sub: string | null;
  agency: string | null;
  purpose: string | null;
  scopes: ReadonlySet<string>;
}

export const ANONYMOUS: Identity = { kind: 'anonymous', sub: null, agency: null, purpose: null, scopes: new Set() };

export const Scope = {
  AGENCY: 'agency',
  PERSONAL_READ: 'personal:read',
  SENSITIVE_READ: 'sensitive:read',
  SECURITY_NEED_TO_KNOW: 'security:need-to-know',
  CITIZEN_SELF: 'citizen:self',
  ANALYTICS_DEIDENTIFIED: 'analytics:deidentified',
  REGISTRY_PUBLISH: 'registry:publish',
} as const;

/**
 * Scopes may come as a space-separated string (OAuth, Apollo Router) or as a JSON array; both are read
 * (reading an array as "no scopes" is a known mistake elsewhere: wundergraph/cosmo#3251).
 */
export function readScopes(value: unknown): Set<string> {
  if (typeof value === 'string') return new Set(value.split(/\s+/).filter(Boolean));
  if (Array.isArray(value)) return new Set(value.filter((scope): scope is string => typeof scope === 'string' && scope.length > 0));
  return new Set();
}

/** The identity a verified token describes; `scopeClaim` names the claim holding scopes (default `scope`). */
export function identityFromClaims(claims: JWTPayload, scopeClaim = 'scope'): Identity {
  const scopes = readScopes(claims[scopeClaim]);
  const text = (name: string) => (typeof claims[name] === 'string' && claims[name] ? (claims[name] as string) : null);
  const agency = text('agency');
  return {
    kind: agency ? 'agency' : scopes.has(Scope.CITIZEN_SELF) ? 'citizen' : 'user',
    sub: claims.sub ?? null,
    agency,
    purpose: text('purpose'),
    scopes,
  };
}
