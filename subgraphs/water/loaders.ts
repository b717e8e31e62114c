import { loaderPerArgument, rowLoader, rowsLoader, type Database } from '@govhub/shared';
import type { SituationMode, SituationReportType, WaterAlertLevel, WaterDataStatus } from './generated';

/** Entities other subgraphs own: this subgraph only knows their keys. */
export interface ProvinceRef {
  code: string;
}
export interface AgencyRef {
  code: string;
}

export interface WaterDataItemRow {
  id: string;
  nameTh: string;
  agencyCode: string;
  status: WaterDataStatus;
  synthetic: boolean;
}
export interface WaterDataCounts {
  items: number;
  linked: number;
  preparing: number;
  awaitingUpdate: number;
}
export interface WaterAgencyProgressRow extends WaterDataCounts {
  no: number;
  agencyCode: string;
  nameTh: string;
  noteTh: string | null;
}
export interface WaterDataSnapshotRow extends WaterDataCounts {
  asOf: string;
  agencies: number | null;
}
export interface WaterDataSummaryRow extends WaterDataCounts {
  agencies: number;
  asOf: string;
  history: WaterDataSnapshotRow[];
}
export interface TelemetryStationRow {
  id: string;
  nameTh: string;
  operatorCode: string;
  provinceCode: string;
  basin: string;
  lat: number;
  lon: number;
  synthetic: boolean;
}
export interface ObservationRow {
  stationId: string;
  at: string;
  rainfallMm: number | null;
  waterLevelM: number | null;
}
export interface RainForecastDayRow {
  date: string;
  rainfallMm: number;
  chancePercent: number;
}
export interface RainForecastRow {
  provinceCode: string;
  issuedAt: string;
  days: RainForecastDayRow[];
  synthetic: boolean;
}
export interface WaterSituationRow {
  provinceCode: string;
  asOf: string;
  droughtStatus: WaterAlertLevel;
  floodStatus: WaterAlertLevel;
  reservoirPercent: number | null;
  synthetic: boolean;
}
export interface SituationReportRow {
  id: string;
  type: SituationReportType;
  mode: SituationMode;
  issuedOn: string;
  title: string;
  synthetic: boolean;
}
export interface DecisionSupportPlanRow {
  nameTh: string;
  approvedOn: string;
  projects: number;
  agencies: number;
  budgetMillionBaht: number;
  trackingUrl: string;
}
export interface SupportDeploymentRow {
  id: string;
  agencyCode: string;
  hostAgencyCode: string;
  provinceCode: string;
  siteTh: string;
  staff: number;
  requestRef: string | null;
  startedOn: string;
  endedOn: string | null;
  purposeTh: string;
}

/** A timestamptz as the ISO 8601 text the DateTime scalar serializes (UTC). */
const isoInstant = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export const WATER_DATA_ITEM_SQL = `SELECT id, name_th AS "nameTh", agency_code AS "agencyCode", status, synthetic FROM water_data_item`;
export const TELEMETRY_STATION_SQL = `SELECT id, name_th AS "nameTh", operator_code AS "operatorCode", province_code AS "provinceCode",
  basin, lat, lon, synthetic FROM telemetry_station`;
export const SITUATION_REPORT_SQL = `SELECT id, type, mode, to_char(issued_on, 'YYYY-MM-DD') AS "issuedOn", title, synthetic
  FROM situation_report`;
const WATER_SITUATION_SQL = `SELECT DISTINCT ON (province_code) province_code AS "provinceCode", to_char(as_of, 'YYYY-MM-DD') AS "asOf",
  drought_status AS "droughtStatus", flood_status AS "floodStatus", reservoir_percent::float8 AS "reservoirPercent", synthetic
  FROM water_situation WHERE province_code = ANY($1) ORDER BY province_code, as_of DESC`;
const RAIN_FORECAST_SQL = `SELECT DISTINCT ON (f.province_code) f.province_code AS "provinceCode", ${isoInstant('f.issued_at')} AS "issuedAt",
  f.synthetic,
  (SELECT json_agg(json_build_object('date', to_char(d.day, 'YYYY-MM-DD'), 'rainfallMm', d.rainfall_mm,
     'chancePercent', d.chance_percent) ORDER BY d.day)
     FROM rain_forecast_day d WHERE d.province_code = f.province_code AND d.issued_at = f.issued_at) AS days
  FROM rain_forecast f WHERE f.province_code = ANY($1) ORDER BY f.province_code, f.issued_at DESC`;
/** The latest `$2` readings of each station, oldest first. */
const RECENT_OBSERVATIONS_SQL = `SELECT "stationId", at, "rainfallMm", "waterLevelM" FROM (
    SELECT station_id AS "stationId", ${isoInstant('at')} AS at, rainfall_mm::float8 AS "rainfallMm",
      water_level_m::float8 AS "waterLevelM", row_number() OVER (PARTITION BY station_id ORDER BY at DESC) AS recency
    FROM observation WHERE station_id = ANY($1)) ranked
  WHERE recency <= $2 ORDER BY "stationId", recency DESC`;

export function createLoaders(db: Database) {
  return {
    waterDataItem: rowLoader<WaterDataItemRow>(db, `${WATER_DATA_ITEM_SQL} WHERE id = ANY($1)`, (row) => row.id),
    station: rowLoader<TelemetryStationRow>(db, `${TELEMETRY_STATION_SQL} WHERE id = ANY($1)`, (row) => row.id),
    stationsByProvince: rowsLoader<TelemetryStationRow>(
      db,
      `${TELEMETRY_STATION_SQL} WHERE province_code = ANY($1) ORDER BY province_code, id`,
      (row) => row.provinceCode,
    ),
    recentObservations: loaderPerArgument((last: number) => rowsLoader<ObservationRow>(db, RECENT_OBSERVATIONS_SQL, (row) => row.stationId, [last])),
    waterSituation: rowLoader<WaterSituationRow>(db, WATER_SITUATION_SQL, (row) => row.provinceCode),
    rainForecast: rowLoader<RainForecastRow>(db, RAIN_FORECAST_SQL, (row) => row.provinceCode),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
