import { truncatedPercent } from '@govhub/shared';
import type { Resolvers } from '../generated';
import type { KpiRow, SummaryRow } from '../loaders';
import { KPI, type KpiCode } from '../seed/kpis';

function stated({ kpi }: SummaryRow, code: KpiCode): { done: number; target: number | null } {
  const value = kpi[code];
  if (!value) throw new Error(`KPI ${code} has not been seeded`);
  return value;
}

function progress(summary: SummaryRow, code: KpiCode): KpiRow {
  const { done, target } = stated(summary, code);
  if (target === null) throw new Error(`KPI ${code} has no target`);
  return { done, target };
}

/** Services, the documents they need, the Linkage Center list and the committee's KPIs. */
export const services: Pick<Resolvers, 'GovernmentService' | 'DocumentType' | 'LinkageDatabase' | 'ServiceKpi' | 'CitizenServiceSummary'> = {
  GovernmentService: {
    __resolveReference: ({ code }, { loaders }) => loaders.service.load(code),
    agency: ({ agencyCode }) => ({ code: agencyCode }),
    requiredDocuments: ({ code }, _, { loaders }) => loaders.documentsByService.load(code),
  },
  DocumentType: {
    __resolveReference: ({ code }, { loaders }) => loaders.documentType.load(code),
    ownerMinistry: ({ ownerMinistryCode }) => (ownerMinistryCode ? { code: ownerMinistryCode } : null),
    issuer: ({ issuerCode }) => (issuerCode ? { code: issuerCode } : null),
  },
  LinkageDatabase: {
    provider: ({ providerCode }) => ({ code: providerCode }),
    dataset: ({ datasetId }) => (datasetId ? { id: datasetId } : null),
  },
  ServiceKpi: {
    percent: ({ done, target }) => truncatedPercent(done, target),
  },
  CitizenServiceSummary: {
    registryLinks: (summary) => progress(summary, KPI.REGISTRY_LINKS),
    linkageDatabases: (summary) => progress(summary, KPI.LINKAGE_DATABASES),
    singleIdCardProcesses: (summary) => progress(summary, KPI.SINGLE_ID_CARD_PROCESSES),
    documentTypesReady: (summary) => progress(summary, KPI.DOCUMENT_TYPES_READY),
    documentsCollected: (summary) => stated(summary, KPI.DOCUMENTS_COLLECTED).done,
    cardReadersDelivered: (summary) => stated(summary, KPI.CARD_READERS_DELIVERED).done,
    cardReaderAgencies: (summary) => stated(summary, KPI.CARD_READER_AGENCIES).done,
    cardReaderAgenciesPending: (summary) => stated(summary, KPI.CARD_READER_AGENCIES_PENDING).done,
  },
};
