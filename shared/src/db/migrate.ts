import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from './database';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationResult {
  applied: string[];
  current: number;
}

const FILE_NAME = /^(\d+)_([a-z0-9_]+)\.sql$/;

/** Reads `NNN_name.sql` files in version order. */
export function readMigrations(dir: string): Migration[] {
  const migrations = readdirSync(dir)
    .map((file) => ({ file, match: FILE_NAME.exec(file) }))
    .filter((entry): entry is { file: string; match: RegExpExecArray } => entry.match !== null)
    .map(({ file, match }) => {
      const sql = readFileSync(join(dir, file), 'utf8');
      return { version: Number(match[1]), name: match[2], sql, checksum: sha256(sql) };
    })
    .sort((a, b) => a.version - b.version);
  const versions = new Set(migrations.map((m) => m.version));
  if (versions.size !== migrations.length) throw new Error(`duplicate migration version in ${dir}`);
  return migrations;
}

/**
 * Applies the pending migrations of `dir` to the database's schema, all in one transaction under an advisory
 * lock, so concurrent starts cannot race. An applied migration whose file changed is an error, not a re-run.
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
      (await tx.query<{ version: number; checksum: string }>('SELECT version, checksum FROM schema_migrations')).map(
        (row) => [row.version, row.checksum],
      ),
    );
    const applied: string[] = [];
    for (const migration of migrations) {
      const checksum = done.get(migration.version);
      if (checksum !== undefined) {
        if (checksum !== migration.checksum) {
          throw new Error(`migration ${migration.version}_${migration.name} of ${db.schema} changed after it was applied`);
        }
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

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
