import { badUserInput, requirePage } from '@govhub/shared';
import type { QueryResolvers } from '../generated';
import {
  COMMITTEE_SQL,
  GEO_LAYER_SQL,
  NGIS_REPORT_SQL,
  ZONE_SQL,
  type CommitteeRow,
  type GeoLayerRow,
  type NgisReportRow,
  type ZoneRow,
} from '../loaders';

const ZONE_PHASES = [1, 2];

/** A singleton the seed inserts; its absence is a broken deployment, not the client's mistake. */
function seeded<T>(row: T | undefined, what: string): T {
  if (!row) throw new Error(`${what} has not been seeded`);
  return row;
}

export const Query: QueryResolvers = {
  geoLayers: (_, args, { db }) => {
    const { first, offset } = requirePage(args.first, args.offset);
    return db.query<GeoLayerRow>(
      `${GEO_LAYER_SQL} WHERE ($1::text IS NULL OR l.theme = $1) AND ($2::text IS NULL OR l.use_level = $2)
         AND ($3::text IS NULL OR l.status = $3) AND ($4::text IS NULL OR l.owner_code = $4)
       ORDER BY l.id LIMIT $5 OFFSET $6`,
      [args.theme ?? null, args.useLevel ?? null, args.status ?? null, args.ownerCode ?? null, first, offset],
    );
  },
  geoLayer: (_, { id }, { loaders }) => loaders.geoLayer.load(id),
  ngisSummary: async (_, __, { db }) =>
    seeded((await db.query<NgisReportRow>(`${NGIS_REPORT_SQL} ORDER BY reported_on DESC LIMIT 1`))[0], 'the NGIS report'),
  specialEconomicZones: (_, { phase }, { db }) => {
    if (phase != null && !ZONE_PHASES.includes(phase)) {
      throw badUserInput('phase must be 1 or 2', { argumentName: 'phase', reason: 'ZONE_PHASE' });
    }
    return db.query<ZoneRow>(`${ZONE_SQL} WHERE ($1::int IS NULL OR z.phase = $1) ORDER BY z.phase, z.id`, [phase ?? null]);
  },
  specialEconomicZone: (_, { id }, { loaders }) => loaders.zone.load(id),
  resourcesCommittee: async (_, __, { db }) =>
    seeded((await db.query<CommitteeRow>(`${COMMITTEE_SQL} WHERE code = $1`, ['RESOURCES']))[0], 'the committee'),
};
