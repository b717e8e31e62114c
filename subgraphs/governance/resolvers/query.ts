import { requirePage, requireProvinceCode } from '@govhub/shared';
import type { QueryResolvers } from '../generated';
import {
  AGENCY_SQL,
  AGREEMENT_SQL,
  COMMITTEE_SQL,
  DATASET_SQL,
  MINISTRY_SQL,
  PROVINCE_SQL,
  PURPOSE_SQL,
  type AgencyRow,
  type AgreementRow,
  type CommitteeRow,
  type DatasetRow,
  type MinistryRow,
  type ProvinceRow,
  type PurposeRow,
  type SurveyTotalRow,
} from '../loaders';

export const Query: QueryResolvers = {
  province: (_, { code }, { loaders }) => loaders.province.load(requireProvinceCode(code)),
  provinces: (_, { region }, { db }) =>
    db.query<ProvinceRow>(`${PROVINCE_SQL} WHERE ($1::text IS NULL OR region = $1) ORDER BY code`, [region ?? null]),
  ministry: (_, { code }, { loaders }) => loaders.ministry.load(code),
  ministries: (_, __, { db }) => db.query<MinistryRow>(`${MINISTRY_SQL} ORDER BY code`),
  agency: async (_, { code }, { db }) => {
    const [row] = await db.query<AgencyRow>(
      `${AGENCY_SQL} WHERE code = upper($1) OR code = (SELECT agency_code FROM agency_alias WHERE alias = $1)`,
      [code],
    );
    return row ?? null;
  },
  agencies: (_, { ministryCode, surveyed }, { db }) =>
    db.query<AgencyRow>(`${AGENCY_SQL} WHERE ($1::text IS NULL OR ministry_code = $1) AND ($2::boolean IS NULL OR surveyed = $2) ORDER BY code`, [
      ministryCode ?? null,
      surveyed ?? null,
    ]),
  committees: (_, __, { db }) => db.query<CommitteeRow>(`${COMMITTEE_SQL} ORDER BY position`),
  dataset: (_, { id }, { loaders }) => loaders.dataset.load(id),
  datasets: (_, args, { db }) => {
    const { first, offset } = requirePage(args.first, args.offset);
    return db.query<DatasetRow>(
      `${DATASET_SQL} WHERE ($1::text IS NULL OR owner_code = $1) AND ($2::text IS NULL OR classification = $2)
         AND ($3::boolean IS NULL OR ready_to_link = $3) AND ($4::text IS NULL OR source = $4)
       ORDER BY owner_code, position LIMIT $5 OFFSET $6`,
      [args.ownerCode ?? null, args.classification ?? null, args.readyToLink ?? null, args.source ?? null, first, offset],
    );
  },
  catalogSummary: async (_, __, { db }) => {
    const [row] = await db.query<SurveyTotalRow>(
      `SELECT to_char(as_of, 'YYYY-MM-DD') AS "asOf", agencies, databases, datasets, ready AS "readyToLink",
         not_ready AS "notReadyToLink" FROM survey_total ORDER BY as_of DESC LIMIT 1`,
    );
    if (!row) throw new Error('the catalogue survey has not been seeded');
    return row;
  },
  agreement: (_, { id }, { loaders }) => loaders.agreement.load(id),
  agreements: (_, { providerCode, consumerCode }, { db }) =>
    db.query<AgreementRow>(
      `${AGREEMENT_SQL} WHERE ($1::text IS NULL OR provider_code = $1) AND ($2::text IS NULL OR consumer_code = $2)
       ORDER BY provider_code, annex_no NULLS LAST, id`,
      [providerCode ?? null, consumerCode ?? null],
    ),
  purposes: (_, __, { db }) => db.query<PurposeRow>(`${PURPOSE_SQL} ORDER BY code`),
};
