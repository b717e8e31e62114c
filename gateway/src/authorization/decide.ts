import { isValidNationalId, Scope, type FieldClassification, type Grant, type Identity } from '@govhub/shared';
import type { Dnf, Requirement } from './rules';

/** A policy of `@policy`: TypeScript decides, sync or async; a policy without a function is a denial. */
export type PolicyFunction = (identity: Identity) => boolean | Promise<boolean>;
export type PolicyRegistry = ReadonlyMap<string, PolicyFunction>;

/** What the governance data says about personal-data access (sharing agreements and consents). */
export interface GrantSource {
  /** A valid agreement naming this consumer, dataset and purpose (and, for a sensitive field, the field). */
  agreementFor(consumer: string, dataset: string, purpose: string, sensitiveCoordinate: string | null): { id: string; fields: string[] | null } | null;
  /** Whether some citizen has consented to this consumer reading this dataset for this purpose. */
  hasConsent(consumer: string, dataset: string, purpose: string): boolean;
}

export interface Decisions {
  /** Whether every requirement holds. Only requirements passed to `decide` are known. */
  allows(requirements: readonly Requirement[]): boolean;
  /** Per dataset, why its personal data may be released (forwarded to subgraphs, written to the log). */
  grants: Record<string, Grant>;
  /** A stable signature of the outcomes, for caching the filtered operation per caller shape. */
  signature: string;
}

const keys = new WeakMap<Requirement, string>();
/** A requirement's identity; rules are built once per supergraph, so each key is computed once. */
export function requirementKey(requirement: Requirement): string {
  let key = keys.get(requirement);
  if (key === undefined) {
    key = JSON.stringify(requirement);
    keys.set(requirement, key);
  }
  return key;
}

/** Evaluates each distinct requirement once (policies may be async), then answers synchronously. */
export async function decide(
  requirements: Iterable<Requirement>,
  identity: Identity,
  policies: PolicyRegistry,
  grantSource: GrantSource,
): Promise<Decisions> {
  const outcomes = new Map<string, boolean>();
  const grants: Record<string, Grant> = {};
  for (const requirement of requirements) {
    const key = requirementKey(requirement);
    if (outcomes.has(key)) continue;
    outcomes.set(key, await holds(requirement, identity, policies, grantSource, grants));
  }
  const signature = [...outcomes.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, ok]) => `${ok ? 1 : 0}${key}`).join('|');
  return {
    allows: (list) => list.every((requirement) => outcomes.get(requirementKey(requirement)) === true),
    grants,
    signature,
  };
}

async function holds(
  requirement: Requirement,
  identity: Identity,
  policies: PolicyRegistry,
  grantSource: GrantSource,
  grants: Record<string, Grant>,
): Promise<boolean> {
  switch (requirement.kind) {
    case 'authenticated':
      return identity.kind !== 'anonymous';
    case 'scopes':
      return anyOf(requirement.anyOf, (scope) => identity.scopes.has(scope));
    case 'policies': {
      for (const alternative of requirement.anyOf) {
        let all = true;
        for (const name of alternative) {
          const policy = policies.get(name);
          if (!policy || !(await policy(identity))) {
            all = false;
            break;
          }
        }
        if (all) return true;
      }
      return false;
    }
    case 'classified': {
      const grant = classificationGrant(requirement.classification, requirement.coordinate, identity, grantSource);
      if (grant && requirement.classification.dataset && grant !== 'open') mergeGrant(grants, requirement.classification.dataset, grant);
      return grant !== null;
    }
  }
}

function anyOf(dnf: Dnf, has: (leaf: string) => boolean): boolean {
  return dnf.some((alternative) => alternative.every(has));
}

/**
 * The governance rules of DOMAIN.md section 5 as a decision: `'open'` needs no grant, a Grant says why personal
 * data may flow, null denies. PERSONAL and SENSITIVE need an agreement for consumer + dataset + purpose (SENSITIVE:
 * naming the field), or consent of the subject, or the subject themself; SECRET needs need-to-know clearance and
 * is never released to a citizen or an anonymous caller.
 */
export function classificationGrant(
  classification: FieldClassification,
  coordinate: string,
  identity: Identity,
  grantSource: GrantSource,
): Grant | 'open' | null {
  const { level, dataset } = classification;
  const agency = identity.kind === 'agency' ? identity.agency : null;
  switch (level) {
    case 'PUBLIC':
      return 'open';
    case 'INTERNAL':
      return agency && identity.scopes.has(Scope.AGENCY) ? 'open' : null;
    case 'SECRET':
      return agency && identity.scopes.has(Scope.SECURITY_NEED_TO_KNOW) ? { basis: 'clearance' } : null;
    case 'PERSONAL':
    case 'SENSITIVE': {
      if (identity.kind === 'citizen' && identity.scopes.has(Scope.CITIZEN_SELF) && identity.sub && isValidNationalId(identity.sub)) {
        return { basis: 'self' };
      }
      const purpose = identity.purpose;
      if (!agency || !purpose || !dataset || !identity.scopes.has(Scope.PERSONAL_READ)) return null;
      if (level === 'SENSITIVE' && !identity.scopes.has(Scope.SENSITIVE_READ)) return null;
      const agreement = grantSource.agreementFor(agency, dataset, purpose, level === 'SENSITIVE' ? coordinate : null);
      if (agreement) return { basis: 'agreement', agreementId: agreement.id, fields: agreement.fields };
      return grantSource.hasConsent(agency, dataset, purpose) ? { basis: 'consent' } : null;
    }
  }
}

/** An agreement covers every subject, so it wins over consent for the same dataset. */
function mergeGrant(grants: Record<string, Grant>, dataset: string, grant: Grant): void {
  const current = grants[dataset];
  if (!current || (current.basis !== 'agreement' && grant.basis === 'agreement')) grants[dataset] = grant;
}
