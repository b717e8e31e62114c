import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from './database';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** Over the statements only (`statementChecksum`): editing a comment or the layout never changes it. */
  checksum: string;
  /**
   * What earlier versions of the hub stored: the whole file's sha256, as it is now and as it was before comment-only
   * edits (`legacy-checksums.json` beside the migrations). A database holding one is upgraded to `checksum`.
   */
  legacyChecksums: string[];
}

export interface MigrationResult {
  applied: string[];
  current: number;
}

const FILE_NAME = /^(\d+)_([a-z0-9_]+)\.sql$/;
const LEGACY_CHECKSUMS_FILE = 'legacy-checksums.json';

/** Reads `NNN_name.sql` files in version order. */
export function readMigrations(dir: string): Migration[] {
  const legacy = readLegacyChecksums(dir);
  const migrations = readdirSync(dir)
    .map((file) => ({ file, match: FILE_NAME.exec(file) }))
    .filter((entry): entry is { file: string; match: RegExpExecArray } => entry.match !== null)
    .map(({ file, match }) => {
      const sql = readFileSync(join(dir, file), 'utf8');
      return {
        version: Number(match[1]),
        name: match[2],
        sql,
        checksum: statementChecksum(sql),
        legacyChecksums: [sha256(sql), ...(legacy[file] ?? [])],
      };
    })
    .sort((a, b) => a.version - b.version);
  const versions = new Set(migrations.map((m) => m.version));
  if (versions.size !== migrations.length) throw new Error(`duplicate migration version in ${dir}`);
  return migrations;
}

/**
 * Applies the pending migrations of `dir` to the database's schema, all in one transaction under an advisory
 * lock, so concurrent starts cannot race. An applied migration whose statements changed is an error, not a re-run; a
 * comment or layout edit is not a change.
 */
export async function migrate(db: Database, dir: string): Promise<MigrationResult> {
  const migrations = readMigrations(dir);
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`govhub.migrate.${db.schema}`]);
    await tx.query(`CREATE SCHEMA IF NOT EXISTS ${db.schema}`);
    await tx.query(`SET LOCAL search_path TO ${db.schema}, public`);
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Map(
      (await tx.query<{ version: number; checksum: string }>('SELECT version, checksum FROM schema_migrations')).map((row) => [
        row.version,
        row.checksum,
      ]),
    );
    const applied: string[] = [];
    for (const migration of migrations) {
      const checksum = done.get(migration.version);
      if (checksum !== undefined) {
        if (checksum === migration.checksum) continue;
        if (!migration.legacyChecksums.includes(checksum)) {
          throw new Error(`migration ${migration.version}_${migration.name} of ${db.schema} changed after it was applied`);
        }
        await tx.query('UPDATE schema_migrations SET checksum = $2 WHERE version = $1', [migration.version, migration.checksum]);
        continue;
      }
      await tx.query(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
        migration.version,
        migration.name,
        migration.checksum,
      ]);
      applied.push(`${migration.version}_${migration.name}`);
    }
    return { applied, current: migrations.at(-1)?.version ?? 0 };
  });
}

/** The sha256 of a migration's statements: comments dropped and whitespace runs made one space, literals kept as written. */
export function statementChecksum(sql: string): string {
  return sha256(withoutComments(sql));
}

/**
 * The SQL with `-- …` and (nested) `/* … *\/` comments removed and whitespace normalised: a run of it becomes one space
 * between two words (`CREATE TABLE`, `date '2017-12-01'`) and nothing beside punctuation (`( id int )` is `(id int)`).
 * Quoted strings, quoted identifiers and dollar-quoted bodies are kept byte for byte, since there a change is data.
 */
export function withoutComments(sql: string): string {
  let out = '';
  let pendingSpace = false;
  const emit = (text: string) => {
    if (pendingSpace && SEPARATES.test(out.at(-1) ?? '') && SEPARATES.test(text[0])) out += ' ';
    pendingSpace = false;
    out += text;
  };
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    const dollarTag = c === '$' ? dollarTagAt(sql, i) : undefined;
    if (/\s/.test(c)) {
      pendingSpace = true;
      i++;
    } else if (sql.startsWith('--', i)) {
      const end = sql.indexOf('\n', i);
      i = end === -1 ? sql.length : end;
      pendingSpace = true;
    } else if (sql.startsWith('/*', i)) {
      i = blockCommentEnd(sql, i);
      pendingSpace = true;
    } else if (c === "'" || c === '"') {
      const end = quotedEnd(sql, i, c, c === "'" && isEscapeStringPrefix(sql, i));
      emit(sql.slice(i, end));
      i = end;
    } else if (dollarTag) {
      const close = sql.indexOf(dollarTag, i + dollarTag.length);
      const end = close === -1 ? sql.length : close + dollarTag.length;
      emit(sql.slice(i, end));
      i = end;
    } else {
      emit(c);
      i++;
    }
  }
  return out;
}

/** Characters a space between must be kept for: word characters and quotes. */
const SEPARATES = /[\p{L}\p{N}_$'"]/u;

/** `$$` or `$tag$` opening a dollar-quoted string; not `$1`, and not a `$` inside an identifier. */
function dollarTagAt(sql: string, at: number): string | undefined {
  if (/[A-Za-z0-9_$]/.test(sql[at - 1] ?? '')) return undefined;
  return /^\$(?:[A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(at, at + 64))?.[0];
}

/** PostgreSQL's block comments nest. */
function blockCommentEnd(sql: string, start: number): number {
  let depth = 0;
  let i = start;
  while (i < sql.length) {
    if (sql.startsWith('/*', i)) {
      depth++;
      i += 2;
    } else if (sql.startsWith('*/', i)) {
      depth--;
      i += 2;
      if (depth === 0) return i;
    } else i++;
  }
  return sql.length;
}

/** The index after the closing quote; a doubled quote is part of the text, and so is `\'` in an `E'…'` string. */
function quotedEnd(sql: string, start: number, quote: string, backslashEscapes: boolean): number {
  let i = start + 1;
  while (i < sql.length) {
    if (backslashEscapes && sql[i] === '\\') i += 2;
    else if (sql[i] === quote && sql[i + 1] === quote) i += 2;
    else if (sql[i] === quote) return i + 1;
    else i++;
  }
  return sql.length;
}

function isEscapeStringPrefix(sql: string, quoteAt: number): boolean {
  return /[Ee]/.test(sql[quoteAt - 1] ?? '') && !/[A-Za-z0-9_$]/.test(sql[quoteAt - 2] ?? '');
}

function readLegacyChecksums(dir: string): Record<string, string[]> {
  const file = join(dir, LEGACY_CHECKSUMS_FILE);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string[]>) : {};
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
