import type { Classification } from '../federation/classification';

/**
 * Why a dataset's data may be released to this caller, decided by the gateway from the governance data. Each basis
 * covers its own subjects, so the bases are kept apart and every release is judged per subject and per field:
 * an agreement covers every subject (a SENSITIVE field only when the agreement names it), consent covers only the
 * citizens who gave it, self covers only the caller's own record, clearance covers a SECRET dataset under a
 * security agreement naming it and the purpose.
 */
export interface DatasetGrant {
  /** SENSITIVE fields may be released at all (the caller holds `sensitive:read`, or is the subject themself). */
  sensitive?: true;
  agreement?: { id: string; fields: readonly string[] | null };
  consent?: { subjects: ReadonlySet<string> };
  self?: { subject: string };
  clearance?: { agreementId: string };
}

/** Per dataset id. */
export type Grants = Readonly<Record<string, DatasetGrant>>;

export type ReleaseBasis = 'agreement' | 'consent' | 'self' | 'clearance';

export interface Release {
  basis: ReleaseBasis;
  agreementId: string | null;
}

/** `Type.field` is named by itself or by `Type.*`. */
export function namesField(fields: readonly string[] | null | undefined, coordinate: string): boolean {
  if (!fields) return false;
  return fields.includes(coordinate) || fields.includes(`${coordinate.slice(0, coordinate.indexOf('.'))}.*`);
}

/**
 * The one decision, made by the gateway on what comes back and again by the subgraph that holds the row: may this
 * field (`Type.field`, of this level) about this subject be released under these grants, and on which basis?
 * PUBLIC and INTERNAL are not decided here (they concern no subject). A subject of null is nobody known: only an
 * agreement, which covers every subject, can release it.
 */
export function releaseOf(grant: DatasetGrant | undefined, level: Classification, coordinate: string, subject: string | null): Release | null {
  if (!grant) return null;
  if (level === 'SECRET') return grant.clearance ? { basis: 'clearance', agreementId: grant.clearance.agreementId } : null;
  if (level !== 'PERSONAL' && (level !== 'SENSITIVE' || !grant.sensitive)) return null;
  if (grant.agreement && (level === 'PERSONAL' || namesField(grant.agreement.fields, coordinate))) {
    return { basis: 'agreement', agreementId: grant.agreement.id };
  }
  if (subject === null) return null;
  if (grant.self?.subject === subject) return { basis: 'self', agreementId: null };
  if (grant.consent?.subjects.has(subject)) return { basis: 'consent', agreementId: null };
  return null;
}

/** Whether some subject could be released this field under these grants (decided before planning). */
export function mayRelease(grant: DatasetGrant | undefined, level: Classification, coordinate: string): boolean {
  if (!grant) return false;
  if (level === 'SECRET') return grant.clearance !== undefined;
  if (level === 'SENSITIVE' && !grant.sensitive) return false;
  return releaseOf(grant, level, coordinate, null) !== null || grant.self !== undefined || (grant.consent?.subjects.size ?? 0) > 0;
}

/** Grants as JSON (consent subjects as a list), for the identity the gateway forwards. */
export function grantsToJson(grants: Grants): Record<string, unknown> {
  const json: Record<string, unknown> = {};
  for (const [dataset, grant] of Object.entries(grants)) {
    json[dataset] = grant.consent ? { ...grant, consent: { subjects: [...grant.consent.subjects] } } : grant;
  }
  return json;
}

/** Reads grants from JSON; anything malformed grants nothing. */
export function grantsFromJson(value: unknown): Grants {
  const grants: Record<string, DatasetGrant> = {};
  if (!value || typeof value !== 'object') return grants;
  for (const [dataset, raw] of Object.entries(value as Record<string, unknown>)) {
    if (!raw || typeof raw !== 'object') continue;
    const parts = raw as { sensitive?: unknown; agreement?: JsonObject; consent?: JsonObject; self?: JsonObject; clearance?: JsonObject };
    const grant: DatasetGrant = parts.sensitive === true ? { sensitive: true } : {};
    const { agreement, consent, self, clearance } = parts;
    if (agreement && typeof agreement.id === 'string') {
      grant.agreement = { id: agreement.id, fields: Array.isArray(agreement.fields) ? agreement.fields.filter(isText) : null };
    }
    if (consent && Array.isArray(consent.subjects)) grant.consent = { subjects: new Set(consent.subjects.filter(isText)) };
    if (self && isText(self.subject)) grant.self = { subject: self.subject };
    if (clearance && isText(clearance.agreementId)) grant.clearance = { agreementId: clearance.agreementId };
    grants[dataset] = grant;
  }
  return grants;
}

type JsonObject = { [key: string]: unknown } | undefined;

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}
