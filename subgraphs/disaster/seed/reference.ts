import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bulkInsert, packageDir, type Database } from '@govhub/shared';
import { AS_OF } from './profiles';

const DATA_DIR = join(packageDir(__dirname), 'seed', 'data');
const readData = <T>(file: string): T => JSON.parse(readFileSync(join(DATA_DIR, file), 'utf8'));

interface CategoryData {
  number: number;
  code: string;
  nameTh: string;
  nameEn: string;
  examplesTh: string;
  classification: string;
}
interface PlanYearData {
  year: number;
  items: string[];
}
interface MemberData {
  seat: string;
  titleTh: string;
  role: string;
  agency: string;
}

/** What the seeds state about DDPM's integration work: real figures throughout. */
export async function seedReference(db: Database): Promise<void> {
  await bulkInsert(
    db,
    'data_summary',
    ['as_of', 'agencies_studied', 'agencies_linked', 'related_databases'],
    [
      // 26 agencies' disaster databases studied, 12 linked; 106 related databases; as of 1 Dec 2560
      [AS_OF, 26, 12, 106],
    ],
  );
  // the 3-year plan; the seeds' "พี่นฟู" read as ฟื้นฟู (docs/domains.md, known inconsistencies)
  await bulkInsert(
    db,
    'plan_item',
    ['year', 'position', 'text_th'],
    readData<PlanYearData[]>('plan.json').flatMap(({ year, items }) => items.map((text, position) => [year, position, text])),
  );
  // the seven profile categories; response capacity is for agencies only (docs/security-model.md)
  await bulkInsert(
    db,
    'profile_category',
    ['code', 'number', 'name_th', 'name_en', 'examples_th', 'classification'],
    readData<CategoryData[]>('profileCategories.json').map((c) => [c.code, c.number, c.nameTh, c.nameEn, c.examplesTh, c.classification]),
  );
  // the draft order's 35 seats
  await bulkInsert(
    db,
    'committee_member',
    ['seat', 'position', 'title_th', 'role', 'agency_code'],
    readData<MemberData[]>('committee.json').map((m, position) => [m.seat, position, m.titleTh, m.role, m.agency]),
  );
}
