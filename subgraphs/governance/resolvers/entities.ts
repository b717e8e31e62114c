import { loadPresent, requirePage, truncatedPercent } from '@govhub/shared';
import type { Resolvers } from '../generated';
import { MINISTRY_SQL, type AgencyRow, type MinistryRow, type SurveyCountsRow } from '../loaders';

function present<T>(value: T | null, what: string): T {
  if (value === null) throw new Error(`dangling reference: ${what}`);
  return value;
}

export const entities: Omit<Resolvers, 'Query'> = {
  Province: {
    __resolveReference: ({ code }, { loaders }) => loaders.province.load(code),
  },
  Ministry: {
    __resolveReference: ({ code }, { loaders }) => loaders.ministry.load(code),
    agencies: ({ code }, _, { loaders }) => loaders.agenciesByMinistry.load(code),
  },
  Agency: {
    __resolveReference: ({ code }, { loaders }) => loaders.agency.load(code),
    ministry: ({ ministryCode }, _, { loaders }) => (ministryCode ? loaders.ministry.load(ministryCode) : null),
    aliases: async ({ code }, _, { loaders }) => (await loaders.aliasesByAgency.load(code)).map((row) => row.alias),
    databases: ({ code }, _, { loaders }) => loaders.databasesByOwner.load(code),
    datasets: ({ code }, args, { loaders }) => loaders.datasetsByOwner(requirePage(args.first, args.offset)).load(code),
  },
  Committee: {
    __resolveReference: ({ code }, { loaders }) => loaders.committee.load(code),
    lead: async ({ leadCode }, _, { loaders }) => present(await loaders.agency.load(leadCode), `agency ${leadCode}`),
  },
  CatalogDatabase: {
    __resolveReference: ({ id }, { loaders }) => loaders.database.load(id),
    owner: async ({ ownerCode }, _, { loaders }) => present(await loaders.agency.load(ownerCode), `agency ${ownerCode}`),
    datasets: ({ id }, _, { loaders }) => loaders.datasetsByDatabase.load(id),
  },
  Dataset: {
    __resolveReference: ({ id }, { loaders }) => loaders.dataset.load(id),
    owner: async ({ ownerCode }, _, { loaders }) => present(await loaders.agency.load(ownerCode), `agency ${ownerCode}`),
    steward: async ({ ownerCode }, _, { loaders }) => {
      const owner: AgencyRow | null = await loaders.agency.load(ownerCode);
      return owner?.ministryCode ? loaders.ministry.load(owner.ministryCode) : null;
    },
    database: ({ databaseId }, _, { loaders }) => (databaseId ? loaders.database.load(databaseId) : null),
  },
  CatalogSummary: {
    readyPercent: ({ readyToLink, datasets }) => truncatedPercent(readyToLink, datasets),
    computed: async (_, __, { db }) => {
      const [row] = await db.query<SurveyCountsRow>(
        `SELECT (SELECT count(DISTINCT owner_code) FROM dataset WHERE source = 'SURVEY_2560')::int AS agencies,
                (SELECT count(*) FROM catalog_database)::int AS databases,
                count(*)::int AS datasets,
                (count(*) FILTER (WHERE ready_to_link))::int AS "readyToLink",
                (count(*) FILTER (WHERE NOT ready_to_link))::int AS "notReadyToLink"
           FROM dataset WHERE source = 'SURVEY_2560'`,
      );
      return row;
    },
    byMinistry: (_, __, { db }) => db.query<MinistryRow>(`${MINISTRY_SQL} WHERE survey_agencies IS NOT NULL ORDER BY code`),
  },
  Purpose: {
    __resolveReference: ({ code }, { loaders }) => loaders.purpose.load(code),
  },
  SharingAgreement: {
    __resolveReference: ({ id }, { loaders }) => loaders.agreement.load(id),
    provider: async ({ providerCode }, _, { loaders }) => present(await loaders.agency.load(providerCode), `agency ${providerCode}`),
    consumer: async ({ consumerCode }, _, { loaders }) => present(await loaders.agency.load(consumerCode), `agency ${consumerCode}`),
    datasets: async ({ id }, _, { loaders }) =>
      loadPresent(
        loaders.dataset,
        (await loaders.datasetIdsByAgreement.load(id)).map((link) => link.datasetId),
      ),
    purposes: async ({ id }, _, { loaders }) =>
      loadPresent(
        loaders.purpose,
        (await loaders.purposeCodesByAgreement.load(id)).map((link) => link.purposeCode),
      ),
    amendments: ({ id }, _, { loaders }) => loaders.amendmentsByAgreement.load(id),
  },
};
