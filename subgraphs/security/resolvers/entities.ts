import { requireNationalId, requirePage, requireProvinceCode } from '@govhub/shared';
import { plannedArea } from '../aerial';
import type { Resolvers } from '../generated';
import type { AgencyRef } from '../loaders';

/** Agencies belong to governance: a reference carries only the key. */
const agency = (code: string): AgencyRef => ({ code });

export const entities: Omit<Resolvers, 'Query'> = {
  Province: {
    __resolveReference: ({ code }) => ({ code: requireProvinceCode(code) }),
    securityIncidents: ({ code }, args, { loaders }) => loaders.incidentsByProvince(requirePage(args.first, args.offset)).load(code),
  },
  Person: {
    __resolveReference: ({ nationalId }) => ({ nationalId: requireNationalId(nationalId) }),
    identityRecord: ({ nationalId }, _, { loaders }) => loaders.identityRecord.load(nationalId),
  },
  SecurityDatabaseEntry: {
    owner: ({ ownerCode }) => agency(ownerCode),
  },
  SecurityIncident: {
    province: ({ provinceCode }) => ({ code: provinceCode }),
    reportedBy: ({ reportedByCode }) => agency(reportedByCode),
  },
  CitizenTip: {
    province: ({ provinceCode }) => ({ code: provinceCode }),
    owner: ({ ownerCode }) => agency(ownerCode),
  },
  AerialImageryProgress: {
    operator: ({ operatorCode }) => agency(operatorCode),
    plannedKm2: ({ flownKm2, flownPercent, orthoKm2, orthoPercent }) =>
      plannedArea([
        { km2: flownKm2, percent: flownPercent },
        { km2: orthoKm2, percent: orthoPercent },
      ]),
  },
  SecurityAgreementStatus: {
    convener: ({ convenerCode }) => agency(convenerCode),
    parties: async ({ id }, _, { loaders }) => (await loaders.partiesByAgreement.load(id)).map((party) => agency(party.agencyCode)),
    partyDetails: ({ id }, _, { loaders }) => loaders.partiesByAgreement.load(id),
    awaitingCommentFrom: async ({ id }, _, { loaders }) =>
      (await loaders.partiesByAgreement.load(id)).filter((party) => !party.commentReceived).map((party) => agency(party.agencyCode)),
  },
  SecurityAgreementParty: {
    agency: ({ agencyCode }) => agency(agencyCode),
  },
  ResourceCut: {
    agency: ({ agencyCode }) => agency(agencyCode),
  },
  IdentityRecord: {
    owner: ({ ownerCode }) => agency(ownerCode),
  },
};
