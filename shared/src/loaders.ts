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

/** A page of a list: `first` rows after skipping `offset` (see `requirePage`). */
export interface Page {
  first: number;
  offset: number;
}

/** How `pagedRowsLoader` ranks each key's rows: output columns of its statement, written in code, never from input. */
export interface PageWindow {
  partitionBy: string;
  orderBy: string;
}

/**
 * Loaders for a field that takes arguments: one DataLoader per distinct argument value (told apart by `keyOf`),
 * so that parents asking with the same arguments still batch into one statement.
 */
export function loaderPerArgument<A, L>(create: (argument: A) => L, keyOf: (argument: A) => string = JSON.stringify): (argument: A) => L {
  const loaders = new Map<string, L>();
  return (argument) => {
    const key = keyOf(argument);
    let loader = loaders.get(key);
    if (!loader) {
      loader = create(argument);
      loaders.set(key, loader);
    }
    return loader;
  };
}

/**
 * A page of each key's rows, for a whole batch of keys in one statement: `sql` selects all rows of the keys in `$1`
 * (as for `rowsLoader`); each key's rows are ranked by `window` and the page's offset and size are `$2` and `$3`.
 */
export function pagedRowsLoader<R extends QueryResultRow, K extends Key = string>(
  db: Queryable,
  sql: string,
  window: PageWindow,
  keyOf: (row: R) => K,
): (page: Page) => DataLoader<K, R[]> {
  const paged = `SELECT * FROM (
      SELECT keyed.*, row_number() OVER (PARTITION BY ${window.partitionBy} ORDER BY ${window.orderBy}) AS page_rank
        FROM (${sql}) keyed) ranked
    WHERE page_rank > $2 AND page_rank <= $2 + $3 ORDER BY page_rank`;
  return loaderPerArgument(
    ({ first, offset }: Page) => rowsLoader<R, K>(db, paged, keyOf, [offset, first]),
    ({ first, offset }) => `${first}:${offset}`,
  );
}

/** Loads many keys and keeps the rows that exist; a failed batch throws instead of hiding as a gap. */
export async function loadPresent<K, R>(loader: DataLoader<K, R | null>, keys: readonly K[]): Promise<R[]> {
  const results = await loader.loadMany(keys);
  return results.flatMap((result) => {
    if (result instanceof Error) throw result;
    return result === null ? [] : [result];
  });
}
