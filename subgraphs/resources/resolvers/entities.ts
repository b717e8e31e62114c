import { truncatedPercent } from '@govhub/shared';
import type { ProvincegeoLayersArgs, Resolvers } from '../generated';
import type { CodeRef, GeoLayerRow } from '../loaders';

const NGIS_PORTAL = 'https://ngis.go.th';

function matches(layer: GeoLayerRow, { theme, useLevel, status }: Partial<ProvincegeoLayersArgs>): boolean {
  return (!theme || layer.theme === theme) && (!useLevel || layer.useLevel === useLevel) && (!status || layer.status === status);
}

/** Only imported layers have data to hand out; GOVERNMENT layers only through the agencies' service. */
function downloadUrl(layer: GeoLayerRow): string | null {
  if (layer.status !== 'DONE' || layer.useLevel === 'GOVERNMENT') return null;
  const edition = layer.useLevel === 'LEARNING' ? 'learning' : 'download';
  return `${NGIS_PORTAL}/${edition}/${layer.id.toLowerCase()}.zip`;
}

function serviceEndpoint(layer: GeoLayerRow): string | null {
  if (layer.status !== 'DONE') return null;
  return `${NGIS_PORTAL}/geoserver/${layer.ownerCode.toLowerCase()}/wms?layers=${layer.id.toLowerCase()}`;
}

const ref = (code: string): CodeRef => ({ code });

export const entities: Omit<Resolvers, 'Query'> = {
  Province: {
    // Governance owns provinces; this subgraph only needs the key to reach its own rows.
    __resolveReference: ({ code }) => ref(code),
    geoLayers: async ({ code }, filter, { loaders }) => (await loaders.geoLayersByProvince.load(code)).filter((layer) => matches(layer, filter)),
    specialEconomicZones: ({ code }, _, { loaders }) => loaders.zonesByProvince.load(code),
  },
  GeoLayer: {
    __resolveReference: ({ id }, { loaders }) => loaders.geoLayer.load(id),
    owner: ({ ownerCode }) => ref(ownerCode),
    provinces: ({ id }, _, { loaders }) => loaders.provincesByLayer.load(id),
    downloadUrl,
    serviceEndpoint,
  },
  SpecialEconomicZone: {
    __resolveReference: ({ id }, { loaders }) => loaders.zone.load(id),
    provinces: ({ id }, _, { loaders }) => loaders.provincesByZone.load(id),
  },
  NgisSummary: {
    donePercent: ({ coreLayersDone, coreLayersPlanned }) => truncatedPercent(coreLayersDone, coreLayersPlanned),
    computed: async (_, __, { db }) => {
      const [counts] = await db.query<{ layers: number; done: number; inProgress: number; agencies: number }>(
        `SELECT count(*)::int AS layers, (count(*) FILTER (WHERE status = 'DONE'))::int AS done,
                (count(*) FILTER (WHERE status = 'IN_PROGRESS'))::int AS "inProgress",
                count(DISTINCT owner_code)::int AS agencies
           FROM geo_layer`,
      );
      return counts;
    },
  },
  ResourcesCommittee: {
    committee: ({ code }) => ref(code),
    secretariat: ({ secretariatCode }) => ref(secretariatCode),
    frontEndDeveloper: ({ frontEndCode }) => ref(frontEndCode),
    subcommitteeChair: ({ subcommitteeChairCode }) => ref(subcommitteeChairCode),
    memberAgencies: (_, __, { db }) => db.query<CodeRef>('SELECT DISTINCT owner_code AS code FROM geo_layer ORDER BY code'),
  },
};
