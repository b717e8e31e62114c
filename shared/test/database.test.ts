import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Database } from '../src/db/database';
import { migrate, statementChecksum, withoutComments } from '../src/db/migrate';
import { rowLoader, rowsLoader } from '../src/loaders';
import { bulkInsert } from '../src/seed/bulkInsert';
import { createTestDatabase, type TestDatabase } from '../src/testing';

let database: TestDatabase;
let db: Database;
beforeAll(async () => {
  database = await createTestDatabase('shared');
  db = new Database({ url: database.url, schema: 'demo' });
});
const dirs: string[] = [];
afterAll(async () => {
  await db?.close();
  await database?.drop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function migrationsDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'migrations-'));
  dirs.push(dir);
  for (const [name, sql] of Object.entries(files)) writeFileSync(join(dir, name), sql);
  return dir;
}

describe('migrations', () => {
  const first = { '001_init.sql': 'CREATE TABLE item (code text PRIMARY KEY, name text NOT NULL, kind text)' };

  it('applies pending migrations into the domain schema, once', async () => {
    const dir = migrationsDir(first);
    expect((await migrate(db, dir)).applied).toEqual(['1_init']);
    expect((await migrate(db, dir)).applied).toEqual([]);
    const [row] = await db.query<{ schema: string }>(`SELECT table_schema AS schema FROM information_schema.tables WHERE table_name = 'item'`);
    expect(row.schema).toBe('demo');
  });

  it('accepts an applied migration whose comments and layout were edited', async () => {
    const dir = migrationsDir({
      '001_init.sql': `-- The items.\nCREATE TABLE item (\n  code text PRIMARY KEY, /* the key */\n  name text NOT NULL, -- shown\n  kind text\n)\n`,
    });
    expect((await migrate(db, dir)).applied).toEqual([]);
  });

  it('refuses an applied migration whose statements were edited', async () => {
    const dir = migrationsDir({ '001_init.sql': first['001_init.sql'].replace('kind text', 'kind text NOT NULL') });
    await expect(migrate(db, dir)).rejects.toThrow('changed after it was applied');
  });

  it('accepts the whole-file checksum earlier versions stored, and stores the statement checksum instead', async () => {
    const legacy = new Database({ url: database.url, schema: 'legacy_demo' });
    try {
      const original = `-- before the cleanup (cited a source line)\n${first['001_init.sql']}\n`;
      await migrate(legacy, migrationsDir({ '001_init.sql': original }));
      await legacy.query('UPDATE schema_migrations SET checksum = $1', [sha256(original)]);
      expect((await migrate(legacy, migrationsDir({ '001_init.sql': original }))).applied).toEqual([]);
      expect(await legacy.query('SELECT checksum FROM schema_migrations')).toEqual([{ checksum: statementChecksum(original) }]);

      // A database that stored the whole-file checksum of a version whose comments were edited since.
      await legacy.query('UPDATE schema_migrations SET checksum = $1', [sha256(original)]);
      const cleaned = `-- The items.\n${first['001_init.sql']}\n`;
      await expect(migrate(legacy, migrationsDir({ '001_init.sql': cleaned }))).rejects.toThrow('changed after it was applied');
      const withHistory = migrationsDir({
        '001_init.sql': cleaned,
        'legacy-checksums.json': JSON.stringify({ '001_init.sql': [sha256(original)] }),
      });
      expect((await migrate(legacy, withHistory)).applied).toEqual([]);
      expect(await legacy.query('SELECT checksum FROM schema_migrations')).toEqual([{ checksum: statementChecksum(cleaned) }]);

      // A legacy checksum is only ever the file's: one of a different statement is still refused.
      await legacy.query('UPDATE schema_migrations SET checksum = $1', [sha256(`${first['001_init.sql']}, extra int`)]);
      await expect(migrate(legacy, withHistory)).rejects.toThrow('changed after it was applied');
    } finally {
      await legacy.query('DROP SCHEMA legacy_demo CASCADE');
      await legacy.close();
    }
  });

  it('rolls back a failing migration completely', async () => {
    const dir = migrationsDir({ ...first, '002_broken.sql': 'CREATE TABLE half (id int); SELECT no_such_function();' });
    await expect(migrate(db, dir)).rejects.toThrow();
    const tables = await db.query(`SELECT 1 FROM information_schema.tables WHERE table_schema = 'demo' AND table_name = 'half'`);
    expect(tables).toHaveLength(0);
  });
});

describe('the statements a migration checksum covers', () => {
  it('drops line and nested block comments, and whitespace but the one space between two words', () => {
    expect(withoutComments('-- head\nCREATE  TABLE t ( /* a /* nested */ note */ id int,\n\tx text -- tail\n);\n')).toBe(
      'CREATE TABLE t(id int,x text);',
    );
    expect(withoutComments("SELECT date '2017-12-01', a/**/b")).toBe("SELECT date '2017-12-01',a b");
  });

  it('keeps quoted strings, quoted identifiers and dollar-quoted bodies as written', () => {
    const sql = `SELECT '-- not a comment',"a  /* b */",E'it\\'s -- still text',$fn$ body -- kept\n $fn$,$1`;
    expect(withoutComments(sql)).toBe(sql);
    expect(statementChecksum("SELECT 'a  b'")).not.toBe(statementChecksum("SELECT 'a b'"));
  });
});

describe('bulk insert and loaders', () => {
  it('inserts parameterized batches idempotently, even with SQL metacharacters in values', async () => {
    const rows = Array.from({ length: 25_000 }, (_, i) => [`c${i}`, i === 7 ? "'); DROP TABLE item; --" : `name ${i}`, i % 2 ? 'odd' : 'even']);
    await bulkInsert(db, 'item', ['code', 'name', 'kind'], rows);
    await bulkInsert(db, 'item', ['code', 'name', 'kind'], rows);
    const [count] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM item');
    expect(count.n).toBe(25_000);
    const [evil] = await db.query<{ name: string }>('SELECT name FROM item WHERE code = $1', ['c7']);
    expect(evil.name).toBe("'); DROP TABLE item; --");
  });

  it('refuses identifiers that are not plain names', async () => {
    await expect(bulkInsert(db, 'item; DROP TABLE item', ['code'], [['x']])).rejects.toThrow('invalid identifier');
  });

  it("keeps each column's type, length limit and nulls, and takes array and json columns too", async () => {
    await db.query(`CREATE TABLE typed (id int PRIMARY KEY, day date, amount numeric(6, 2), flag boolean, code varchar(3),
      tags text[], doc jsonb)`);
    await bulkInsert(
      db,
      'typed',
      ['id', 'day', 'amount', 'flag', 'code'],
      [
        [1, '2017-12-01', 12.345, true, 'abc'],
        [2, null, null, false, ''],
      ],
    );
    await bulkInsert(db, 'typed', ['id', 'tags', 'doc'], [[3, ['a', 'b "c"'], { k: [1, 2] }]]);
    const rows = await db.query(`SELECT id, to_char(day, 'YYYY-MM-DD') AS day, amount::float8 AS amount, flag, code, tags, doc
      FROM typed ORDER BY id`);
    expect(rows).toEqual([
      { id: 1, day: '2017-12-01', amount: 12.35, flag: true, code: 'abc', tags: null, doc: null },
      { id: 2, day: null, amount: null, flag: false, code: '', tags: null, doc: null },
      { id: 3, day: null, amount: null, flag: null, code: null, tags: ['a', 'b "c"'], doc: { k: [1, 2] } },
    ]);
    await expect(bulkInsert(db, 'typed', ['id', 'code'], [[4, 'abcd']])).rejects.toThrow('too long');
    await expect(bulkInsert(db, 'typed', ['id', 'code'], [[5, ['x']]])).rejects.toThrow('not an array');
  });

  it('loads one row per key and many rows per key in one statement per batch', async () => {
    const one = rowLoader<{ code: string; name: string }>(db, 'SELECT code, name FROM item WHERE code = ANY($1)', (r) => r.code);
    const many = rowsLoader<{ code: string; kind: string }>(
      db,
      'SELECT code, kind FROM item WHERE kind = ANY($1) AND code = ANY($2)',
      (r) => r.kind,
      [['c1', 'c2', 'c3']],
    );
    const before = db.statementCount;
    const [a, b, missing, odd, none] = await Promise.all([one.load('c1'), one.load('c2'), one.load('nope'), many.load('odd'), many.load('none')]);
    expect(db.statementCount - before).toBe(2);
    expect([a?.name, b?.name, missing]).toEqual(['name 1', 'name 2', null]);
    expect(odd.map((r) => r.code).sort()).toEqual(['c1', 'c3']);
    expect(none).toEqual([]);
  });
});

describe('statement timeout', () => {
  it('ends a statement that runs past the serving timeout, and only with one set', async () => {
    const serving = new Database({ url: database.url, schema: 'demo', statementTimeoutMs: 200 });
    try {
      await expect(serving.query('SELECT pg_sleep(2)')).rejects.toMatchObject({ code: '57014' });
      expect(await serving.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
      await expect(db.query('SELECT pg_sleep(0.3)')).resolves.toHaveLength(1);
    } finally {
      await serving.close();
    }
  });
});
