import { rowLoader, rowsLoader, type Database } from '@govhub/shared';
import type { GeoLayerStatus, GeoTheme, GeoUseLevel } from './generated';

/** A reference to an entity another subgraph owns (Province, Agency, Committee): its key and nothing else. */
export interface CodeRef {
  code: string;
}
export interface GeoLayerRow {
  id: string;
  nameTh: string;
  nameEn: string;
  ownerCode: string;
  theme: GeoTheme;
  useLevel: GeoUseLevel;
  status: GeoLayerStatus;
  national: boolean;
  updatedOn: string;
  synthetic: boolean;
}
export interface ZoneRow {
  id: string;
  nameTh: string;
  nameEn: string;
  phase: number;
  establishedOn: string;
  announcementTh: string;
  outsideSeeds: boolean;
  synthetic: boolean;
}
export interface NgisReportRow {
  reportedOn: string;
  coreLayersDone: number;
  coreLayersPlanned: number;
  plannedIsApproximate: boolean;
  agencies: number;
  remainingDueOn: string;
  portalUrl: string;
}
export interface CommitteeRow {
  code: string;
  order: string;
  appointedOn: string;
  secretariatCode: string;
  frontEndCode: string;
  subcommitteeChairCode: string;
  subcommitteeAppointedIn: string;
  roadmapTh: string;
  obstaclesTh: string[];
}

const LAYER_COLUMNS = `l.id, l.name_th AS "nameTh", l.name_en AS "nameEn", l.owner_code AS "ownerCode", l.theme,
  l.use_level AS "useLevel", l.status, l.national, to_char(l.updated_on, 'YYYY-MM-DD') AS "updatedOn", l.synthetic`;
export const GEO_LAYER_SQL = `SELECT ${LAYER_COLUMNS} FROM geo_layer l`;
const ZONE_COLUMNS = `z.id, z.name_th AS "nameTh", z.name_en AS "nameEn", z.phase,
  to_char(z.established_on, 'YYYY-MM-DD') AS "establishedOn", z.announcement_th AS "announcementTh",
  z.outside_seeds AS "outsideSeeds", z.synthetic`;
export const ZONE_SQL = `SELECT ${ZONE_COLUMNS} FROM special_economic_zone z`;
export const NGIS_REPORT_SQL = `SELECT to_char(reported_on, 'YYYY-MM-DD') AS "reportedOn", core_layers_done AS "coreLayersDone",
  core_layers_planned AS "coreLayersPlanned", planned_is_approximate AS "plannedIsApproximate", member_agencies AS agencies,
  to_char(remaining_due_on, 'YYYY-MM-DD') AS "remainingDueOn", portal_url AS "portalUrl" FROM ngis_report`;
export const COMMITTEE_SQL = `SELECT code, ordered_by AS "order", to_char(appointed_on, 'YYYY-MM-DD') AS "appointedOn",
  secretariat_code AS "secretariatCode", front_end_code AS "frontEndCode", subcommittee_chair_code AS "subcommitteeChairCode",
  subcommittee_appointed_in AS "subcommitteeAppointedIn", roadmap_th AS "roadmapTh", obstacles_th AS "obstaclesTh" FROM committee`;

type ProvinceLayerRow = GeoLayerRow & { provinceCode: string };
type ProvinceZoneRow = ZoneRow & { provinceCode: string };
type Coverage = { ownerId: string; code: string };

export function createLoaders(db: Database) {
  return {
    geoLayer: rowLoader<GeoLayerRow>(db, `${GEO_LAYER_SQL} WHERE l.id = ANY($1)`, (row) => row.id),
    /** National layers reach every province through the province table; the others through their coverage rows. */
    geoLayersByProvince: rowsLoader<ProvinceLayerRow>(
      db,
      `SELECT p.code AS "provinceCode", ${LAYER_COLUMNS} FROM province p JOIN geo_layer l ON l.national
             WHERE p.code = ANY($1)
           UNION ALL
           SELECT c.province_code, ${LAYER_COLUMNS} FROM geo_layer_province c JOIN geo_layer l ON l.id = c.layer_id
             WHERE c.province_code = ANY($1)
           ORDER BY id`,
      (row) => row.provinceCode,
    ),
    provincesByLayer: rowsLoader<Coverage>(
      db,
      `SELECT l.id AS "ownerId", p.code FROM geo_layer l JOIN province p ON l.national WHERE l.id = ANY($1)
           UNION ALL
           SELECT layer_id, province_code FROM geo_layer_province WHERE layer_id = ANY($1)
           ORDER BY code`,
      (row) => row.ownerId,
    ),
    zone: rowLoader<ZoneRow>(db, `${ZONE_SQL} WHERE z.id = ANY($1)`, (row) => row.id),
    zonesByProvince: rowsLoader<ProvinceZoneRow>(
      db,
      `SELECT zp.province_code AS "provinceCode", ${ZONE_COLUMNS} FROM special_economic_zone_province zp
           JOIN special_economic_zone z ON z.id = zp.zone_id WHERE zp.province_code = ANY($1) ORDER BY z.phase, z.id`,
      (row) => row.provinceCode,
    ),
    provincesByZone: rowsLoader<Coverage>(
      db,
      `SELECT zone_id AS "ownerId", province_code AS code FROM special_economic_zone_province
           WHERE zone_id = ANY($1) ORDER BY province_code`,
      (row) => row.ownerId,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
