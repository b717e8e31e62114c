import { requireJuristicId, requireNationalId, requirePage, requireProvinceCode } from '@govhub/shared';
import type { Resolvers } from '../generated';

/** The registrars: one agency keeps each register by law, so the rows do not repeat it. */
const DBD = { code: 'DBD' };
const RD = { code: 'RD' };
const DIW = { code: 'DIW' };
/** Crop prices: the Department of Internal Trade; trade statistics: the Trade Policy and Strategy Office. */
const DIT = { code: 'DIT' };
const TPSO = { code: 'TPSO' };

export const entities: Omit<Resolvers, 'Query'> = {
  Province: {
    __resolveReference: ({ code }) => ({ code: requireProvinceCode(code) }),
    businessCount: async ({ code }, { status }, { loaders }) => (await loaders.businessCountByProvince(status ?? null).load(code))?.count ?? 0,
    businesses: ({ code }, args, { loaders }) => loaders.businessesByProvince(requirePage(args.first, args.offset)).load(code),
  },
  Person: {
    __resolveReference: ({ nationalId }) => ({ nationalId: requireNationalId(nationalId) }),
    businesses: ({ nationalId }, _, { loaders }) => loaders.businessesByDirector.load(nationalId),
  },
  Business: {
    __resolveReference: ({ juristicId }, { loaders }) => loaders.business.load(requireJuristicId(juristicId)),
    province: ({ provinceCode }) => ({ code: provinceCode }),
    registrar: () => DBD,
    directors: async ({ juristicId }, _, { loaders }) =>
      (await loaders.directorsByBusiness.load(juristicId)).map(({ nationalId }) => ({ nationalId })),
    shareholders: ({ juristicId }, _, { loaders }) => loaders.shareholdersByBusiness.load(juristicId),
    vatRegistration: ({ juristicId }, _, { loaders }) => loaders.vatRegistration.load(juristicId),
    factoryLicences: ({ juristicId }, _, { loaders }) => loaders.factoryLicencesByBusiness.load(juristicId),
    lifecycle: ({ juristicId }, _, { loaders }) => loaders.lifecycleByBusiness.load(juristicId),
  },
  Shareholder: {
    person: ({ nationalId }) => ({ nationalId }),
  },
  VatRegistration: {
    taxId: ({ juristicId }) => juristicId,
    issuer: () => RD,
  },
  FactoryLicence: {
    province: ({ provinceCode }) => ({ code: provinceCode }),
    issuer: () => DIW,
  },
  CommodityPrice: {
    source: () => DIT,
  },
  TradeStatistic: {
    source: () => TPSO,
  },
  DocumentDemand: {
    issuer: ({ issuerCode }) => ({ code: issuerCode }),
    citation: ({ no }) => `List of documents services ask for, 1 Dec 2560, no. ${no}`,
  },
  SingleCardProcess: {
    agency: ({ agencyCode }) => ({ code: agencyCode }),
    citation: ({ no }) => `List of processes that need only the ID card, 1 Dec 2560, no. ${no}`,
  },
};
