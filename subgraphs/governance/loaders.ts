import { loaderPerArgument, pagedRowsLoader, rowLoader, rowsLoader, type Database } from '@govhub/shared';
import type { AmendmentKind, Classification, CommitteeStatus, DatasetSource, Region, UpdateFrequency } from './generated';

export interface ProvinceRow {
  code: string;
  nameTh: string;
  nameEn: string;
  region: Region;
}
export interface SurveyCountsRow {
  agencies: number;
  databases: number;
  datasets: number;
  readyToLink: number;
  notReadyToLink: number;
}
export interface MinistryRow {
  code: string;
  nameTh: string;
  nameEn: string;
  abbrTh: string | null;
  survey: SurveyCountsRow | null;
}
export interface AgencyRow {
  code: string;
  nameTh: string;
  nameEn: string;
  ministryCode: string | null;
  surveyed: boolean;
  synthetic: boolean;
}
export interface CommitteeRow {
  code: string;
  nameTh: string;
  nameEn: string;
  order: string;
  status: CommitteeStatus;
  leadCode: string;
  subgraph: string | null;
}
export interface DatabaseRow {
  id: string;
  nameTh: string;
  ownerCode: string;
}
export interface DatasetRow {
  id: string;
  nameTh: string;
  nameEn: string | null;
  ownerCode: string;
  databaseId: string | null;
  classification: Classification;
  readyToLink: boolean;
  updateFrequency: UpdateFrequency;
  description: string | null;
  source: DatasetSource;
  synthetic: boolean;
}
export interface SurveyTotalRow extends SurveyCountsRow {
  asOf: string;
}
export interface PurposeRow {
  code: string;
  nameTh: string;
  nameEn: string;
}
export interface AgreementRow {
  id: string;
  no: number | null;
  providerCode: string;
  consumerCode: string;
  approvedOn: string | null;
  signedOn: string | null;
  validUntil: string | null;
  synthetic: boolean;
}
export interface PersonRef {
  nationalId: string;
}
export interface ExchangeLogRow {
  subject: string;
  at: string;
  consumerCode: string | null;
  officer: string | null;
  purposeCode: string | null;
  basis: string;
  agreementId: string | null;
  datasetId: string;
  fields: string[];
  requestId: string;
}
export interface ConsentRow {
  id: string;
  subject: string;
  agencyCode: string;
  purposeCode: string;
  datasetId: string;
  grantedAt: string;
  revokedAt: string | null;
}
export interface AccessLogQuery {
  first: number;
  offset: number;
  agencyCode: string | null;
  dataset: string | null;
}

export const CONSENT_SQL = `SELECT id::text, subject, consumer_code AS "agencyCode", purpose_code AS "purposeCode", dataset_id AS "datasetId",
  to_char(granted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "grantedAt",
  to_char(revoked_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "revokedAt" FROM consent`;

/**
 * A citizen's view of the exchange log: releases to others (their own reads are not listed), without entries a
 * policy withholds from the subject (security-domain access), newest first, a page per person.
 */
const ACCESS_LOG_SQL = `SELECT * FROM (
    SELECT subject, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, consumer_code AS "consumerCode",
           officer, purpose_code AS "purposeCode", basis, agreement_id AS "agreementId", dataset_id AS "datasetId", fields,
           request_id AS "requestId", row_number() OVER (PARTITION BY subject ORDER BY seq DESC) AS rank
      FROM exchange_log
     WHERE subject = ANY($1) AND basis <> 'self' AND NOT withheld_from_subject
       AND ($4::text IS NULL OR consumer_code = $4) AND ($5::text IS NULL OR dataset_id = $5)) ranked
  WHERE rank > $2 AND rank <= $2 + $3 ORDER BY rank`;

export interface AmendmentRow {
  agreementId: string;
  kind: AmendmentKind;
  approvedOn: string | null;
  signedOn: string | null;
}

export const PROVINCE_SQL = `SELECT code, name_th AS "nameTh", name_en AS "nameEn", region FROM province`;
export const MINISTRY_SQL = `SELECT code, name_th AS "nameTh", name_en AS "nameEn", abbr_th AS "abbrTh",
  CASE WHEN survey_agencies IS NULL THEN NULL ELSE json_build_object('agencies', survey_agencies, 'databases', survey_databases,
    'datasets', survey_datasets, 'readyToLink', survey_ready, 'notReadyToLink', survey_not_ready) END AS survey
  FROM ministry`;
export const AGENCY_SQL = `SELECT code, name_th AS "nameTh", name_en AS "nameEn", ministry_code AS "ministryCode", surveyed, synthetic FROM agency`;
export const COMMITTEE_SQL = `SELECT code, name_th AS "nameTh", name_en AS "nameEn", ordered_by AS "order", status,
  lead_code AS "leadCode", subgraph FROM committee`;
export const DATABASE_SQL = `SELECT id, name_th AS "nameTh", owner_code AS "ownerCode" FROM catalog_database`;
export const DATASET_SQL = `SELECT id, name_th AS "nameTh", name_en AS "nameEn", owner_code AS "ownerCode", database_id AS "databaseId",
  classification, ready_to_link AS "readyToLink", update_frequency AS "updateFrequency", description, source, synthetic FROM dataset`;
export const PURPOSE_SQL = `SELECT code, name_th AS "nameTh", name_en AS "nameEn" FROM purpose`;
export const AGREEMENT_SQL = `SELECT id, annex_no AS "no", provider_code AS "providerCode", consumer_code AS "consumerCode",
  to_char(approved_on, 'YYYY-MM-DD') AS "approvedOn", to_char(signed_on, 'YYYY-MM-DD') AS "signedOn",
  to_char(valid_until, 'YYYY-MM-DD') AS "validUntil", synthetic FROM agreement`;

export function createLoaders(db: Database) {
  return {
    province: rowLoader<ProvinceRow>(db, `${PROVINCE_SQL} WHERE code = ANY($1)`, (row) => row.code),
    ministry: rowLoader<MinistryRow>(db, `${MINISTRY_SQL} WHERE code = ANY($1)`, (row) => row.code),
    agency: rowLoader<AgencyRow>(db, `${AGENCY_SQL} WHERE code = ANY($1)`, (row) => row.code),
    agenciesByMinistry: rowsLoader<AgencyRow>(db, `${AGENCY_SQL} WHERE ministry_code = ANY($1) ORDER BY code`, (row) => row.ministryCode ?? ''),
    aliasesByAgency: rowsLoader<{ agencyCode: string; alias: string }>(
      db,
      `SELECT agency_code AS "agencyCode", alias FROM agency_alias WHERE agency_code = ANY($1) ORDER BY alias`,
      (row) => row.agencyCode,
    ),
    committee: rowLoader<CommitteeRow>(db, `${COMMITTEE_SQL} WHERE code = ANY($1)`, (row) => row.code),
    database: rowLoader<DatabaseRow>(db, `${DATABASE_SQL} WHERE id = ANY($1)`, (row) => row.id),
    databasesByOwner: rowsLoader<DatabaseRow>(db, `${DATABASE_SQL} WHERE owner_code = ANY($1) ORDER BY id`, (row) => row.ownerCode),
    dataset: rowLoader<DatasetRow>(db, `${DATASET_SQL} WHERE id = ANY($1)`, (row) => row.id),
    datasetsByDatabase: rowsLoader<DatasetRow>(db, `${DATASET_SQL} WHERE database_id = ANY($1) ORDER BY position`, (row) => row.databaseId ?? ''),
    /** A page of each owner's datasets, for a whole batch of owners in one statement. */
    datasetsByOwner: pagedRowsLoader<DatasetRow>(
      db,
      `${DATASET_SQL.replace(' FROM dataset', ', position FROM dataset')} WHERE owner_code = ANY($1)`,
      { partitionBy: '"ownerCode"', orderBy: 'position' },
      (row) => row.ownerCode,
    ),
    purpose: rowLoader<PurposeRow>(db, `${PURPOSE_SQL} WHERE code = ANY($1)`, (row) => row.code),
    agreement: rowLoader<AgreementRow>(db, `${AGREEMENT_SQL} WHERE id = ANY($1)`, (row) => row.id),
    datasetIdsByAgreement: rowsLoader<{ agreementId: string; datasetId: string }>(
      db,
      `SELECT agreement_id AS "agreementId", dataset_id AS "datasetId" FROM agreement_dataset
           WHERE agreement_id = ANY($1) ORDER BY dataset_id`,
      (row) => row.agreementId,
    ),
    purposeCodesByAgreement: rowsLoader<{ agreementId: string; purposeCode: string }>(
      db,
      `SELECT agreement_id AS "agreementId", purpose_code AS "purposeCode" FROM agreement_purpose
           WHERE agreement_id = ANY($1) ORDER BY purpose_code`,
      (row) => row.agreementId,
    ),
    amendmentsByAgreement: rowsLoader<AmendmentRow>(
      db,
      `SELECT agreement_id AS "agreementId", kind, to_char(approved_on, 'YYYY-MM-DD') AS "approvedOn",
           to_char(signed_on, 'YYYY-MM-DD') AS "signedOn" FROM agreement_amendment
           WHERE agreement_id = ANY($1) ORDER BY position`,
      (row) => row.agreementId,
    ),
    accessLogBySubject: loaderPerArgument(({ first, offset, agencyCode, dataset }: AccessLogQuery) =>
      rowsLoader<ExchangeLogRow>(db, ACCESS_LOG_SQL, (row) => row.subject, [offset, first, agencyCode, dataset]),
    ),
    consentsBySubject: loaderPerArgument(
      (activeOnly: boolean) =>
        rowsLoader<ConsentRow>(
          db,
          `${CONSENT_SQL} WHERE subject = ANY($1) AND ($2 = false OR revoked_at IS NULL) ORDER BY granted_at DESC, id`,
          (row) => row.subject,
          [activeOnly],
        ),
      String,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
