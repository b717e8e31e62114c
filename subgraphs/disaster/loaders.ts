import { pagedRowsLoader, rowLoader, rowsLoader, type Database } from '@govhub/shared';
import type {
  AssistanceKind,
  DisasterCommitteeRole,
  EconomyProfile,
  Hazard,
  ImportantPlaces,
  InfrastructureProfile,
  PhysicalProfile,
  ResponseCapacity,
  WarningSeverity,
  WarningStatus,
} from './generated';

/** Entities other domains own: this subgraph only knows their keys. */
export interface ProvinceRef {
  code: string;
}
export interface PersonRef {
  nationalId: string;
}
export interface AgencyRef {
  code: string;
}

export interface EventRow {
  id: string;
  nameTh: string;
  nameEn: string;
  hazard: Hazard;
  startedAt: string;
  endedAt: string | null;
  synthetic: boolean;
}
export interface DeploymentRow {
  id: string;
  eventId: string;
  agencyCode: string;
  staff: number;
  stationTh: string;
  startedOn: string;
  endedOn: string | null;
  referenceTh: string | null;
  synthetic: boolean;
}
export interface WarningRow {
  id: string;
  hazard: Hazard;
  severity: WarningSeverity;
  area: string;
  provinceCode: string | null;
  status: WarningStatus;
  issuedAt: string;
  trackedAt: string | null;
  endedAt: string | null;
  issuedByCode: string;
  eventId: string | null;
  synthetic: boolean;
}
export interface VictimRow {
  id: string;
  eventId: string;
  nationalId: string;
  provinceCode: string;
  registeredOn: string;
  synthetic: boolean;
}
export interface AssistanceRow {
  id: string;
  victimId: string;
  eventId: string;
  nationalId: string;
  kind: AssistanceKind;
  amountBaht: number;
  providedOn: string;
  agencyCode: string;
  synthetic: boolean;
}
export interface ReliefStockRow {
  id: string;
  nameTh: string;
  provinceCode: string;
  quantity: number;
  unit: string;
  asOf: string;
  synthetic: boolean;
}
export interface ProfileRow {
  provinceCode: string;
  asOf: string;
  riskFactors: { hazards: Hazard[]; annualRainfallMm: number; rainyDays: number; stormsLast10Years: number; riskVillages: number };
  physical: PhysicalProfile;
  infrastructure: InfrastructureProfile;
  economy: EconomyProfile;
  importantPlaces: ImportantPlaces;
  population: {
    total: number;
    male: number;
    female: number;
    children: number;
    elderly: number;
    vulnerable: number;
    households: number;
    victims: number;
  };
  responseCapacity: ResponseCapacity;
  synthetic: boolean;
}
export interface SummaryRow {
  agenciesStudied: number;
  agenciesLinked: number;
  relatedDatabases: number;
  asOf: string;
}
export interface CommitteeRow {
  nameTh: string;
  nameEn: string;
  orderTh: string;
  draft: boolean;
  leadCode: string;
}
export interface MemberRow {
  seat: string;
  titleTh: string;
  role: DisasterCommitteeRole;
  agencyCode: string;
}

/** DateTime columns as ISO 8601 in UTC, the form the DateTime scalar serves. */
const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;
const day = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;

export const EVENT_SQL = `SELECT e.id, e.name_th AS "nameTh", e.name_en AS "nameEn", e.hazard, ${iso('e.started_at')} AS "startedAt",
  ${iso('e.ended_at')} AS "endedAt", e.synthetic FROM disaster_event e`;
export const WARNING_SQL = `SELECT id, hazard, severity, area_th AS area, province_code AS "provinceCode", status,
  ${iso('issued_at')} AS "issuedAt", ${iso('tracked_at')} AS "trackedAt", ${iso('ended_at')} AS "endedAt",
  issued_by AS "issuedByCode", event_id AS "eventId", synthetic FROM warning`;
export const VICTIM_SQL = `SELECT id, event_id AS "eventId", national_id AS "nationalId", province_code AS "provinceCode",
  ${day('registered_on')} AS "registeredOn", synthetic FROM victim`;
const ASSISTANCE_SQL = `SELECT a.id, a.victim_id AS "victimId", v.event_id AS "eventId", v.national_id AS "nationalId", a.kind,
  a.amount_baht::float8 AS "amountBaht", ${day('a.provided_on')} AS "providedOn", a.agency_code AS "agencyCode", a.synthetic
  FROM assistance a JOIN victim v ON v.id = a.victim_id`;
export const RELIEF_STOCK_SQL = `SELECT id, name_th AS "nameTh", province_code AS "provinceCode", quantity, unit,
  ${day('as_of')} AS "asOf", synthetic FROM relief_stock`;
const DEPLOYMENT_SQL = `SELECT id, event_id AS "eventId", agency_code AS "agencyCode", staff, station_th AS "stationTh",
  ${day('started_on')} AS "startedOn", ${day('ended_on')} AS "endedOn", reference_th AS "referenceTh", synthetic
  FROM response_deployment`;
/** One row per province, each category an object shaped like its GraphQL type; victims are counted, not stored. */
const PROFILE_SQL = `SELECT p.province_code AS "provinceCode", ${day('p.as_of')} AS "asOf",
  json_build_object('hazards', p.hazards, 'annualRainfallMm', p.annual_rainfall_mm, 'rainyDays', p.rainy_days,
    'stormsLast10Years', p.storms_last_10_years, 'riskVillages', p.risk_villages) AS "riskFactors",
  json_build_object('areaKm2', p.area_km2::float8, 'forestAreaKm2', p.forest_area_km2::float8,
    'retentionAreaKm2', p.retention_area_km2::float8, 'evacuationSites', p.evacuation_sites,
    'evacuationCapacity', p.evacuation_capacity) AS physical,
  json_build_object('roadKm', p.road_km, 'bridges', p.bridges, 'damagedRoadKm2017', p.damaged_road_km_2017,
    'damageValueBaht2017', p.damage_value_baht_2017::float8) AS infrastructure,
  json_build_object('establishments', p.establishments, 'industrialEstates', p.industrial_estates,
    'agriculturalAreaRai', p.agricultural_area_rai) AS economy,
  json_build_object('schools', p.schools, 'healthFacilities', p.health_facilities, 'religiousSites', p.religious_sites,
    'governmentOffices', p.government_offices) AS "importantPlaces",
  json_build_object('total', p.population, 'male', p.male, 'female', p.female, 'children', p.children, 'elderly', p.elderly,
    'vulnerable', p.vulnerable, 'households', p.households,
    'victims', (SELECT count(*) FROM victim v WHERE v.province_code = p.province_code)) AS population,
  json_build_object('machinery', p.machinery, 'vehicles', p.vehicles, 'boats', p.boats, 'personnel', p.personnel,
    'volunteers', p.volunteers) AS "responseCapacity",
  p.synthetic
  FROM province_profile p`;

export function createLoaders(db: Database) {
  return {
    event: rowLoader<EventRow>(db, `${EVENT_SQL} WHERE e.id = ANY($1)`, (row) => row.id),
    eventsByProvince: rowsLoader<EventRow & { provinceCode: string }>(
      db,
      `SELECT ep.province_code AS "provinceCode", events.* FROM event_province ep
         JOIN (${EVENT_SQL}) events ON events.id = ep.event_id
       WHERE ep.province_code = ANY($1) ORDER BY events."startedAt" DESC, events.id`,
      (row) => row.provinceCode,
    ),
    provinceCodesByEvent: rowsLoader<{ eventId: string; code: string }>(
      db,
      `SELECT event_id AS "eventId", province_code AS code FROM event_province WHERE event_id = ANY($1) ORDER BY province_code`,
      (row) => row.eventId,
    ),
    deploymentsByEvent: rowsLoader<DeploymentRow>(db, `${DEPLOYMENT_SQL} WHERE event_id = ANY($1) ORDER BY started_on, id`, (row) => row.eventId),
    victimCountByEvent: rowLoader<{ eventId: string; count: number }>(
      db,
      `SELECT event_id AS "eventId", count(*)::int AS count FROM victim WHERE event_id = ANY($1) GROUP BY event_id`,
      (row) => row.eventId,
    ),
    /** A page of each event's victims, for a whole batch of events in one statement. */
    victimsByEvent: pagedRowsLoader<VictimRow>(
      db,
      `${VICTIM_SQL} WHERE event_id = ANY($1)`,
      { partitionBy: '"eventId"', orderBy: '"nationalId"' },
      (row) => row.eventId,
    ),
    warning: rowLoader<WarningRow>(db, `${WARNING_SQL} WHERE id = ANY($1)`, (row) => row.id),
    activeWarningsByProvince: rowsLoader<WarningRow>(
      db,
      `${WARNING_SQL} WHERE province_code = ANY($1) AND status IN ('ISSUED', 'TRACKING') ORDER BY issued_at DESC, id`,
      (row) => row.provinceCode ?? '',
    ),
    assistanceByVictim: rowsLoader<AssistanceRow>(
      db,
      `${ASSISTANCE_SQL} WHERE a.victim_id = ANY($1) ORDER BY a.provided_on, a.id`,
      (row) => row.victimId,
    ),
    assistanceByPerson: rowsLoader<AssistanceRow>(
      db,
      `${ASSISTANCE_SQL} WHERE v.national_id = ANY($1) ORDER BY a.provided_on, a.id`,
      (row) => row.nationalId,
    ),
    reliefStockItem: rowLoader<ReliefStockRow>(db, `${RELIEF_STOCK_SQL} WHERE id = ANY($1)`, (row) => row.id),
    profileByProvince: rowLoader<ProfileRow>(db, `${PROFILE_SQL} WHERE p.province_code = ANY($1)`, (row) => row.provinceCode),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
