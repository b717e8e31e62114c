import { bulkInsert, type Database } from '@govhub/shared';

export const KPI = {
  REGISTRY_LINKS: 'REGISTRY_LINKS',
  LINKAGE_DATABASES: 'LINKAGE_DATABASES',
  SINGLE_ID_CARD_PROCESSES: 'SINGLE_ID_CARD_PROCESSES',
  DOCUMENT_TYPES_READY: 'DOCUMENT_TYPES_READY',
  DOCUMENTS_COLLECTED: 'DOCUMENTS_COLLECTED',
  CARD_READERS_DELIVERED: 'CARD_READERS_DELIVERED',
  CARD_READER_AGENCIES: 'CARD_READER_AGENCIES',
  CARD_READER_AGENCIES_PENDING: 'CARD_READER_AGENCIES_PENDING',
} as const;
export type KpiCode = (typeof KPI)[keyof typeof KPI];

/** The figures as of 1 Dec 2560. */
export const KPI_AS_OF = '2017-12-01';
const KPI_SOURCE = "Citizen services committee's progress report, 1 Dec 2560";

/**
 * The committee's results as stated in its report, including where its own lists differ (docs/domains.md, known
 * inconsistencies).
 */
const STATED: [KpiCode, number, number | null][] = [
  [KPI.REGISTRY_LINKS, 145, 148],
  [KPI.LINKAGE_DATABASES, 72, 81],
  [KPI.SINGLE_ID_CARD_PROCESSES, 34, 47],
  [KPI.DOCUMENT_TYPES_READY, 23, 116],
  [KPI.DOCUMENTS_COLLECTED, 1525, null],
  [KPI.CARD_READERS_DELIVERED, 214_756, null],
  [KPI.CARD_READER_AGENCIES, 75, null],
  [KPI.CARD_READER_AGENCIES_PENDING, 4, null],
];

export async function seedKpis(db: Database): Promise<void> {
  await bulkInsert(
    db,
    'service_kpi',
    ['code', 'done', 'target', 'as_of', 'source'],
    STATED.map(([code, done, target]) => [code, done, target, KPI_AS_OF, KPI_SOURCE]),
  );
}
