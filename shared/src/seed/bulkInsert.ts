import type { Queryable } from '../db/database';

export interface BulkInsertOptions {
  /** What to do with a row whose key exists: `ignore` keeps seeding idempotent. */
  onConflict?: 'ignore' | 'error';
  /** Called after each batch with the number of rows sent so far. */
  onProgress?: (done: number) => void;
}

const MAX_PARAMETERS = 65_000;

/** Inserts rows in parameterized multi-row batches; identifiers come from code, never from input. */
export async function bulkInsert(
  db: Queryable,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
  options: BulkInsertOptions = {},
): Promise<void> {
  for (const name of [table, ...columns]) {
    if (!/^[a-z_][a-z0-9_.]*$/.test(name)) throw new Error(`invalid identifier: ${name}`);
  }
  const perBatch = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  const conflict = (options.onConflict ?? 'ignore') === 'ignore' ? ' ON CONFLICT DO NOTHING' : '';
  for (let start = 0; start < rows.length; start += perBatch) {
    const batch = rows.slice(start, start + perBatch);
    const params: unknown[] = [];
    const tuples = batch.map((row) => {
      if (row.length !== columns.length) throw new Error(`row of ${row.length} values for ${columns.length} columns`);
      const slots = row.map((value) => {
        params.push(value);
        return `$${params.length}`;
      });
      return `(${slots.join(', ')})`;
    });
    await db.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}${conflict}`, params);
    options.onProgress?.(start + batch.length);
  }
}
