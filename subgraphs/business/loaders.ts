import { loaderPerArgument, pagedRowsLoader, rowLoader, rowsLoader, type Database } from '@govhub/shared';
import type {
  BusinessKind,
  BusinessStatus,
  Commodity,
  DocumentReadiness,
  LifecycleStage,
  TradeDirection,
  TradeProductGroup,
  VatStatus,
} from './generated';

/** Entities other subgraphs own: this subgraph knows only their keys. */
export interface PersonRef {
  nationalId: string;
}
export interface ProvinceRef {
  code: string;
}
export interface AgencyRef {
  code: string;
}

export interface BusinessRow {
  juristicId: string;
  nameTh: string;
  nameEn: string | null;
  kind: BusinessKind;
  registeredOn: string;
  status: BusinessStatus;
  registeredCapitalBaht: number;
  provinceCode: string;
  synthetic: boolean;
}
export interface DirectorRow {
  juristicId: string;
  nationalId: string;
}
export interface ShareholderRow {
  juristicId: string;
  nationalId: string;
  shares: number;
  percent: number;
}
export interface VatRegistrationRow {
  juristicId: string;
  registeredOn: string;
  status: VatStatus;
  branches: number;
  synthetic: boolean;
}
export interface FactoryLicenceRow {
  licenceNo: string;
  juristicId: string;
  activityTh: string;
  provinceCode: string;
  issuedOn: string;
  workers: number;
  machineryHorsepower: number;
  synthetic: boolean;
}
export interface LifecycleEventRow {
  juristicId: string;
  stage: LifecycleStage;
  on: string;
  note: string | null;
}
export interface LifecycleStageRow {
  stage: LifecycleStage;
  nameTh: string;
  activities: string[];
  exampleDatasets: string[];
}
export interface CommodityPriceRow {
  commodity: Commodity;
  nameTh: string;
  month: string;
  priceBaht: number;
  unit: string;
  synthetic: boolean;
}
export interface TradeStatisticRow {
  month: string;
  direction: TradeDirection;
  partnerCountry: string;
  partnerNameTh: string;
  productGroup: TradeProductGroup;
  valueMillionBaht: number;
  synthetic: boolean;
}
export interface DocumentDemandRow {
  no: number;
  nameTh: string;
  nameEn: string;
  issuerCode: string;
  ownerMinistryTh: string;
  requestingAgencies: number;
  readiness: DocumentReadiness;
}
export interface SingleCardProcessRow {
  no: number;
  nameTh: string;
  nameEn: string;
  ministryAbbrTh: string;
  agencyCode: string;
  listedProcesses: number;
  asOf: string;
}

/** Business columns over `business b`, so that joins can select them beside their own. */
const BUSINESS_COLUMNS = `b.juristic_id AS "juristicId", b.name_th AS "nameTh", b.name_en AS "nameEn", b.kind,
  to_char(b.registered_on, 'YYYY-MM-DD') AS "registeredOn", b.status, b.registered_capital_baht::float8 AS "registeredCapitalBaht",
  b.province_code AS "provinceCode", b.synthetic`;
export const BUSINESS_SQL = `SELECT ${BUSINESS_COLUMNS} FROM business b`;
/** The order businesses are listed in everywhere: oldest registration first. */
export const BUSINESS_ORDER = 'b.registered_on, b.juristic_id';
export const COMMODITY_PRICE_SQL = `SELECT commodity, name_th AS "nameTh", to_char(month, 'YYYY-MM') AS month,
  price_baht::float8 AS "priceBaht", unit, synthetic FROM commodity_price`;
export const TRADE_STATISTIC_SQL = `SELECT to_char(month, 'YYYY-MM') AS month, direction, partner_country AS "partnerCountry",
  partner_name_th AS "partnerNameTh", product_group AS "productGroup", value_million_baht::float8 AS "valueMillionBaht", synthetic
  FROM trade_statistic`;
export const DOCUMENT_DEMAND_SQL = `SELECT no, name_th AS "nameTh", name_en AS "nameEn", issuer_code AS "issuerCode",
  owner_ministry_th AS "ownerMinistryTh", requesting_agencies AS "requestingAgencies", readiness
  FROM document_demand`;
export const LIFECYCLE_STAGE_SQL = `SELECT stage, name_th AS "nameTh", activities, example_datasets AS "exampleDatasets"
  FROM lifecycle_stage`;

export function createLoaders(db: Database) {
  return {
    business: rowLoader<BusinessRow>(db, `${BUSINESS_SQL} WHERE b.juristic_id = ANY($1)`, (row) => row.juristicId),
    directorsByBusiness: rowsLoader<DirectorRow>(
      db,
      `SELECT juristic_id AS "juristicId", national_id AS "nationalId" FROM director
           WHERE juristic_id = ANY($1) ORDER BY juristic_id, position`,
      (row) => row.juristicId,
    ),
    businessesByDirector: rowsLoader<BusinessRow & { directorId: string }>(
      db,
      `SELECT d.national_id AS "directorId", ${BUSINESS_COLUMNS} FROM director d JOIN business b USING (juristic_id)
           WHERE d.national_id = ANY($1) ORDER BY ${BUSINESS_ORDER}`,
      (row) => row.directorId,
    ),
    shareholdersByBusiness: rowsLoader<ShareholderRow>(
      db,
      `SELECT juristic_id AS "juristicId", national_id AS "nationalId", shares,
             (trunc(shares * 100.0 / sum(shares) OVER (PARTITION BY juristic_id), 2))::float8 AS percent
           FROM shareholder WHERE juristic_id = ANY($1) ORDER BY juristic_id, shares DESC, national_id`,
      (row) => row.juristicId,
    ),
    vatRegistration: rowLoader<VatRegistrationRow>(
      db,
      `SELECT juristic_id AS "juristicId", to_char(registered_on, 'YYYY-MM-DD') AS "registeredOn", status, branches, synthetic
           FROM vat_registration WHERE juristic_id = ANY($1)`,
      (row) => row.juristicId,
    ),
    factoryLicencesByBusiness: rowsLoader<FactoryLicenceRow>(
      db,
      `SELECT licence_no AS "licenceNo", juristic_id AS "juristicId", activity_th AS "activityTh", province_code AS "provinceCode",
             to_char(issued_on, 'YYYY-MM-DD') AS "issuedOn", workers, machinery_horsepower::float8 AS "machineryHorsepower", synthetic
           FROM factory_licence WHERE juristic_id = ANY($1) ORDER BY issued_on, licence_no`,
      (row) => row.juristicId,
    ),
    lifecycleByBusiness: rowsLoader<LifecycleEventRow>(
      db,
      `SELECT juristic_id AS "juristicId", stage, to_char(occurred_on, 'YYYY-MM-DD') AS "on", note FROM lifecycle_event
           WHERE juristic_id = ANY($1) ORDER BY juristic_id, position`,
      (row) => row.juristicId,
    ),
    /** Provinces without businesses have no row: the resolver reads a missing count as 0. */
    businessCountByProvince: loaderPerArgument((status: BusinessStatus | null) =>
      rowLoader<{ provinceCode: string; count: number }>(
        db,
        `SELECT province_code AS "provinceCode", count(*)::int AS count FROM business
             WHERE province_code = ANY($1) AND ($2::text IS NULL OR status = $2) GROUP BY province_code`,
        (row) => row.provinceCode,
        [status],
      ),
    ),
    /** A page of each province's businesses, for a whole batch of provinces in one statement. */
    businessesByProvince: pagedRowsLoader<BusinessRow>(
      // BUSINESS_ORDER over the output columns: a YYYY-MM-DD text sorts as its date
      db,
      `${BUSINESS_SQL} WHERE b.province_code = ANY($1)`,
      { partitionBy: '"provinceCode"', orderBy: '"registeredOn", "juristicId"' },
      (row) => row.provinceCode,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
