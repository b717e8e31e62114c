import { isValidNationalId, mayRelease, Scope, type DatasetGrant, type Identity } from '@govhub/shared';
import type { Dnf, Requirement } from './rules';

/** A policy of `@policy`: TypeScript decides, sync or async; a policy without a function is a denial. */
export type PolicyFunction = (identity: Identity) => boolean | Promise<boolean>;
export type PolicyRegistry = ReadonlyMap<string, PolicyFunction>;

/** What the governance data says about access to a dataset's data (sharing agreements and consents). */
export interface GrantSource {
  /** The valid agreement naming this consumer, dataset and purpose, with the SENSITIVE fields it names; null without one. */
  agreementFor(consumer: string, dataset: string, purpose: string): { id: string; fields: string[] | null } | null;
  /** The citizens who consented to this consumer reading this dataset for this purpose, and have not revoked it. */
  consentingSubjects(consumer: string, dataset: string, purpose: string): ReadonlySet<string>;
  /** Resolves once every change announced so far is held: decisions are never made on a copy known to be stale. */
  fresh?(): Promise<void>;
}

export interface Decisions {
  /** Whether every requirement holds. Only requirements passed to `decide` are known. */
  allows(requirements: readonly Requirement[]): boolean;
  /** Per dataset, on which bases its data may be released (judged per subject on what comes back, and forwarded). */
  grants: Record<string, DatasetGrant>;
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
  await grantSource.fresh?.();
  const outcomes = new Map<string, boolean>();
  const grants: Record<string, DatasetGrant> = {};
  for (const requirement of requirements) {
    const key = requirementKey(requirement);
    if (outcomes.has(key)) continue;
    outcomes.set(key, await holds(requirement, identity, policies, grantSource, grants));
  }
  const signature = [...outcomes.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([key, ok]) => `${ok ? 1 : 0}${key}`)
    .join('|');
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
  grants: Record<string, DatasetGrant>,
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
      const { level, dataset } = requirement.classification;
      if (level === 'PUBLIC') return true;
      if (level === 'INTERNAL') return identity.kind === 'agency' && identity.agency !== null && identity.scopes.has(Scope.AGENCY);
      if (!dataset) return false;
      const grant = (grants[dataset] ??= datasetGrant(dataset, identity, grantSource));
      return mayRelease(grant, level, requirement.coordinate);
    }
  }
}

function anyOf(dnf: Dnf, has: (leaf: string) => boolean): boolean {
  return dnf.some((alternative) => alternative.every(has));
}

/**
 * Every basis on which this caller may be released a dataset's data, whatever the field: the subject themself
 * (a citizen, their own record, SENSITIVE included); an agency officer with `personal:read` for a purpose, under a
 * valid agreement naming the agency, the dataset and the purpose (SENSITIVE fields only with `sensitive:read` and
 * when the agreement names them), or for the citizens who consented; with `security:need-to-know`, a SECRET
 * dataset under a valid agreement naming it and the purpose. Which basis releases a value is decided per subject
 * on the answer (`releaseOf`).
 */
export function datasetGrant(dataset: string, identity: Identity, grantSource: GrantSource): DatasetGrant {
  if (identity.kind === 'citizen' && identity.scopes.has(Scope.CITIZEN_SELF) && identity.sub && isValidNationalId(identity.sub)) {
    return { sensitive: true, self: { subject: identity.sub } };
  }
  const { agency, purpose, scopes } = identity;
  if (identity.kind !== 'agency' || !agency || !purpose) return {};
  const agreement = grantSource.agreementFor(agency, dataset, purpose);
  const grant: DatasetGrant = scopes.has(Scope.SENSITIVE_READ) ? { sensitive: true } : {};
  if (scopes.has(Scope.PERSONAL_READ)) {
    if (agreement) grant.agreement = { id: agreement.id, fields: scopes.has(Scope.SENSITIVE_READ) ? agreement.fields : null };
    const subjects = grantSource.consentingSubjects(agency, dataset, purpose);
    if (subjects.size > 0) grant.consent = { subjects };
  }
  if (agreement && scopes.has(Scope.SECURITY_NEED_TO_KNOW)) {
    grant.clearance = { agreementId: agreement.id };
  }
  return grant;
}
