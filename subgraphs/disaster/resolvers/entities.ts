import { requireNationalId, requirePage } from '@govhub/shared';
import type { Resolvers } from '../generated';
import type { Loaders, MemberRow } from '../loaders';

/** An event a victim or assistance row points at; a miss is a broken seed, not a null for the client. */
async function eventOf(loaders: Loaders, eventId: string) {
  const event = await loaders.event.load(eventId);
  if (!event) throw new Error(`dangling reference: disaster event ${eventId}`);
  return event;
}

export const entities: Omit<Resolvers, 'Query'> = {
  Province: {
    __resolveReference: ({ code }) => ({ code }),
    activeWarnings: ({ code }, _, { loaders }) => loaders.activeWarningsByProvince.load(code),
    disasterEvents: ({ code }, _, { loaders }) => loaders.eventsByProvince.load(code),
    disasterProfile: ({ code }, _, { loaders }) => loaders.profileByProvince.load(code),
  },
  Person: {
    // Other subgraphs send valid IDs; a malformed one is the caller's mistake, reported as BAD_USER_INPUT.
    __resolveReference: ({ nationalId }) => ({ nationalId: requireNationalId(nationalId) }),
    disasterAssistance: ({ nationalId }, _, { loaders }) => loaders.assistanceByPerson.load(nationalId),
  },
  DisasterEvent: {
    __resolveReference: ({ id }, { loaders }) => loaders.event.load(id),
    provinces: async ({ id }, _, { loaders }) => (await loaders.provinceCodesByEvent.load(id)).map(({ code }) => ({ code })),
    victims: ({ id }, args, { loaders }) => loaders.victimsByEvent(requirePage(args.first, args.offset)).load(id),
    victimCount: async ({ id }, _, { loaders }) => (await loaders.victimCountByEvent.load(id))?.count ?? 0,
    deployments: ({ id }, _, { loaders }) => loaders.deploymentsByEvent.load(id),
  },
  ResponseDeployment: {
    agency: ({ agencyCode }) => ({ code: agencyCode }),
  },
  Warning: {
    __resolveReference: ({ id }, { loaders }) => loaders.warning.load(id),
    province: ({ provinceCode }) => (provinceCode ? { code: provinceCode } : null),
    issuedBy: ({ issuedByCode }) => ({ code: issuedByCode }),
    event: ({ eventId }, _, { loaders }) => (eventId ? loaders.event.load(eventId) : null),
  },
  DisasterVictim: {
    person: ({ nationalId }) => ({ nationalId }),
    event: ({ eventId }, _, { loaders }) => eventOf(loaders, eventId),
    province: ({ provinceCode }) => ({ code: provinceCode }),
    assistance: ({ id }, _, { loaders }) => loaders.assistanceByVictim.load(id),
  },
  Assistance: {
    agency: ({ agencyCode }) => ({ code: agencyCode }),
    event: ({ eventId }, _, { loaders }) => eventOf(loaders, eventId),
  },
  ReliefStockItem: {
    __resolveReference: ({ id }, { loaders }) => loaders.reliefStockItem.load(id),
    province: ({ provinceCode }) => ({ code: provinceCode }),
  },
  ProvinceDisasterProfile: {
    province: ({ provinceCode }) => ({ code: provinceCode }),
  },
  DisasterDataSummary: {
    plan: (_, __, { db }) =>
      db.query<{ year: number; itemsTh: string[] }>(
        `SELECT year, array_agg(text_th ORDER BY position) AS "itemsTh" FROM plan_item GROUP BY year ORDER BY year`,
      ),
  },
  DisasterCommittee: {
    lead: ({ leadCode }) => ({ code: leadCode }),
    members: (_, __, { db }) =>
      db.query<MemberRow>(`SELECT seat, title_th AS "titleTh", role, agency_code AS "agencyCode" FROM committee_member ORDER BY position`),
  },
  DisasterCommitteeMember: {
    agency: ({ agencyCode }) => ({ code: agencyCode }),
  },
};
