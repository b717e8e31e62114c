import { requirePage } from '@govhub/shared';
import type { QueryResolvers } from '../generated';
import { optionalProvinceCode, requireGuideCardNo, requirePeriod, requireTourLicenceNo } from '../input';
import {
  CENTER_SQL,
  DOCUMENT_DEMAND_SQL,
  HOTEL_SQL,
  INCIDENT_SQL,
  STATISTIC_SQL,
  SURVEY_SQL,
  type CenterRow,
  type DocumentDemandRow,
  type HotelRow,
  type IncidentRow,
  type StatisticRow,
  type SurveyRow,
} from '../loaders';

/** The lead ministry, whose survey row and intelligence center this subgraph publishes. */
const MOTS = 'MOTS';

function seeded<T>(row: T | undefined, what: string): T {
  if (!row) throw new Error(`${what} has not been seeded`);
  return row;
}

export const Query: QueryResolvers = {
  tourismStatistics: (_, args, { db }) => {
    const { first, offset } = requirePage(args.first, args.offset);
    const { from, to } = requirePeriod(args.period);
    return db.query<StatisticRow>(
      `${STATISTIC_SQL} WHERE ($1::text IS NULL OR province_code = $1) AND ($2::date IS NULL OR month >= $2)
         AND ($3::date IS NULL OR month < $3)
       ORDER BY month, province_code LIMIT $4 OFFSET $5`,
      [optionalProvinceCode(args.provinceCode), from, to, first, offset],
    );
  },
  touristSafetyIncidents: (_, args, { db }) => {
    const { first, offset } = requirePage(args.first, args.offset);
    return db.query<IncidentRow>(`${INCIDENT_SQL} WHERE ($1::text IS NULL OR province_code = $1) ORDER BY occurred_at DESC, id LIMIT $2 OFFSET $3`, [
      optionalProvinceCode(args.provinceCode),
      first,
      offset,
    ]);
  },
  tourBusinessLicence: (_, { licenceNo }, { loaders }) => loaders.tourLicence.load(requireTourLicenceNo(licenceNo)),
  tourGuide: (_, { cardNo }, { loaders }) => loaders.guide.load(requireGuideCardNo(cardNo)),
  hotelLicences: (_, args, { db }) => {
    const { first, offset } = requirePage(args.first, args.offset);
    return db.query<HotelRow>(`${HOTEL_SQL} WHERE ($1::text IS NULL OR province_code = $1) ORDER BY province_code, licence_no LIMIT $2 OFFSET $3`, [
      optionalProvinceCode(args.provinceCode),
      first,
      offset,
    ]);
  },
  tourismIntelligenceCenter: async (_, __, { db }) =>
    seeded((await db.query<CenterRow>(`${CENTER_SQL} WHERE lead_code = $1`, [MOTS]))[0], 'the Tourism Intelligence Center'),
  tourismSurvey: async (_, __, { db }) =>
    seeded((await db.query<SurveyRow>(`${SURVEY_SQL} WHERE ministry_code = $1`, [MOTS]))[0], 'the MOTS survey row'),
  tourismDocumentDemand: (_, __, { db }) => db.query<DocumentDemandRow>(`${DOCUMENT_DEMAND_SQL} ORDER BY row_no`),
};
