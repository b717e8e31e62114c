import { rowLoader, rowsLoader, type Database } from '@govhub/shared';
import type {
  CivilEventType,
  Crop,
  CustodyStatus,
  DisabilityType,
  DocumentReadiness,
  EducationLevel,
  HealthScheme,
  LowIncomeStatus,
  RegistrationCategory,
  Sex,
} from './generated';

/** Entities other subgraphs own: this subgraph knows only their keys. */
export interface ProvinceRef {
  code: string;
}
export interface AgencyRef {
  code: string;
}
export interface MinistryRef {
  code: string;
}
export interface DatasetRef {
  id: string;
}

export interface PersonRow {
  nationalId: string;
  titleTh: string;
  firstNameTh: string;
  lastNameTh: string;
  dateOfBirth: string;
  sex: Sex;
  registrationCategory: RegistrationCategory;
  houseId: string;
}
export interface HouseRow {
  houseId: string;
  houseNo: string;
  moo: number | null;
  subdistrictTh: string;
  districtTh: string;
  provinceCode: string;
  houseMasterId: string;
}
export interface CivilEventRow {
  nationalId: string;
  type: CivilEventType;
  registeredOn: string;
  office: string;
}
export interface LowIncomeRow {
  nationalId: string;
  status: LowIncomeStatus;
  registeredOn: string;
  annualIncomeBaht: number;
  welfareCardBalanceBaht: number | null;
}
export interface HealthCoverageRow {
  nationalId: string;
  scheme: HealthScheme;
  mainHospital: string;
  since: string;
}
export interface SocialSecurityRow {
  nationalId: string;
  currentHospital: string;
  employerName: string;
  insuredSince: string;
}
export interface FarmPlotRow {
  nationalId: string;
  crop: Crop;
  areaRai: number;
  provinceCode: string;
}
export interface FarmerRow {
  plots: FarmPlotRow[];
}
export interface StudentRecordRow {
  nationalId: string;
  academicYear: number;
  level: EducationLevel;
  grade: number;
  schoolName: string;
}
export interface ChronicConditionRow {
  nationalId: string;
  condition: 'DIABETES' | 'HYPERTENSION';
  diagnosedOn: string;
  lastCheckedOn: string;
  controlled: boolean;
  hospital: string;
}
export interface DisabilityRow {
  nationalId: string;
  type: DisabilityType;
  cardIssuedOn: string;
  cardExpiresOn: string;
  monthlyAllowanceBaht: number;
}
export interface ElderlyRow {
  nationalId: string;
  registeredOn: string;
  monthlyAllowanceBaht: number;
}
export interface ProbationRow {
  nationalId: string;
  caseNo: string;
  office: string;
  startedOn: string;
  endsOn: string;
}
export interface IncarcerationRow {
  nationalId: string;
  prison: string;
  admittedOn: string;
  releaseDueOn: string | null;
  status: CustodyStatus;
}

export interface ServiceRow {
  code: string;
  no: number;
  nameTh: string;
  agencyCode: string;
  singleIdCard: boolean;
  synthetic: boolean;
}
export interface DocumentTypeRow {
  code: string;
  no: number;
  nameTh: string;
  ownerNameTh: string;
  ownerMinistryCode: string | null;
  issuerCode: string | null;
  requestingAgencyCount: number;
  readiness: DocumentReadiness;
}
export interface LinkageRow {
  no: number;
  nameTh: string;
  providerCode: string;
  datasetId: string | null;
}
export interface KpiRow {
  done: number;
  target: number;
}
export interface SummaryRow {
  asOf: string;
  /** The stated KPIs by code (service_kpi). */
  kpi: Record<string, { done: number; target: number | null }>;
  linkageDatabasesListed: number;
  documentRequests: number;
  documentOwnerMinistries: number;
  documentOwnerAgencies: number;
}

const date = (column: string, alias: string) => `to_char(${column}, 'YYYY-MM-DD') AS "${alias}"`;

export const PERSON_SQL = `SELECT national_id AS "nationalId", title_th AS "titleTh", first_name_th AS "firstNameTh",
  last_name_th AS "lastNameTh", ${date('date_of_birth', 'dateOfBirth')}, sex, registration_category AS "registrationCategory",
  house_id AS "houseId" FROM person`;
export const HOUSE_SQL = `SELECT house_id AS "houseId", house_no AS "houseNo", moo, subdistrict_th AS "subdistrictTh",
  district_th AS "districtTh", province_code AS "provinceCode", house_master_id AS "houseMasterId" FROM house`;
export const SERVICE_SQL = `SELECT code, no, name_th AS "nameTh", agency_code AS "agencyCode", single_id_card AS "singleIdCard",
  synthetic FROM government_service`;
export const DOCUMENT_TYPE_SQL = `SELECT code, no, name_th AS "nameTh", owner_name_th AS "ownerNameTh",
  owner_ministry_code AS "ownerMinistryCode", issuer_code AS "issuerCode", requesting_agency_count AS "requestingAgencyCount",
  readiness FROM document_type`;
export const LINKAGE_SQL = `SELECT no, name_th AS "nameTh", provider_code AS "providerCode", dataset_id AS "datasetId"
  FROM linkage_database`;
/** The stated KPIs and the counts over the stored lists, in one statement. */
export const SUMMARY_SQL = `SELECT ${date('(SELECT max(as_of) FROM service_kpi)', 'asOf')},
  (SELECT json_object_agg(code, json_build_object('done', done, 'target', target)) FROM service_kpi) AS kpi,
  (SELECT count(*) FROM linkage_database)::int AS "linkageDatabasesListed",
  (SELECT coalesce(sum(requesting_agency_count), 0) FROM document_type)::int AS "documentRequests",
  (SELECT count(DISTINCT owner_ministry_code) FROM document_type)::int AS "documentOwnerMinistries",
  (SELECT count(DISTINCT owner_agency_code) FROM document_type)::int AS "documentOwnerAgencies"`;

const byPerson = (row: { nationalId: string }) => row.nationalId;

export function createLoaders(db: Database) {
  return {
    person: rowLoader<PersonRow>(db, `${PERSON_SQL} WHERE national_id = ANY($1)`, byPerson),
    house: rowLoader<HouseRow>(db, `${HOUSE_SQL} WHERE house_id = ANY($1)`, (row) => row.houseId),
    membersByHouse: rowsLoader<PersonRow>(db, `${PERSON_SQL} WHERE house_id = ANY($1) ORDER BY person_index`, (row) => row.houseId),
    civilEventsByPerson: rowsLoader<CivilEventRow>(
      db,
      `SELECT national_id AS "nationalId", type, ${date('registered_on', 'registeredOn')}, office FROM civil_event
           WHERE national_id = ANY($1) ORDER BY position`,
      byPerson,
    ),
    lowIncome: rowLoader<LowIncomeRow>(
      db,
      `SELECT national_id AS "nationalId", status, ${date('registered_on', 'registeredOn')},
           annual_income_baht AS "annualIncomeBaht", welfare_card_balance_baht::float8 AS "welfareCardBalanceBaht"
           FROM low_income_registration WHERE national_id = ANY($1)`,
      byPerson,
    ),
    healthCoverage: rowLoader<HealthCoverageRow>(
      db,
      `SELECT national_id AS "nationalId", scheme, main_hospital AS "mainHospital", ${date('since', 'since')}
           FROM health_coverage WHERE national_id = ANY($1)`,
      byPerson,
    ),
    socialSecurity: rowLoader<SocialSecurityRow>(
      db,
      `SELECT national_id AS "nationalId", current_hospital AS "currentHospital", employer_name AS "employerName",
           ${date('insured_since', 'insuredSince')} FROM social_security WHERE national_id = ANY($1)`,
      byPerson,
    ),
    farmPlotsByPerson: rowsLoader<FarmPlotRow>(
      db,
      `SELECT national_id AS "nationalId", crop, area_rai::float8 AS "areaRai", province_code AS "provinceCode"
           FROM farm_plot WHERE national_id = ANY($1) ORDER BY plot_no`,
      byPerson,
    ),
    studentRecordsByPerson: rowsLoader<StudentRecordRow>(
      db,
      `SELECT national_id AS "nationalId", academic_year AS "academicYear", level, grade, school_name AS "schoolName"
           FROM student_record WHERE national_id = ANY($1) ORDER BY academic_year DESC`,
      byPerson,
    ),
    /** Diabetes and hypertension of a person, both in one statement. */
    chronicConditionsByPerson: rowsLoader<ChronicConditionRow>(
      db,
      `SELECT national_id AS "nationalId", condition, ${date('diagnosed_on', 'diagnosedOn')},
           ${date('last_checked_on', 'lastCheckedOn')}, controlled, hospital FROM chronic_condition
           WHERE national_id = ANY($1)`,
      byPerson,
    ),
    disability: rowLoader<DisabilityRow>(
      db,
      `SELECT national_id AS "nationalId", type, ${date('card_issued_on', 'cardIssuedOn')},
           ${date('card_expires_on', 'cardExpiresOn')}, monthly_allowance_baht AS "monthlyAllowanceBaht"
           FROM disability WHERE national_id = ANY($1)`,
      byPerson,
    ),
    elderly: rowLoader<ElderlyRow>(
      db,
      `SELECT national_id AS "nationalId", ${date('registered_on', 'registeredOn')},
           monthly_allowance_baht AS "monthlyAllowanceBaht" FROM elderly_registration WHERE national_id = ANY($1)`,
      byPerson,
    ),
    probation: rowLoader<ProbationRow>(
      db,
      `SELECT national_id AS "nationalId", case_no AS "caseNo", office, ${date('started_on', 'startedOn')},
           ${date('ends_on', 'endsOn')} FROM probation WHERE national_id = ANY($1)`,
      byPerson,
    ),
    incarceration: rowLoader<IncarcerationRow>(
      db,
      `SELECT national_id AS "nationalId", prison, ${date('admitted_on', 'admittedOn')},
           ${date('release_due_on', 'releaseDueOn')}, status FROM incarceration WHERE national_id = ANY($1)`,
      byPerson,
    ),
    provincePopulation: rowLoader<{ code: string; population: number }>(
      db,
      `SELECT province_code AS code, population FROM province_population WHERE province_code = ANY($1)`,
      (row) => row.code,
    ),
    registeredPeople: rowLoader<{ code: string; people: number }>(
      db,
      `SELECT province_code AS code, count(*)::int AS people FROM person WHERE province_code = ANY($1)
           GROUP BY province_code`,
      (row) => row.code,
    ),
    service: rowLoader<ServiceRow>(db, `${SERVICE_SQL} WHERE code = ANY($1)`, (row) => row.code),
    documentType: rowLoader<DocumentTypeRow>(db, `${DOCUMENT_TYPE_SQL} WHERE code = ANY($1)`, (row) => row.code),
    documentsByService: rowsLoader<DocumentTypeRow & { serviceCode: string }>(
      db,
      `SELECT l.service_code AS "serviceCode", d.* FROM service_document l
           JOIN (${DOCUMENT_TYPE_SQL}) d ON d.code = l.document_code
           WHERE l.service_code = ANY($1) ORDER BY l.position`,
      (row) => row.serviceCode,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
