import { pagedRowsLoader, rowLoader, rowsLoader, type Database } from '@govhub/shared';
import type { IncidentCategory, ResourceKind, SecrecyLevel, SecurityAgreementStage, SharingMode, TipChannel, TipStatus } from './generated';

/** Entities other subgraphs own: this subgraph only ever holds their keys. */
export interface ProvinceRef {
  code: string;
}
export interface PersonRef {
  nationalId: string;
}
export interface AgencyRef {
  code: string;
}

export interface SecurityDatabaseRow {
  id: string;
  nameTh: string;
  nameEn: string | null;
  ownerCode: string;
  secrecyLevel: SecrecyLevel;
  sharingMode: SharingMode;
  legalAccessCondition: string | null;
  source: string | null;
  synthetic: boolean;
}
export interface IncidentRow {
  id: string;
  provinceCode: string;
  districtTh: string;
  occurredAt: string;
  category: IncidentCategory;
  casualties: number;
  reportedByCode: string;
  synthetic: boolean;
}
export interface TipRow {
  id: string;
  receivedAt: string;
  provinceCode: string;
  channel: TipChannel;
  summary: string;
  status: TipStatus;
  ownerCode: string;
  synthetic: boolean;
}
export interface AerialImageryRow {
  asOf: string;
  operatorCode: string;
  flownKm2: number;
  flownPercent: number;
  orthoKm2: number;
  orthoPercent: number;
}
export interface SecurityAgreementRow {
  id: string;
  nameTh: string;
  convenerCode: string;
  status: SecurityAgreementStage;
  partyCount: number;
  asOf: string;
}
export interface AgreementPartyRow {
  agreementId: string;
  agencyCode: string;
  commentReceived: boolean;
  synthetic: boolean;
}
export interface ResourceCutRow {
  id: string;
  agencyCode: string;
  kind: ResourceKind;
  reduction: number;
  reductionPercent: number | null;
  approximate: boolean;
  before: number | null;
  after: number | null;
  effectiveFrom: string;
}
export interface IdentityRow {
  nationalId: string;
  biometricRefs: string[];
  enrolledOn: string;
  ownerCode: string;
  synthetic: boolean;
}

/** Timestamps leave the database as ISO 8601 in UTC, the DateTime scalar's form. */
const isoTime = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

export const SECURITY_DATABASE_SQL = `SELECT id, name_th AS "nameTh", name_en AS "nameEn", owner_code AS "ownerCode",
  secrecy_level AS "secrecyLevel", sharing_mode AS "sharingMode", legal_access_condition AS "legalAccessCondition", source,
  synthetic FROM security_database`;
const INCIDENT_COLUMNS = `id, province_code AS "provinceCode", district_th AS "districtTh", ${isoTime('occurred_at')} AS "occurredAt",
  category, casualties, reported_by_code AS "reportedByCode", synthetic`;
export const INCIDENT_SQL = `SELECT ${INCIDENT_COLUMNS} FROM security_incident`;
export const TIP_SQL = `SELECT id, ${isoTime('received_at')} AS "receivedAt", province_code AS "provinceCode", channel, summary,
  status, owner_code AS "ownerCode", synthetic FROM citizen_tip`;
export const AERIAL_IMAGERY_SQL = `SELECT to_char(as_of, 'YYYY-MM-DD') AS "asOf", operator_code AS "operatorCode",
  flown_km2::float8 AS "flownKm2", flown_percent::float8 AS "flownPercent", ortho_km2::float8 AS "orthoKm2",
  ortho_percent::float8 AS "orthoPercent" FROM aerial_imagery_progress`;
export const SECURITY_AGREEMENT_SQL = `SELECT id, name_th AS "nameTh", convener_code AS "convenerCode", status,
  party_count AS "partyCount", to_char(as_of, 'YYYY-MM-DD') AS "asOf" FROM security_agreement`;
export const RESOURCE_CUT_SQL = `SELECT id, agency_code AS "agencyCode", kind, reduction, reduction_percent::float8 AS "reductionPercent",
  approximate, before_count AS "before", after_count AS "after", to_char(effective_from, 'YYYY-MM-DD') AS "effectiveFrom"
  FROM resource_cut`;
const IDENTITY_SQL = `SELECT national_id AS "nationalId", biometric_refs AS "biometricRefs",
  to_char(enrolled_on, 'YYYY-MM-DD') AS "enrolledOn", owner_code AS "ownerCode", synthetic FROM identity_record`;

/** Newest first, the order of every incident list. */
export const INCIDENT_ORDER = 'occurred_at DESC, id';

export function createLoaders(db: Database) {
  return {
    identityRecord: rowLoader<IdentityRow>(db, `${IDENTITY_SQL} WHERE national_id = ANY($1)`, (row) => row.nationalId),
    /** A page of each province's incidents, for a whole batch of provinces in one statement. */
    incidentsByProvince: pagedRowsLoader<IncidentRow>(
      // occurred_at beside the ISO text, so that incidents are ranked by the instant itself, as everywhere else
      db,
      `SELECT ${INCIDENT_COLUMNS}, occurred_at FROM security_incident WHERE province_code = ANY($1)`,
      { partitionBy: '"provinceCode"', orderBy: INCIDENT_ORDER },
      (row) => row.provinceCode,
    ),
    partiesByAgreement: rowsLoader<AgreementPartyRow>(
      db,
      `SELECT agreement_id AS "agreementId", agency_code AS "agencyCode", comment_received AS "commentReceived", synthetic
         FROM security_agreement_party WHERE agreement_id = ANY($1) ORDER BY position`,
      (row) => row.agreementId,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
