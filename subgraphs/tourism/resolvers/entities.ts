import { requireJuristicId, requireNationalId, requireProvinceCode } from '@govhub/shared';
import type { Resolvers } from '../generated';
import { requirePeriod } from '../input';

export const entities: Omit<Resolvers, 'Query'> = {
  // Extensions of entities other subgraphs own: the key is all this subgraph needs; its own fields load in batches.
  Province: {
    __resolveReference: ({ code }) => ({ code: requireProvinceCode(code) }),
    tourismStatistics: ({ code }, { period }, { loaders }) => loaders.statisticsByProvince(requirePeriod(period)).load(code),
  },
  Business: {
    __resolveReference: ({ juristicId }) => ({ juristicId: requireJuristicId(juristicId) }),
    tourBusinessLicences: ({ juristicId }, _, { loaders }) => loaders.tourLicencesByHolder.load(juristicId),
  },
  Person: {
    __resolveReference: ({ nationalId }) => ({ nationalId: requireNationalId(nationalId) }),
    tourGuideCard: ({ nationalId }, _, { loaders }) => loaders.guideByPerson.load(nationalId),
  },
  TourismStatistic: {
    province: ({ provinceCode }) => ({ code: provinceCode }),
  },
  TouristSafetyIncident: {
    __resolveReference: ({ id }, { loaders }) => loaders.incident.load(id),
    province: ({ provinceCode }) => ({ code: provinceCode }),
  },
  TourBusinessLicence: {
    __resolveReference: ({ licenceNo }, { loaders }) => loaders.tourLicence.load(licenceNo),
    holder: ({ holderJuristicId }) => ({ juristicId: holderJuristicId }),
  },
  TourGuide: {
    __resolveReference: ({ cardNo }, { loaders }) => loaders.guide.load(cardNo),
    person: ({ nationalId }) => ({ nationalId }),
  },
  HotelLicence: {
    __resolveReference: ({ licenceNo }, { loaders }) => loaders.hotel.load(licenceNo),
    province: ({ provinceCode }) => ({ code: provinceCode }),
    issuedBy: ({ issuedByCode }) => ({ code: issuedByCode }),
  },
  TourismIntelligenceCenter: {
    lead: ({ leadCode }) => ({ code: leadCode }),
    linkedAgencies: ({ code }, _, { loaders }) => loaders.centerLinks.load(code),
  },
  TourismIntelligenceLink: {
    agency: ({ agencyCode }) => ({ code: agencyCode }),
  },
  TourismSurvey: {
    ministry: ({ ministryCode }) => ({ code: ministryCode }),
    respondents: async ({ ministryCode }, _, { loaders }) =>
      (await loaders.surveyRespondents.load(ministryCode)).map((row) => ({ code: row.agencyCode })),
  },
  TourismDocumentDemand: {
    ownerMinistry: ({ ownerMinistryCode }) => ({ code: ownerMinistryCode }),
  },
};
