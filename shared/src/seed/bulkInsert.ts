import type { Queryable } from '../db/database';

export interface BulkInsertOptions {
  /** What to do with a row whose key exists: `ignore` keeps seeding idempotent. */
  onConflict?: 'ignore' | 'error';
  /** Called after each batch with the number of rows sent so far. */
  onProgress?: (done: number) => void;
}

type Row = readonly unknown[];

/** A way to send a batch of rows as the source of an INSERT. */
interface InsertSource {
  rowsPerBatch: number;
  statement(batch: readonly Row[]): { sql: string; params: unknown[] };
}

interface ColumnType {
  /** The type without its modifier (`character varying`, not `character varying(10)`): the INSERT applies those. */
  name: string;
  /** An array or json column: unnest would flatten its arrays, so inserts into it take the VALUES form. */
  structured: boolean;
}

const IDENTIFIER = /^[a-z_][a-z0-9_.]*$/;
/** Rows per statement with column arrays: few statements, yet a batch's arrays stay small in memory. */
const ROWS_PER_ARRAY_BATCH = 10_000;
/** The VALUES form's bound: a statement takes at most 65,535 parameters. */
const MAX_PARAMETERS = 65_000;

/**
 * Inserts rows in parameterized batches; identifiers come from code, never from input. Each column travels as one
 * array parameter (`INSERT ... SELECT * FROM unnest($1::type[], ...)`), far cheaper for PostgreSQL to bind and plan
 * than thousands of VALUES parameters; inserts into array or json columns take the multi-row VALUES form instead.
 */
export async function bulkInsert(
  db: Queryable,
  table: string,
  columns: readonly string[],
  rows: readonly Row[],
  options: BulkInsertOptions = {},
): Promise<void> {
  for (const name of [table, ...columns]) {
    if (!IDENTIFIER.test(name)) throw new Error(`invalid identifier: ${name}`);
  }
  if (rows.length === 0) return;
  const source = await insertSource(db, table, columns);
  const conflict = (options.onConflict ?? 'ignore') === 'ignore' ? ' ON CONFLICT DO NOTHING' : '';
  for (let start = 0; start < rows.length; start += source.rowsPerBatch) {
    const batch = rows.slice(start, start + source.rowsPerBatch);
    for (const row of batch) {
      if (row.length !== columns.length) throw new Error(`row of ${row.length} values for ${columns.length} columns`);
    }
    const { sql, params } = source.statement(batch);
    await db.query(`INSERT INTO ${table} (${columns.join(', ')}) ${sql}${conflict}`, params);
    options.onProgress?.(start + batch.length);
  }
}

async function insertSource(db: Queryable, table: string, columns: readonly string[]): Promise<InsertSource> {
  const types = await tableColumnTypes(db, table);
  const columnTypes = columns.map((column) => {
    const type = types.get(column);
    if (!type) throw new Error(`table ${table} has no column ${column}`);
    return type;
  });
  return columnTypes.some((type) => type.structured) ? valuesSource(columns.length) : arraysSource(columnTypes);
}

/** One array parameter per column, unnested into rows; the type names come from the catalog, quoted where needed. */
function arraysSource(types: readonly ColumnType[]): InsertSource {
  const arrays = types.map((type, column) => `$${column + 1}::${type.name}[]`).join(', ');
  return {
    rowsPerBatch: ROWS_PER_ARRAY_BATCH,
    statement: (batch) => ({
      sql: `SELECT * FROM unnest(${arrays})`,
      params: types.map((_, column) => batch.map((row) => scalar(row[column]))),
    }),
  };
}

/** An array in a scalar column would become a nested array, which unnest flattens into rows that are not there. */
function scalar(value: unknown): unknown {
  if (Array.isArray(value)) throw new Error('an array value for a column that is not an array');
  return value;
}

/** Multi-row VALUES, one parameter per value. */
function valuesSource(columnCount: number): InsertSource {
  return {
    rowsPerBatch: Math.max(1, Math.floor(MAX_PARAMETERS / columnCount)),
    statement: (batch) => {
      const params: unknown[] = [];
      const tuples = batch.map((row) => {
        const slots = row.map((value) => {
          params.push(value);
          return `$${params.length}`;
        });
        return `(${slots.join(', ')})`;
      });
      return { sql: `VALUES ${tuples.join(', ')}`, params };
    },
  };
}

/** Column types by database handle and table name, read from the catalog once. */
const typeCache = new WeakMap<Queryable, Map<string, Promise<Map<string, ColumnType>>>>();

function tableColumnTypes(db: Queryable, table: string): Promise<Map<string, ColumnType>> {
  const tables = typeCache.get(db) ?? new Map<string, Promise<Map<string, ColumnType>>>();
  typeCache.set(db, tables);
  let types = tables.get(table);
  if (!types) {
    types = readColumnTypes(db, table);
    tables.set(table, types);
    // a failed read (no such table yet) is not remembered
    types.catch(() => tables.delete(table));
  }
  return types;
}

/** The table as the connection's search_path finds it, like the INSERT itself. */
async function readColumnTypes(db: Queryable, table: string): Promise<Map<string, ColumnType>> {
  const rows = await db.query<{ column: string } & ColumnType>(
    `SELECT a.attname AS "column", format_type(a.atttypid, NULL) AS name,
       coalesce(base.typcategory, t.typcategory) = 'A'
         OR coalesce(base.oid, t.oid) IN ('json'::regtype::oid, 'jsonb'::regtype::oid) AS structured
     FROM pg_attribute a
     JOIN pg_type t ON t.oid = a.atttypid
     LEFT JOIN pg_type base ON base.oid = t.typbasetype
     WHERE a.attrelid = to_regclass($1) AND a.attnum > 0 AND NOT a.attisdropped`,
    [table],
  );
  if (rows.length === 0) throw new Error(`no table ${table} on the search path`);
  return new Map(rows.map(({ column, name, structured }) => [column, { name, structured }]));
}
