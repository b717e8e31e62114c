import { agencies, bulkInsert, DOMAINS, ministries, provinces, readReference, type Database } from '@govhub/shared';

interface SurveyTotal {
  agencies: number;
  databases: number;
  datasets: number;
  ready: number;
  notReady: number;
  asOf: string;
}
interface PurposeData {
  code: string;
  nameTh: string;
  nameEn: string;
}

/** The eight committees: the steering committee (order 187/2558) and the seven integration committees. */
const COMMITTEES = [
  {
    code: 'STEERING',
    nameTh: 'คณะกรรมการขับเคลื่อนการบูรณาการฐานข้อมูลกลางภาครัฐ',
    nameEn: 'Steering Committee (chaired by the Prime Minister)',
    order: '187/2558',
    status: 'ACTIVE',
    lead: 'EGA',
    subgraph: 'governance',
  },
  ...(['citizen', 'water', 'security', 'resources', 'disaster', 'tourism', 'business'] as const).map((name) => ({
    code: name.toUpperCase(),
    nameTh: DOMAINS[name].committeeTh,
    nameEn: DOMAINS[name].committeeEn,
    order: DOMAINS[name].order,
    status: name === 'disaster' ? 'DRAFT' : 'ACTIVE',
    lead: DOMAINS[name].lead,
    subgraph: name,
  })),
];

export async function seedReference(db: Database): Promise<void> {
  await bulkInsert(
    db,
    'province',
    ['code', 'name_th', 'name_en', 'region'],
    provinces().map((p) => [p.code, p.nameTh, p.nameEn, p.region]),
  );
  await bulkInsert(
    db,
    'ministry',
    ['code', 'name_th', 'name_en', 'abbr_th', 'survey_agencies', 'survey_databases', 'survey_datasets', 'survey_ready', 'survey_not_ready'],
    ministries().map((m) => [
      m.code,
      m.nameTh,
      m.nameEn,
      m.abbrTh ?? null,
      m.survey.agencies,
      m.survey.databases,
      m.survey.datasets,
      m.survey.ready,
      m.survey.notReady,
    ]),
  );
  const total = readReference<SurveyTotal>('surveyTotal.json');
  await bulkInsert(
    db,
    'survey_total',
    ['as_of', 'agencies', 'databases', 'datasets', 'ready', 'not_ready'],
    [[total.asOf, total.agencies, total.databases, total.datasets, total.ready, total.notReady]],
  );
  await bulkInsert(
    db,
    'agency',
    ['code', 'name_th', 'name_en', 'ministry_code', 'surveyed', 'synthetic'],
    agencies().map((a) => [a.code, a.nameTh, a.nameEn, a.ministry, a.surveyed, a.synthetic]),
  );
  await bulkInsert(
    db,
    'agency_alias',
    ['alias', 'agency_code'],
    agencies().flatMap((a) => [a.nameTh, ...a.aliases].map((alias) => [alias, a.code])),
  );
  await bulkInsert(
    db,
    'committee',
    ['code', 'name_th', 'name_en', 'ordered_by', 'status', 'lead_code', 'subgraph', 'position'],
    COMMITTEES.map((c, position) => [c.code, c.nameTh, c.nameEn, c.order, c.status, c.lead, c.subgraph, position]),
  );
  await bulkInsert(
    db,
    'purpose',
    ['code', 'name_th', 'name_en'],
    readReference<PurposeData[]>('purposes.json').map((p) => [p.code, p.nameTh, p.nameEn]),
  );
}
