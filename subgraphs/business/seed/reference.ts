import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bulkInsert, packageDir, type Database } from '@govhub/shared';

interface DocumentDemand {
  no: number;
  nameTh: string;
  nameEn: string;
  issuer: string;
  ownerMinistryTh: string;
  requestingAgencies: number;
  readiness: 'READY' | 'NOT_READY';
}
interface LifecycleStage {
  stage: string;
  nameTh: string;
  activities: string[];
  exampleDatasets: string[];
}

const DATA_DIR = join(packageDir(__dirname), 'seed', 'data');
const readData = <T>(file: string): T => JSON.parse(readFileSync(join(DATA_DIR, file), 'utf8'));

/**
 * Real figures from the seeds: the business documents of the Dec 2560 list of copies services ask for
 * (rows 31, 58–65 and 93) and the five life stages (docs/domains.md, business).
 */
export async function seedReference(db: Database): Promise<void> {
  await bulkInsert(
    db,
    'document_demand',
    ['no', 'name_th', 'name_en', 'issuer_code', 'owner_ministry_th', 'requesting_agencies', 'readiness'],
    readData<DocumentDemand[]>('documentDemand.json').map((d) => [
      d.no,
      d.nameTh,
      d.nameEn,
      d.issuer,
      d.ownerMinistryTh,
      d.requestingAgencies,
      d.readiness,
    ]),
  );
  await bulkInsert(
    db,
    'lifecycle_stage',
    ['stage', 'position', 'name_th', 'activities', 'example_datasets'],
    readData<LifecycleStage[]>('lifecycleStages.json').map((s, position) => [s.stage, position, s.nameTh, s.activities, s.exampleDatasets]),
  );
}
