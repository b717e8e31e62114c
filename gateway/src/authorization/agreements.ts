import type { Database, Logger } from '@govhub/shared';
import { NotificationListener } from '../resilience/notificationListener';
import type { GrantSource } from './decide';

interface AgreementRow {
  id: string;
  consumer: string;
  dataset: string;
  purposes: string[];
  fields: string[] | null;
  validFrom: string | null;
  validUntil: string | null;
}

/** Agreements are dated in Thai time (UTC+7 all year): a day starts and ends at midnight in Bangkok. */
const THAI_OFFSET_MS = 7 * 60 * 60 * 1000;

export function thaiDate(at: Date): string {
  return new Date(at.getTime() + THAI_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * Sharing agreements and consents, held in memory for the request path and reloaded whenever the governance
 * data changes (PostgreSQL LISTEN/NOTIFY, listening again after a database restart, with a periodic reload as
 * fallback). A notification makes the index stale at once: decisions wait (`fresh`) until a reload begun after it
 * has finished, so a withdrawal made through any replica is refused by every replica that heard of it, instead of
 * being served from the old copy while the reload runs. An agreement is in force from the day it was signed (or
 * approved) to its last day, in Thai time; one neither approved nor signed is not in force. Validity is checked at
 * each decision, so an expired agreement blocks the very next request.
 */
export class AgreementIndex implements GrantSource {
  private agreements = new Map<string, AgreementRow[]>();
  /** Consenting subjects per consumer, dataset and purpose. */
  private consents = new Map<string, Set<string>>();
  private listener: NotificationListener | null = null;
  private timer: NodeJS.Timeout | null = null;
  /** Changes announced so far, and how many of them the index holds (a reload holds those announced before it began). */
  private announced = 0;
  private held = 0;
  private reloading: Promise<void> | null = null;

  constructor(
    private readonly db: Database,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async start(databaseUrl: string, reloadEveryMs = 30_000): Promise<void> {
    await this.reload();
    this.listener = new NotificationListener({
      databaseUrl,
      channel: 'govhub_access_changed',
      logger: this.logger,
      onNotification: () => this.invalidate(),
    });
    await this.listener.start();
    this.timer = setInterval(() => void this.loadOnce(), reloadEveryMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.listener?.stop();
  }

  /** A change was announced: what the index holds is stale until a reload begun from now on finishes. */
  invalidate(): void {
    void this.reload();
  }

  /** Resolves once the index holds the governance data as it is now, or newer. */
  reload(): Promise<void> {
    this.announced++;
    return this.fresh();
  }

  /**
   * Resolves once the index holds every change announced so far. A failed reload counts as done (the last good
   * state is kept, as while the database is down), so a request never waits longer than one reload per change.
   */
  async fresh(): Promise<void> {
    while (this.held < this.announced) await this.loadOnce();
  }

  /**
   * One load at a time (the periodic one included), so that a slow read begun before a change can never replace
   * the state a later read found; a load holds the changes announced before it began.
   */
  private loadOnce(): Promise<void> {
    this.reloading ??= this.load(this.announced).finally(() => (this.reloading = null));
    return this.reloading;
  }

  private async load(announced: number): Promise<void> {
    try {
      const rows = await this.db.query<AgreementRow>(
        `SELECT a.id, a.consumer_code AS consumer, d.dataset_id AS dataset, d.fields,
                to_char(coalesce(a.signed_on, a.approved_on), 'YYYY-MM-DD') AS "validFrom",
                to_char(a.valid_until, 'YYYY-MM-DD') AS "validUntil",
                array(SELECT purpose_code FROM governance.agreement_purpose p WHERE p.agreement_id = a.id) AS purposes
           FROM governance.agreement a JOIN governance.agreement_dataset d ON d.agreement_id = a.id`,
      );
      const consentRows = await this.db.query<{ key: string; subject: string }>(
        `SELECT consumer_code || '|' || dataset_id || '|' || purpose_code AS key, subject
           FROM governance.consent WHERE revoked_at IS NULL`,
      );
      const agreements = new Map<string, AgreementRow[]>();
      for (const row of rows) {
        const key = `${row.consumer}|${row.dataset}`;
        agreements.set(key, [...(agreements.get(key) ?? []), row]);
      }
      const consents = new Map<string, Set<string>>();
      for (const { key, subject } of consentRows) {
        let subjects = consents.get(key);
        if (!subjects) consents.set(key, (subjects = new Set()));
        subjects.add(subject);
      }
      this.agreements = agreements;
      this.consents = consents;
    } catch (error) {
      this.logger.error({ message: (error as Error).message }, 'could not reload agreements; keeping the last ones');
    }
    this.held = Math.max(this.held, announced);
  }

  agreementFor(consumer: string, dataset: string, purpose: string) {
    const match = this.inForce(this.agreements.get(`${consumer}|${dataset}`) ?? []).find((row) => row.purposes.includes(purpose));
    return match ? { id: match.id, fields: match.fields } : null;
  }

  /** The agreements in force that let some agency read this dataset (the docs say who may read a field). */
  agreementsOver(dataset: string): { id: string; consumer: string; purposes: string[] }[] {
    return this.inForce([...this.agreements.values()].flat())
      .filter((row) => row.dataset === dataset)
      .map(({ id, consumer, purposes }) => ({ id, consumer, purposes }));
  }

  consentingSubjects(consumer: string, dataset: string, purpose: string): ReadonlySet<string> {
    return this.consents.get(`${consumer}|${dataset}|${purpose}`) ?? NOBODY;
  }

  private inForce(rows: readonly AgreementRow[]): AgreementRow[] {
    const today = thaiDate(this.now());
    return rows.filter((row) => row.validFrom !== null && row.validFrom <= today && (row.validUntil === null || row.validUntil >= today));
  }
}

const NOBODY: ReadonlySet<string> = new Set();
