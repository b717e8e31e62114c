import { createHash } from 'node:crypto';
import { bulkInsert, type Database, type Queryable } from '@govhub/shared';

/** One release of personal (or higher) data: who read what about whom, why, under which agreement. */
export interface ExchangeLogEntry {
  at: string;
  requestId: string;
  consumer: string | null;
  officer: string | null;
  purpose: string | null;
  /** Why it was released; `dry-run` when the hub only reported a denial (authorization dry-run mode). */
  basis: 'agreement' | 'consent' | 'self' | 'clearance' | 'dry-run';
  agreementId: string | null;
  subject: string | null;
  subjectRef: string | null;
  dataset: string;
  classification: string;
  fields: string[];
  withheldFromSubject: boolean;
}

export const GENESIS_HASH = '0'.repeat(64);

/** Every field of an entry in column order: what its hash covers, and what its row stores before the chain. */
function entryValues(entry: ExchangeLogEntry): unknown[] {
  return [
    entry.at,
    entry.requestId,
    entry.consumer,
    entry.officer,
    entry.purpose,
    entry.basis,
    entry.agreementId,
    entry.subject,
    entry.subjectRef,
    entry.dataset,
    entry.classification,
    entry.fields,
    entry.withheldFromSubject,
  ];
}

/** Each entry's hash covers the previous hash and every field of the entry: editing or deleting one breaks the chain. */
export function chainHash(previous: string, entry: ExchangeLogEntry): string {
  const canonical = JSON.stringify(entryValues(entry));
  return createHash('sha256').update(previous).update(canonical).digest('hex');
}

const COLUMNS = [
  'at',
  'request_id',
  'consumer_code',
  'officer',
  'purpose_code',
  'basis',
  'agreement_id',
  'subject',
  'subject_ref',
  'dataset_id',
  'classification',
  'fields',
  'withheld_from_subject',
  'prev_hash',
  'hash',
];

interface Pending {
  entries: ExchangeLogEntry[];
  done(error?: unknown): void;
}

/** Told of every batch written or lost (the metrics). */
export interface ExchangeLogObserver {
  exchangeLogWritten(entries: number): void;
  exchangeLogFailed(): void;
}

/**
 * The central exchange log (สารบรรณกลาง), written durably before a response with personal data leaves the
 * gateway. Concurrent requests are committed together (group commit): one transaction per batch takes the log's
 * lock, reads the anchored head and inserts the batch chained from it; `prev_hash` stays unique, so no writer can
 * fork the chain even without the lock.
 */
export class ExchangeLog {
  private queue: Pending[] = [];
  private flushing = false;

  constructor(
    private readonly db: Database,
    private readonly observer: ExchangeLogObserver = { exchangeLogWritten: () => undefined, exchangeLogFailed: () => undefined },
  ) {}

  append(entries: ExchangeLogEntry[]): Promise<void> {
    if (entries.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.queue.push({ entries, done: (error) => (error ? reject(error) : resolve()) });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0);
      try {
        const entries = batch.flatMap((pending) => pending.entries);
        await this.write(entries);
        this.observer.exchangeLogWritten(entries.length);
        for (const pending of batch) pending.done();
      } catch (error) {
        this.observer.exchangeLogFailed();
        for (const pending of batch) pending.done(error);
      }
    }
    this.flushing = false;
  }

  /**
   * Extends the chain under a lock every writer (every gateway replica) takes: optimistic retries on `prev_hash`
   * ran out under two busy writers, losing a batch. The head is read inside the lock, so one chain it stays.
   */
  private async write(entries: ExchangeLogEntry[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query("SELECT pg_advisory_xact_lock(hashtext('govhub.exchange-log'))");
      const { rows } = chained(await currentHead(tx), entries);
      await bulkInsert(tx, 'governance.exchange_log', COLUMNS, rows, { onConflict: 'error' });
    });
  }
}

/** The anchored head, not the newest row: after the newest entries were deleted, the next one shows the gap. */
async function currentHead(db: Queryable): Promise<string> {
  const [head] = await db.query<{ hash: string }>('SELECT hash FROM governance.exchange_log_head');
  return head?.hash ?? GENESIS_HASH;
}

function chained(head: string, entries: ExchangeLogEntry[]): { rows: unknown[][] } {
  let previous = head;
  const rows = entries.map((entry) => {
    const hash = chainHash(previous, entry);
    const row = [...entryValues(entry), previous, hash];
    previous = hash;
    return row;
  });
  return { rows };
}

export interface ChainVerification {
  entries: number;
  /** The first entry whose hash does not follow from its predecessor, if any. */
  brokenAt: { seq: number; reason: string } | null;
}

/**
 * Walks the whole chain in order (`npx govhub audit verify`), and checks it reaches the anchored head: the head is
 * read first, and the log only grows, so entries appended during the walk never look like a break.
 */
export async function verifyChain(db: Database, pageSize = 5_000): Promise<ChainVerification> {
  const [head = { seq: 0, hash: GENESIS_HASH }] = await db.query<{ seq: number; hash: string }>(
    'SELECT seq::int, hash FROM governance.exchange_log_head',
  );
  let previous = GENESIS_HASH;
  let after = 0;
  let count = 0;
  for (;;) {
    const rows = await db.query<ExchangeLogEntry & { seq: number; prevHash: string; hash: string }>(
      `SELECT seq::int, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, request_id AS "requestId",
              consumer_code AS consumer, officer, purpose_code AS purpose, basis, agreement_id AS "agreementId", subject,
              subject_ref AS "subjectRef", dataset_id AS dataset, classification, fields,
              withheld_from_subject AS "withheldFromSubject", prev_hash AS "prevHash", hash
         FROM governance.exchange_log WHERE seq > $1 ORDER BY seq LIMIT $2`,
      [after, pageSize],
    );
    for (const row of rows) {
      if (row.prevHash !== previous)
        return { entries: count, brokenAt: { seq: row.seq, reason: 'does not follow the previous entry (one was removed or reordered)' } };
      if (chainHash(previous, row) !== row.hash)
        return { entries: count, brokenAt: { seq: row.seq, reason: 'its content was changed after it was written' } };
      if (row.seq === head.seq && row.hash !== head.hash)
        return { entries: count, brokenAt: { seq: row.seq, reason: 'it is not the entry the anchored head names' } };
      previous = row.hash;
      after = row.seq;
      count++;
    }
    if (rows.length < pageSize) {
      if (after >= head.seq) return { entries: count, brokenAt: null };
      return {
        entries: count,
        brokenAt: {
          seq: head.seq,
          reason: `the newest entries were removed: the log ends at entry ${after}, its anchored head is entry ${head.seq}`,
        },
      };
    }
  }
}
