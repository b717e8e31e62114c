import { requirePage, requireProvinceCode, type Database } from '@govhub/shared';
import type { QueryResolvers } from '../generated';
import {
  SITUATION_REPORT_SQL,
  TELEMETRY_STATION_SQL,
  WATER_DATA_ITEM_SQL,
  type DecisionSupportPlanRow,
  type ProvinceRef,
  type SituationReportRow,
  type SupportDeploymentRow,
  type TelemetryStationRow,
  type WaterAgencyProgressRow,
  type WaterDataItemRow,
  type WaterDataSummaryRow,
} from '../loaders';

/** Counts of items by status, as SQL select-list expressions over water_data_item. */
const STATUS_COUNTS = `count(*)::int AS items,
  (count(*) FILTER (WHERE status = 'LINKED'))::int AS linked,
  (count(*) FILTER (WHERE status = 'PREPARING'))::int AS preparing,
  (count(*) FILTER (WHERE status = 'AWAITING_AGENCY_UPDATE'))::int AS "awaitingUpdate"`;

/** The one row of a figure the seed always provides; its absence is a server fault, not a client's. */
function single<T>(rows: T[], what: string): T {
  if (rows.length === 0) throw new Error(`${what} has not been seeded`);
  return rows[0];
}

/** What Database.query returns a list of (pg's QueryResultRow), named without depending on pg directly. */
type Row = Awaited<ReturnType<Database['query']>>[number];

/** One page (`first`, `offset` checked by requirePage) of `select`, whose conditions use $1.. for `filters`. */
function page<R extends Row>(
  db: Database,
  select: string,
  filters: unknown[],
  orderBy: string,
  args: { first?: number | null; offset?: number | null },
): Promise<R[]> {
  const { first, offset } = requirePage(args.first, args.offset);
  return db.query<R>(`${select} ORDER BY ${orderBy} LIMIT $${filters.length + 1} OFFSET $${filters.length + 2}`, [...filters, first, offset]);
}

export const Query: QueryResolvers = {
  waterDataSummary: async (_, __, { db }) =>
    single(
      await db.query<WaterDataSummaryRow>(
        `SELECT ${STATUS_COUNTS}, count(DISTINCT agency_code)::int AS agencies,
         (SELECT to_char(max(as_of), 'YYYY-MM-DD') FROM water_data_snapshot) AS "asOf",
         (SELECT coalesce(json_agg(json_build_object('asOf', to_char(as_of, 'YYYY-MM-DD'), 'items', items, 'linked', linked,
            'preparing', preparing, 'awaitingUpdate', awaiting_update, 'agencies', agencies) ORDER BY as_of), '[]')
            FROM water_data_snapshot) AS history
       FROM water_data_item HAVING count(*) > 0`,
      ),
      'the water data warehouse',
    ),
  waterDataItems: (_, args, { db }) =>
    page<WaterDataItemRow>(
      db,
      `${WATER_DATA_ITEM_SQL} WHERE ($1::text IS NULL OR agency_code = $1) AND ($2::text IS NULL OR status = $2)`,
      [args.agencyCode ?? null, args.status ?? null],
      'position',
      args,
    ),
  waterAgencies: (_, __, { db }) =>
    db.query<WaterAgencyProgressRow>(
      `SELECT a.no, a.code AS "agencyCode", a.name_th AS "nameTh", a.note_th AS "noteTh", ${STATUS_COUNTS}
       FROM water_agency a JOIN water_data_item i ON i.agency_code = a.code
       GROUP BY a.code ORDER BY a.no`,
    ),
  telemetryStations: (_, args, { db }) => {
    const provinceCode = args.provinceCode == null ? null : requireProvinceCode(args.provinceCode, 'provinceCode');
    return page<TelemetryStationRow>(
      db,
      `${TELEMETRY_STATION_SQL} WHERE ($1::text IS NULL OR province_code = $1)`,
      [provinceCode],
      'province_code, id',
      args,
    );
  },
  telemetryStation: (_, { id }, { loaders }) => loaders.station.load(id),
  situationReports: (_, args, { db }) =>
    page<SituationReportRow>(
      db,
      `${SITUATION_REPORT_SQL} WHERE ($1::text IS NULL OR type = $1) AND ($2::text IS NULL OR mode = $2)`,
      [args.type ?? null, args.mode ?? null],
      'issued_on DESC, id',
      args,
    ),
  provincialWaterCentres: (_, __, { db }) => db.query<ProvinceRef>('SELECT province_code AS code FROM provincial_water_centre ORDER BY position'),
  decisionSupportPlan: async (_, __, { db }) =>
    single(
      await db.query<DecisionSupportPlanRow>(
        `SELECT name_th AS "nameTh", to_char(approved_on, 'YYYY-MM-DD') AS "approvedOn", projects, agencies,
         budget_million_baht::float8 AS "budgetMillionBaht", tracking_url AS "trackingUrl" FROM decision_support_plan`,
      ),
      'the decision-support plan',
    ),
  supportDeployments: (_, __, { db }) =>
    db.query<SupportDeploymentRow>(
      `SELECT id, agency_code AS "agencyCode", host_agency_code AS "hostAgencyCode", province_code AS "provinceCode",
         site_th AS "siteTh", staff, request_ref AS "requestRef", to_char(started_on, 'YYYY-MM-DD') AS "startedOn",
         to_char(ended_on, 'YYYY-MM-DD') AS "endedOn", purpose_th AS "purposeTh"
       FROM support_deployment ORDER BY started_on, id`,
    ),
};
