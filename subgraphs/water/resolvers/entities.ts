import { badUserInput, MAX_PAGE_SIZE } from '@govhub/shared';
import type { Resolvers } from '../generated';

/** How many recent readings a station may return at once: 1 to 100, like a page (an explicit null is refused too). */
function requireLast(last: number): number {
  if (!Number.isInteger(last) || last < 1 || last > MAX_PAGE_SIZE) {
    throw badUserInput(`last must be between 1 and ${MAX_PAGE_SIZE}`, { argumentName: 'last', reason: 'PAGE_SIZE' });
  }
  return last;
}

export const entities: Omit<Resolvers, 'Query'> = {
  Province: {
    // Governance owns provinces; this subgraph adds fields to any code it is asked about.
    __resolveReference: ({ code }) => ({ code }),
    waterSituation: ({ code }, _, { loaders }) => loaders.waterSituation.load(code),
    telemetryStations: ({ code }, _, { loaders }) => loaders.stationsByProvince.load(code),
    rainForecast: ({ code }, _, { loaders }) => loaders.rainForecast.load(code),
  },
  WaterDataItem: {
    __resolveReference: ({ id }, { loaders }) => loaders.waterDataItem.load(id),
    sourceAgency: ({ agencyCode }) => ({ code: agencyCode }),
  },
  WaterAgencyProgress: {
    agency: ({ agencyCode }) => ({ code: agencyCode }),
  },
  TelemetryStation: {
    __resolveReference: ({ id }, { loaders }) => loaders.station.load(id),
    operator: ({ operatorCode }) => ({ code: operatorCode }),
    province: ({ provinceCode }) => ({ code: provinceCode }),
    observations: ({ id }, { last }, { loaders }) => loaders.recentObservations(requireLast(last)).load(id),
  },
  RainForecast: {
    province: ({ provinceCode }) => ({ code: provinceCode }),
  },
  SupportDeployment: {
    agency: ({ agencyCode }) => ({ code: agencyCode }),
    hostAgency: ({ hostAgencyCode }) => ({ code: hostAgencyCode }),
    province: ({ provinceCode }) => ({ code: provinceCode }),
  },
};
