import DataLoader from 'dataloader';
import type { QueryResultRow } from 'pg';
import type { Queryable } from './db/database';

type Key = string | number;

/**
 * A loader of one row per key: `sql` selects the rows whose key is in the array `$1`
 * (`... WHERE code = ANY($1)`; further parameters from `$2`); one statement per batch, results in key order, null where missing.
 */
export function rowLoader<R extends QueryResultRow, K extends Key = string>(
  db: Queryable,
  sql: string,
  keyOf: (row: R) => K,
  params: readonly unknown[] = [],
): DataLoader<K, R | null> {
  return new DataLoader<K, R | null>(async (keys) => {
    const rows = await db.query<R>(sql, [keys, ...params]);
    const byKey = new Map(rows.map((row) => [keyOf(row), row]));
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

/**
 * A loader of many rows per key (a one-to-many list field): one statement per batch,
 * rows grouped by key in the order the statement returns them, an empty list where there are none.
 */
export function rowsLoader<R extends QueryResultRow, K extends Key = string>(
  db: Queryable,
  sql: string,
  keyOf: (row: R) => K,
  params: readonly unknown[] = [],
): DataLoader<K, R[]> {
  return new DataLoader<K, R[]>(async (keys) => {
    const rows = await db.query<R>(sql, [keys, ...params]);
    const byKey = new Map<K, R[]>(keys.map((key) => [key, []]));
    for (const row of rows) byKey.get(keyOf(row))?.push(row);
    return keys.map((key) => byKey.get(key) ?? []);
  });
}

/** Loads many keys and keeps the rows that exist; a failed batch throws instead of hiding as a gap. */
export async function loadPresent<K, R>(loader: DataLoader<K, R | null>, keys: readonly K[]): Promise<R[]> {
  const results = await loader.loadMany(keys);
  return results.flatMap((result) => {
    if (result instanceof Error) throw result;
    return result === null ? [] : [result];
  });
}
