import { bulkInsert, businessAt, businessCount, progress, type Database, type SeedOptions } from '@govhub/shared';
import { businessProfile } from './profile';

/** Businesses generated and inserted at a time, so a million-person economy never sits in memory whole. */
const CHUNK = 5_000;

const TABLES = {
  business: ['juristic_id', 'seq', 'name_th', 'name_en', 'kind', 'registered_on', 'status', 'registered_capital_baht', 'province_code', 'synthetic'],
  director: ['juristic_id', 'national_id', 'position', 'synthetic'],
  shareholder: ['juristic_id', 'national_id', 'shares', 'synthetic'],
  vat_registration: ['juristic_id', 'registered_on', 'status', 'branches', 'synthetic'],
  factory_licence: ['licence_no', 'juristic_id', 'activity_th', 'province_code', 'issued_on', 'workers', 'machinery_horsepower', 'synthetic'],
  lifecycle_event: ['juristic_id', 'position', 'stage', 'occurred_on', 'note', 'synthetic'],
} as const;
type Table = keyof typeof TABLES;
const CHILD_TABLES = (Object.keys(TABLES) as Table[]).filter((table) => table !== 'business');

/**
 * Exactly the businesses of the shared synthetic economy (`businessAt(k, people)`, which tourism relies on too),
 * with what the DBD, RD and DIW registers hold about each.
 */
export async function seedBusinesses(db: Database, { people, logger }: SeedOptions): Promise<void> {
  const total = businessCount(people);
  const tick = progress(logger, 'business.businesses', total);
  let writing = Promise.resolve();
  for (let start = 0; start < total; start += CHUNK) {
    const end = Math.min(total, start + CHUNK);
    // generated while PostgreSQL still writes the previous chunk: at most two chunks in memory
    const rows = chunkRows(start, end, people);
    await writing;
    writing = insertChunk(db, rows).then(() => tick(end));
  }
  await writing;
}

async function insertChunk(db: Database, rows: Record<Table, unknown[][]>): Promise<void> {
  await bulkInsert(db, 'business', TABLES.business, rows.business);
  await Promise.all(CHILD_TABLES.map((table) => bulkInsert(db, table, TABLES[table], rows[table])));
}

function chunkRows(start: number, end: number, people: number): Record<Table, unknown[][]> {
  const rows: Record<Table, unknown[][]> = {
    business: [],
    director: [],
    shareholder: [],
    vat_registration: [],
    factory_licence: [],
    lifecycle_event: [],
  };
  for (let index = start; index < end; index++) {
    const b = businessAt(index, people);
    const p = businessProfile(b, people);
    const id = b.juristicId;
    rows.business.push([id, index, p.nameTh, p.nameEn, b.kind, b.registeredOn, p.status, p.capitalBaht, b.provinceCode, true]);
    p.directorIds.forEach((nationalId, position) => rows.director.push([id, nationalId, position, true]));
    for (const s of p.shareholders) rows.shareholder.push([id, s.nationalId, s.shares, true]);
    if (p.vat) rows.vat_registration.push([id, p.vat.registeredOn, p.vat.status, p.vat.branches, true]);
    for (const f of p.factories) {
      rows.factory_licence.push([f.licenceNo, id, f.activityTh, f.provinceCode, f.issuedOn, f.workers, f.horsepower, true]);
    }
    p.lifecycle.forEach((e, position) => rows.lifecycle_event.push([id, position, e.stage, e.on, e.note, true]));
  }
  return rows;
}

/**
 * Directors and shareholders are drawn from the population, so a seed for another population (or a new seed
 * version) starts from an empty register instead of mixing two economies.
 */
export async function clearSyntheticBusinesses(db: Database): Promise<void> {
  for (const table of [...CHILD_TABLES, 'business' as const]) await db.query(`DELETE FROM ${table} WHERE synthetic`);
}
