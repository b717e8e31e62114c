import { bulkInsert, createRandom, type Database } from '@govhub/shared';
import { AS_OF, readSeedData, shuffled } from './common';

/** One row of the warehouse table, with the agency code it names. */
interface WarehouseAgency {
  no: number;
  agency: string;
  nameTh: string;
  linked: number;
  preparing: number;
  awaitingUpdate: number;
  noteTh?: string;
}
interface ItemTopics {
  themes: Record<string, string[]>;
  qualifiers: string[];
  agencyThemes: Record<string, string[]>;
}
interface Snapshot {
  asOf: string;
  linked: number;
  preparing: number;
  awaitingUpdate: number;
  agencies: number | null;
}

/** The warehouse figures as stated. */
const SNAPSHOTS: Snapshot[] = [
  // meeting 1/2560 of 3 Oct 2560: 238 of 390 linked, 130 preparing, 22 awaiting update; no agency count
  { asOf: '2017-10-03', linked: 238, preparing: 130, awaitingUpdate: 22, agencies: null },
  // 1 Dec 2560, the table's total row: 35 agencies, 390 = 246 + 113 + 31
  { asOf: AS_OF, linked: 246, preparing: 113, awaitingUpdate: 31, agencies: 35 },
];

/**
 * The 390 data items of the National Water & Climate Data Warehouse: each agency's linked / preparing / awaiting
 * counts are real; item names are invented from water-data topics that fit the agency.
 */
export async function seedWarehouse(db: Database): Promise<void> {
  const table = readSeedData<WarehouseAgency[]>('waterAgencies.json');
  checkAgainstStatedTotal(table);
  await bulkInsert(
    db,
    'water_agency',
    ['code', 'no', 'name_th', 'note_th'],
    table.map((row) => [row.agency, row.no, row.nameTh, row.noteTh ?? null]),
  );
  const topics = readSeedData<ItemTopics>('itemTopics.json');
  let position = 0;
  const items = table.flatMap((row) =>
    itemNames(row, topics).map((nameTh, index) => [
      `${row.agency.toLowerCase()}-${String(index + 1).padStart(3, '0')}`,
      row.agency,
      position++,
      nameTh,
      statusOf(row, index),
      true,
    ]),
  );
  await bulkInsert(db, 'water_data_item', ['id', 'agency_code', 'position', 'name_th', 'status', 'synthetic'], items);
  await bulkInsert(
    db,
    'water_data_snapshot',
    ['as_of', 'items', 'linked', 'preparing', 'awaiting_update', 'agencies'],
    SNAPSHOTS.map((s) => [s.asOf, s.linked + s.preparing + s.awaitingUpdate, s.linked, s.preparing, s.awaitingUpdate, s.agencies]),
  );
}

/** The extracted rows must add up to the total row of the table; a typo in the extraction fails the seed. */
function checkAgainstStatedTotal(table: WarehouseAgency[]): void {
  const stated = SNAPSHOTS[SNAPSHOTS.length - 1];
  const sum = (pick: (row: WarehouseAgency) => number) => table.reduce((total, row) => total + pick(row), 0);
  const computed = { linked: sum((r) => r.linked), preparing: sum((r) => r.preparing), awaitingUpdate: sum((r) => r.awaitingUpdate) };
  if (
    table.length !== stated.agencies ||
    computed.linked !== stated.linked ||
    computed.preparing !== stated.preparing ||
    computed.awaitingUpdate !== stated.awaitingUpdate
  ) {
    throw new Error(`waterAgencies.json (${table.length} agencies, ${JSON.stringify(computed)}) does not add up to the stated total of 1 Dec 2560`);
  }
}

/** Items are listed linked first, then preparing, then awaiting the agency's update. */
function statusOf(row: WarehouseAgency, index: number): string {
  if (index < row.linked) return 'LINKED';
  return index < row.linked + row.preparing ? 'PREPARING' : 'AWAITING_AGENCY_UPDATE';
}

/** Distinct names "ข้อมูล<topic> <qualifier>" from the agency's themes, drawn deterministically. */
function itemNames(row: WarehouseAgency, topics: ItemTopics): string[] {
  const themes = topics.agencyThemes[row.agency];
  if (!themes) throw new Error(`itemTopics.json has no themes for ${row.agency}`);
  const names = themes.flatMap((theme) => topics.themes[theme]).flatMap((topic) => topics.qualifiers.map((qualifier) => `ข้อมูล${topic} ${qualifier}`));
  const count = row.linked + row.preparing + row.awaitingUpdate;
  if (names.length < count) throw new Error(`${row.agency}: ${count} items but only ${names.length} distinct names`);
  return shuffled(createRandom(`water:items:${row.agency}`), names).slice(0, count);
}
