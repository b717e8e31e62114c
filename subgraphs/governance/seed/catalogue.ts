import {
  agencies,
  bulkInsert,
  createRandom,
  hubDatasets,
  ministries,
  progress,
  type AgencyReference,
  type Database,
  type Logger,
  type MinistryReference,
} from '@govhub/shared';

const CLASSES = ['PUBLIC', 'INTERNAL', 'PERSONAL', 'SENSITIVE', 'SECRET'] as const;
const CLASS_WEIGHTS = [50, 25, 15, 6, 4];
const FREQUENCIES = ['DAILY', 'WEEKLY', 'MONTHLY', 'QUARTERLY', 'YEARLY', 'AD_HOC'] as const;

type Row = unknown[];

/** Splits `total` into `parts` near-equal whole shares, larger shares first. */
export function splitEvenly(total: number, parts: number): number[] {
  return Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));
}

/**
 * The Dec 2560 readiness survey as catalogue rows: each ministry's stated databases, datasets and ready-to-link
 * counts spread over its surveyed agencies. Counts are real; names are synthetic.
 * Then the datasets the hub's own subgraphs publish.
 */
export async function seedCatalogue(db: Database, logger: Logger): Promise<void> {
  const databases: Row[] = [];
  const datasets: Row[] = [];
  for (const ministry of ministries()) {
    const owners = agencies().filter((agency) => agency.surveyed && agency.ministry === ministry.code);
    if (owners.length !== ministry.survey.agencies) {
      throw new Error(`${ministry.code}: ${owners.length} surveyed agencies, the survey states ${ministry.survey.agencies}`);
    }
    surveyRows(ministry, owners, databases, datasets);
  }
  const tick = progress(logger, 'governance.catalogue', databases.length + datasets.length);
  await bulkInsert(db, 'catalog_database', ['id', 'name_th', 'owner_code'], databases);
  tick(databases.length);
  const columns = [
    'id',
    'name_th',
    'name_en',
    'owner_code',
    'database_id',
    'classification',
    'ready_to_link',
    'update_frequency',
    'description',
    'source',
    'synthetic',
    'position',
  ];
  await bulkInsert(db, 'dataset', columns, datasets, { onProgress: (done) => tick(databases.length + done) });
  await bulkInsert(
    db,
    'dataset',
    columns,
    hubDatasets().map((d, position) => [
      d.id,
      d.nameTh,
      d.nameEn ?? null,
      d.owner,
      null,
      d.classification,
      d.readyToLink,
      d.updateFrequency,
      d.description ?? null,
      'HUB',
      false,
      -1000 + position,
    ]),
  );
}

function surveyRows(ministry: MinistryReference, owners: AgencyReference[], databases: Row[], datasets: Row[]): void {
  const random = createRandom(`survey:${ministry.code}`);
  const databasesPerOwner = splitEvenly(ministry.survey.databases, owners.length);
  const datasetsPerDatabase = splitEvenly(ministry.survey.datasets, ministry.survey.databases);
  const ready = new Set(shuffle(random, [...Array(ministry.survey.datasets).keys()]).slice(0, ministry.survey.ready));
  let databaseIndex = 0;
  let datasetIndex = 0;
  owners.forEach((owner, ownerIndex) => {
    let position = 0;
    for (let n = 1; n <= databasesPerOwner[ownerIndex]; n++) {
      const databaseId = `${owner.code}.db${String(n).padStart(2, '0')}`;
      databases.push([databaseId, `ฐานข้อมูลที่ ${n} ของ${owner.nameTh}`, owner.code]);
      for (let k = 1; k <= datasetsPerDatabase[databaseIndex]; k++) {
        position++;
        datasets.push([
          `${databaseId}.ds${String(k).padStart(3, '0')}`,
          `ชุดข้อมูลที่ ${k} ในฐานข้อมูลที่ ${n} ของ${owner.nameTh}`,
          null,
          owner.code,
          databaseId,
          random.weighted(CLASSES, (c) => CLASS_WEIGHTS[CLASSES.indexOf(c)]),
          ready.has(datasetIndex),
          random.pick(FREQUENCIES),
          'สำรวจความพร้อมฐานข้อมูลภาครัฐ ณ 1 ธ.ค. 2560 (ชื่อชุดข้อมูลสังเคราะห์)',
          'SURVEY_2560',
          true,
          position,
        ]);
        datasetIndex++;
      }
      databaseIndex++;
    }
  });
}

function shuffle<T>(random: ReturnType<typeof createRandom>, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}
