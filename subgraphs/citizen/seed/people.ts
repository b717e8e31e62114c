import { bulkInsert, personAt, progress, provinces, type Database, type Logger } from '@govhub/shared';
import { addPersonRecords, emptyRows, TABLES, type Table, type TableRows } from './records';

/** People generated and inserted at a time, so a population of millions never sits in memory. */
const CHUNK = 10_000;

/** Houses, then persons, then everything that references a person, side by side on the pool's connections. */
async function insertChunk(db: Database, rows: TableRows): Promise<void> {
  await bulkInsert(db, 'house', TABLES.house, rows.house);
  await bulkInsert(db, 'person', TABLES.person, rows.person);
  const dependents = (Object.keys(TABLES) as Table[]).filter((table) => table !== 'house' && table !== 'person');
  await Promise.all(dependents.map((table) => bulkInsert(db, table, TABLES[table], rows[table])));
}

/**
 * The civil registry of the shared synthetic population (`personAt(i)`, i < people) and what agencies link to it.
 * The next chunk is generated while the database stores the previous one.
 */
export async function seedPeople(db: Database, people: number, logger: Logger): Promise<void> {
  const tick = progress(logger, 'citizen.people', people);
  let storing: Promise<void> = Promise.resolve();
  for (let start = 0; start < people; start += CHUNK) {
    const end = Math.min(people, start + CHUNK);
    const rows = emptyRows();
    for (let index = start; index < end; index++) addPersonRecords(rows, personAt(index));
    // a household may straddle two chunks: its house must be stored before its later members
    await storing;
    storing = insertChunk(db, rows).then(() => tick(end));
  }
  await storing;
}

/** The registered population of each province (shared/data/provinces.json). */
export async function seedPopulation(db: Database): Promise<void> {
  await bulkInsert(
    db,
    'province_population',
    ['province_code', 'population'],
    provinces().map((p) => [p.code, p.population]),
  );
}
