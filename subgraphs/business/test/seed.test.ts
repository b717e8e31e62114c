import { businessAt, businessCount, createLogger, Database, personAt, prepareDomainDatabase } from '@govhub/shared';
import { createTestDatabase, type TestDatabase } from '@govhub/shared/dist/testing';
import { business } from '../index';
import { seedBusinesses } from '../seed/businesses';
import { seedMarkets } from '../seed/markets';
import { businessProfile } from '../seed/profile';
import { seedReference } from '../seed/reference';

const TABLES = [
  'business',
  'director',
  'shareholder',
  'vat_registration',
  'factory_licence',
  'lifecycle_event',
  'lifecycle_stage',
  'commodity_price',
  'trade_statistic',
  'document_demand',
];
const logger = createLogger('test-business-seed');

let database: TestDatabase;
let db: Database;

beforeAll(async () => {
  database = await createTestDatabase('business_seed');
  db = new Database({ url: database.url, schema: 'business', logger });
});

afterAll(async () => {
  await db?.close();
  await database?.drop();
});

/** Every table's rows, fingerprinted: equal snapshots mean equal contents. */
async function snapshot(): Promise<Record<string, string>> {
  const entries = await Promise.all(
    TABLES.map(async (table) => {
      const [row] = await db.query<{ rows: number; digest: string | null }>(
        `SELECT count(*)::int AS rows, md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM ${table} t`,
      );
      return [table, `${row.rows}:${row.digest}`] as const;
    }),
  );
  return Object.fromEntries(entries);
}

describe('business seed', () => {
  it('seeds a population of 3,000 in well under 2 seconds', async () => {
    const started = Date.now();
    await prepareDomainDatabase(business, db, { people: 3000, logger });
    const elapsed = Date.now() - started;
    const [{ count }] = await db.query<{ count: number }>('SELECT count(*)::int AS count FROM business');
    expect(count).toBe(businessCount(3000));
    expect(elapsed).toBeLessThan(2000);
  });

  it('changes nothing on a second run, even when every insert runs again', async () => {
    const before = await snapshot();
    await prepareDomainDatabase(business, db, { people: 3000, logger });
    expect(await snapshot()).toEqual(before);
    // past seedStep's bookkeeping: the inserts themselves are idempotent (ON CONFLICT DO NOTHING)
    await seedReference(db);
    await seedMarkets(db);
    await seedBusinesses(db, { people: 3000, logger });
    expect(await snapshot()).toEqual(before);
  });

  it('derives the same profile for the same business every time', () => {
    expect(businessProfile(businessAt(7, 3000), 3000)).toEqual(businessProfile(businessAt(7, 3000), 3000));
  });

  it('rebuilds the register for another population instead of mixing two', async () => {
    await prepareDomainDatabase(business, db, { people: 600, logger });
    const directors = await db.query<{ juristicId: string; nationalId: string }>(
      'SELECT juristic_id AS "juristicId", national_id AS "nationalId" FROM director ORDER BY juristic_id, position',
    );
    const expected = Array.from({ length: businessCount(600) }, (_, k) => businessAt(k, 600))
      .flatMap((b) => b.directorIndexes.map((i) => ({ juristicId: b.juristicId, nationalId: personAt(i).nationalId })))
      .sort((x, y) => x.juristicId.localeCompare(y.juristicId));
    expect(directors).toEqual(expected);
  });
});
