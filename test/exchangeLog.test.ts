import { join } from 'node:path';
import { Database, migrate } from '@govhub/shared';
import { createTestDatabase, type TestDatabase } from '@govhub/shared/dist/testing';
import { ExchangeLog, GENESIS_HASH, verifyChain, type ExchangeLogEntry } from '@govhub/gateway';
import { governance } from '@govhub/subgraph-governance';
import { runGovhubCli } from './support/cli';

/**
 * The exchange log's hash chain against every way of tampering with it: an entry edited, deleted (in the middle or
 * the newest), two entries swapped; and two writers appending at once still make one chain, losing nothing.
 */
let database: TestDatabase;
let db: Database;
beforeAll(async () => {
  database = await createTestDatabase('exchange_log');
  db = new Database({ url: database.url, schema: 'governance' });
  await migrate(db, join(governance.dir, 'migrations'));
}, 60_000);
afterAll(async () => {
  await db?.close();
  await database?.drop();
});

beforeEach(async () => {
  await db.query('TRUNCATE governance.exchange_log');
  await db.query('UPDATE governance.exchange_log_head SET seq = 0, hash = $1', [GENESIS_HASH]);
});

const entry = (requestId: string): ExchangeLogEntry => ({
  at: new Date().toISOString(),
  requestId,
  consumer: 'DOPA',
  officer: 'dopa-officer-7',
  purpose: 'WELFARE_ELIGIBILITY',
  basis: 'agreement',
  agreementId: 'AG-1',
  subject: '1101700203450',
  subjectRef: null,
  dataset: 'dopa.civil-registry',
  classification: 'PERSONAL',
  fields: ['Person.firstNameTh'],
  withheldFromSubject: false,
});

/** Appends `count` entries, one request each, and returns their seqs in order. */
async function appendEntries(count: number, log = new ExchangeLog(db)): Promise<number[]> {
  for (let i = 0; i < count; i++) await log.append([entry(`request-${i}`)]);
  return seqs();
}

async function seqs(): Promise<number[]> {
  return (await db.query<{ seq: number }>('SELECT seq::int FROM governance.exchange_log ORDER BY seq')).map((row) => row.seq);
}

describe('verify', () => {
  it('passes on an intact chain', async () => {
    await appendEntries(5);
    expect(await verifyChain(db)).toEqual({ entries: 5, brokenAt: null });
  });

  it('names an entry whose content was changed', async () => {
    const [, second] = await appendEntries(5);
    await db.query(`UPDATE governance.exchange_log SET fields = array['Person.somethingElse'] WHERE seq = $1`, [second]);
    expect(await verifyChain(db)).toEqual({ entries: 1, brokenAt: { seq: second, reason: expect.stringContaining('changed') } });
  });

  it('names the entry after one deleted from the middle', async () => {
    const [, , third, fourth] = await appendEntries(5);
    await db.query('DELETE FROM governance.exchange_log WHERE seq = $1', [third]);
    expect(await verifyChain(db)).toEqual({ entries: 2, brokenAt: { seq: fourth, reason: expect.stringContaining('removed') } });
  });

  it('names the anchored head when the newest entry was deleted', async () => {
    const appended = await appendEntries(5);
    const newest = appended[4];
    await db.query('DELETE FROM governance.exchange_log WHERE seq = $1', [newest]);
    expect(await verifyChain(db)).toEqual({ entries: 4, brokenAt: { seq: newest, reason: expect.stringContaining('newest entries were removed') } });
  });

  it('names the anchored head when every entry was deleted', async () => {
    const appended = await appendEntries(3);
    await db.query('DELETE FROM governance.exchange_log');
    expect(await verifyChain(db)).toEqual({
      entries: 0,
      brokenAt: { seq: appended[2], reason: expect.stringContaining('newest entries were removed') },
    });
  });

  it('still shows a deleted newest entry once a new writer has appended after it', async () => {
    const appended = await appendEntries(3);
    await db.query('DELETE FROM governance.exchange_log WHERE seq = $1', [appended[2]]);
    // A gateway started after the deletion: it extends the chain from the anchored head, not from the last row left.
    await new ExchangeLog(db).append([entry('after-the-deletion')]);
    const [, , next] = await seqs();
    expect(await verifyChain(db)).toEqual({ entries: 2, brokenAt: { seq: next, reason: expect.stringContaining('removed') } });
  });

  it('names the first of two entries swapped in order', async () => {
    const [, second, , fourth] = await appendEntries(5);
    await db.query('UPDATE governance.exchange_log SET seq = -1 WHERE seq = $1', [second]);
    await db.query('UPDATE governance.exchange_log SET seq = $1 WHERE seq = $2', [second, fourth]);
    await db.query('UPDATE governance.exchange_log SET seq = $1 WHERE seq = -1', [fourth]);
    expect(await verifyChain(db)).toEqual({ entries: 1, brokenAt: { seq: second, reason: expect.stringContaining('reordered') } });
  });

  it('names the first of two entries whose contents were swapped', async () => {
    const [, second, third] = await appendEntries(4);
    const columns = 'request_id, at, fields';
    await db.query(
      `UPDATE governance.exchange_log AS target SET (${columns}) = (SELECT ${columns} FROM governance.exchange_log AS source
          WHERE source.seq = CASE target.seq WHEN $1 THEN $2 ELSE $1 END)
        WHERE target.seq IN ($1, $2)`,
      [second, third],
    );
    expect(await verifyChain(db)).toEqual({ entries: 1, brokenAt: { seq: second, reason: expect.stringContaining('changed') } });
  });
});

describe('two writers on one database', () => {
  it('appending at once keep one chain, and lose no entry', async () => {
    const pools = [new Database({ url: database.url, schema: 'governance' }), new Database({ url: database.url, schema: 'governance' })];
    try {
      const writers = pools.map((pool) => new ExchangeLog(pool));
      // Each writer: 20 rounds of 10 concurrent appends (group-committed), both writers racing for the same head.
      const write = async (writer: ExchangeLog, name: string) => {
        for (let round = 0; round < 20; round++) {
          await Promise.all(Array.from({ length: 10 }, (_, i) => writer.append([entry(`${name}-${round}-${i}`), entry(`${name}-${round}-${i}`)])));
        }
      };
      await Promise.all([write(writers[0], 'a'), write(writers[1], 'b')]);
      const rows = await db.query<{ requestId: string; count: number }>(
        'SELECT request_id AS "requestId", count(*)::int AS count FROM governance.exchange_log GROUP BY request_id',
      );
      expect(rows).toHaveLength(400);
      expect(rows.every((row) => row.count === 2)).toBe(true);
      expect(await verifyChain(db)).toEqual({ entries: 800, brokenAt: null });
    } finally {
      await Promise.all(pools.map((pool) => pool.close()));
    }
  }, 30_000);
});

describe('npx govhub audit verify', () => {
  const verify = () => runGovhubCli(['audit', 'verify'], { DATABASE_URL: database.url });

  it('exits 0 on an intact chain', async () => {
    await appendEntries(3);
    const result = await verify();
    expect(result).toMatchObject({ code: 0, stdout: 'exchange log intact: 3 entries, hash chain verified\n' });
  }, 30_000);

  it('exits 1 naming the first broken entry', async () => {
    const [, second, third] = await appendEntries(4);
    await db.query('DELETE FROM governance.exchange_log WHERE seq = $1', [second]);
    const result = await verify();
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`exchange log BROKEN at entry ${third}:`);
  }, 30_000);
});
