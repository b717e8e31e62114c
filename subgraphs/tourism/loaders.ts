import { loaderPerArgument, rowLoader, rowsLoader, type Database } from '@govhub/shared';
import type {
  TourBusinessKind,
  TourGuideCardType,
  TourismDocument,
  TourismDocumentReadiness,
  TourismIntelligencePurpose,
  TouristIncidentCategory,
  TouristIncidentSeverity,
  TourLicenceStatus,
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
export interface BusinessRef {
  juristicId: string;
}
export interface PersonRef {
  nationalId: string;
}

export interface StatisticRow {
  provinceCode: string;
  period: string;
  arrivals: number;
  foreignArrivals: number;
  thaiArrivals: number;
  revenueBaht: number;
  forecast: boolean;
  synthetic: boolean;
}
export interface IncidentRow {
  id: string;
  provinceCode: string;
  occurredAt: string;
  category: TouristIncidentCategory;
  severity: TouristIncidentSeverity;
  nationality: string;
  synthetic: boolean;
}
export interface TourLicenceRow {
  licenceNo: string;
  holderJuristicId: string;
  kind: TourBusinessKind;
  issuedOn: string;
  expiresOn: string;
  status: TourLicenceStatus;
  synthetic: boolean;
}
export interface GuideRow {
  cardNo: string;
  nationalId: string;
  cardType: TourGuideCardType;
  issuedOn: string;
  expiresOn: string;
  synthetic: boolean;
}
export interface HotelRow {
  licenceNo: string;
  nameTh: string;
  provinceCode: string;
  rooms: number;
  issuedByCode: string;
  issuedOn: string;
  synthetic: boolean;
}
export interface CenterRow {
  code: string;
  nameTh: string;
  nameEn: string;
  description: string;
  leadCode: string;
  purposes: TourismIntelligencePurpose[];
  linkedAgencyCount: number;
  asOf: string;
}
export interface CenterLinkRow {
  centerCode: string;
  agencyCode: string;
  dataTh: string;
  synthetic: boolean;
}
export interface SurveyRow {
  ministryCode: string;
  agencies: number;
  databases: number;
  datasets: number;
  readyToLink: number;
  notReadyToLink: number;
  asOf: string;
}
export interface DocumentDemandRow {
  no: number;
  document: TourismDocument;
  nameTh: string;
  ownerMinistryCode: string;
  requestingAgencies: number;
  readiness: TourismDocumentReadiness;
  source: string;
}

export const STATISTIC_SQL = `SELECT province_code AS "provinceCode", to_char(month, 'YYYY-MM') AS period,
  foreign_arrivals + thai_arrivals AS arrivals, foreign_arrivals AS "foreignArrivals", thai_arrivals AS "thaiArrivals",
  revenue_baht::float8 AS "revenueBaht", forecast, synthetic FROM tourism_statistic`;
export const INCIDENT_SQL = `SELECT id, province_code AS "provinceCode",
  to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "occurredAt",
  category, severity, nationality, synthetic FROM tourist_safety_incident`;
export const TOUR_LICENCE_SQL = `SELECT licence_no AS "licenceNo", holder_juristic_id AS "holderJuristicId", kind,
  to_char(issued_on, 'YYYY-MM-DD') AS "issuedOn", to_char(expires_on, 'YYYY-MM-DD') AS "expiresOn", status, synthetic
  FROM tour_business_licence`;
export const GUIDE_SQL = `SELECT card_no AS "cardNo", national_id AS "nationalId", card_type AS "cardType",
  to_char(issued_on, 'YYYY-MM-DD') AS "issuedOn", to_char(expires_on, 'YYYY-MM-DD') AS "expiresOn", synthetic FROM tour_guide`;
export const HOTEL_SQL = `SELECT licence_no AS "licenceNo", name_th AS "nameTh", province_code AS "provinceCode", rooms,
  issued_by_code AS "issuedByCode", to_char(issued_on, 'YYYY-MM-DD') AS "issuedOn", synthetic FROM hotel_licence`;
export const CENTER_SQL = `SELECT code, name_th AS "nameTh", name_en AS "nameEn", description, lead_code AS "leadCode", purposes,
  linked_agency_count AS "linkedAgencyCount", to_char(as_of, 'YYYY-MM-DD') AS "asOf" FROM intelligence_center`;
export const SURVEY_SQL = `SELECT ministry_code AS "ministryCode", agencies, databases, datasets, ready AS "readyToLink",
  not_ready AS "notReadyToLink", to_char(as_of, 'YYYY-MM-DD') AS "asOf" FROM ministry_survey`;
export const DOCUMENT_DEMAND_SQL = `SELECT row_no AS "no", document, name_th AS "nameTh", owner_ministry_code AS "ownerMinistryCode",
  requesting_agencies AS "requestingAgencies", readiness, source FROM document_demand`;

/** A span of months, [from, to) as YYYY-MM-DD; null ends are open. */
export interface MonthRange {
  from: string | null;
  to: string | null;
}

export function createLoaders(db: Database) {
  return {
    /** One loader per period, so a province's months are still one statement per batch of provinces. */
    statisticsByProvince: loaderPerArgument((range: MonthRange) =>
      rowsLoader<StatisticRow>(
        db,
        `${STATISTIC_SQL} WHERE province_code = ANY($1) AND ($2::date IS NULL OR month >= $2) AND ($3::date IS NULL OR month < $3)
       ORDER BY month`,
        (row) => row.provinceCode,
        [range.from, range.to],
      ),
    ),
    incident: rowLoader<IncidentRow>(db, `${INCIDENT_SQL} WHERE id = ANY($1)`, (row) => row.id),
    tourLicence: rowLoader<TourLicenceRow>(db, `${TOUR_LICENCE_SQL} WHERE licence_no = ANY($1)`, (row) => row.licenceNo),
    tourLicencesByHolder: rowsLoader<TourLicenceRow>(
      db,
      `${TOUR_LICENCE_SQL} WHERE holder_juristic_id = ANY($1) ORDER BY licence_no`,
      (row) => row.holderJuristicId,
    ),
    guide: rowLoader<GuideRow>(db, `${GUIDE_SQL} WHERE card_no = ANY($1)`, (row) => row.cardNo),
    guideByPerson: rowLoader<GuideRow>(db, `${GUIDE_SQL} WHERE national_id = ANY($1)`, (row) => row.nationalId),
    hotel: rowLoader<HotelRow>(db, `${HOTEL_SQL} WHERE licence_no = ANY($1)`, (row) => row.licenceNo),
    centerLinks: rowsLoader<CenterLinkRow>(
      db,
      `SELECT center_code AS "centerCode", agency_code AS "agencyCode", data_th AS "dataTh", synthetic
           FROM intelligence_center_link WHERE center_code = ANY($1) ORDER BY position`,
      (row) => row.centerCode,
    ),
    surveyRespondents: rowsLoader<{ ministryCode: string; agencyCode: string }>(
      db,
      `SELECT ministry_code AS "ministryCode", agency_code AS "agencyCode" FROM ministry_survey_respondent
           WHERE ministry_code = ANY($1) ORDER BY position`,
      (row) => row.ministryCode,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
