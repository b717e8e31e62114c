import { bulkInsert, progress, type Database, type Logger } from '@govhub/shared';

const CHUNK = 10_000;

/**
 * Inserts the rows of indexes 0..count-1 (people, businesses) ten thousand indexes at a time, so that a
 * million-person seed never holds all its rows in memory, and reports progress as it goes.
 */
export async function insertByIndex(
  db: Database,
  logger: Logger,
  step: string,
  target: { table: string; columns: readonly string[] },
  count: number,
  rowsAt: (index: number) => unknown[][],
): Promise<void> {
  const tick = progress(logger, step, count);
  for (let start = 0; start < count; start += CHUNK) {
    const end = Math.min(count, start + CHUNK);
    const rows: unknown[][] = [];
    for (let index = start; index < end; index++) rows.push(...rowsAt(index));
    await bulkInsert(db, target.table, target.columns, rows);
    tick(end);
  }
}
