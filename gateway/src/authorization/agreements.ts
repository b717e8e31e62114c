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

/**
 * Sharing agreements and consents, held in memory for the request path and reloaded whenever the governance
 * data changes (PostgreSQL LISTEN/NOTIFY, listening again after a database restart, with a periodic reload as
 * fallback). An agreement's validity dates are checked at each decision, so an expired agreement blocks the very
 * next request.
 */
export class AgreementIndex implements GrantSource {
  private agreements = new Map<string, AgreementRow[]>();
  private consents = new Set<string>();
  private listener: NotificationListener | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Database,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async start(databaseUrl: string, reloadEveryMs = 30_000): Promise<void> {
    await this.reload();
    this.listener = new NotificationListener({
      databaseUrl, channel: 'govhub_access_changed', logger: this.logger, onNotification: () => void this.reload(),
    });
    await this.listener.start();
    this.timer = setInterval(() => void this.reload(), reloadEveryMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.listener?.stop();
  }

  async reload(): Promise<void> {
    try {
      const rows = await this.db.query<AgreementRow>(
        `SELECT a.id, a.consumer_code AS consumer, d.dataset_id AS dataset, d.fields,
                to_char(coalesce(a.signed_on, a.approved_on), 'YYYY-MM-DD') AS "validFrom",
                to_char(a.valid_until, 'YYYY-MM-DD') AS "validUntil",
                array(SELECT purpose_code FROM governance.agreement_purpose p WHERE p.agreement_id = a.id) AS purposes
           FROM governance.agreement a JOIN governance.agreement_dataset d ON d.agreement_id = a.id`,
      );
      const consents = await this.db.query<{ key: string }>(
        `SELECT DISTINCT consumer_code || '|' || dataset_id || '|' || purpose_code AS key
           FROM governance.consent WHERE revoked_at IS NULL`,
      );
      const agreements = new Map<string, AgreementRow[]>();
      for (const row of rows) {
        const key = `${row.consumer}|${row.dataset}`;
        agreements.set(key, [...(agreements.get(key) ?? []), row]);
      }
      this.agreements = agreements;
      this.consents = new Set(consents.map((row) => row.key));
    } catch (error) {
      this.logger.error({ message: (error as Error).message }, 'could not reload agreements; keeping the last ones');
    }
  }

  agreementFor(consumer: string, dataset: string, purpose: string, sensitiveCoordinate: string | null) {
    const today = this.now().toISOString().slice(0, 10);
    const match = (this.agreements.get(`${consumer}|${dataset}`) ?? []).find(
      (row) =>
        row.purposes.includes(purpose) &&
        (row.validFrom === null || row.validFrom <= today) &&
        (row.validUntil === null || row.validUntil >= today) &&
        (sensitiveCoordinate === null || namesField(row.fields, sensitiveCoordinate)),
    );
    return match ? { id: match.id, fields: match.fields } : null;
  }

  /** The agreements valid today that let some agency read this dataset (the docs say who may read a field). */
  agreementsOver(dataset: string): { id: string; consumer: string; purposes: string[] }[] {
    const today = this.now().toISOString().slice(0, 10);
    return [...this.agreements.values()].flat()
      .filter((row) => row.dataset === dataset && (row.validFrom === null || row.validFrom <= today) && (row.validUntil === null || row.validUntil >= today))
      .map(({ id, consumer, purposes }) => ({ id, consumer, purposes }));
  }

  hasConsent(consumer: string, dataset: string, purpose: string): boolean {
    return this.consents.has(`${consumer}|${dataset}|${purpose}`);
  }
}

/** `Type.field` is named by itself or by `Type.*`. */
export function namesField(fields: readonly string[] | null, coordinate: string): boolean {
  if (!fields) return false;
  return fields.includes(coordinate) || fields.includes(`${coordinate.slice(0, coordinate.indexOf('.'))}.*`);
}
