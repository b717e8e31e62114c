import { join } from 'node:path';
import type { QueryResultRow } from 'pg';
import { createLogger, Database, migrate, namesField, projectRoot } from '@govhub/shared';
import { createTestDatabase, type TestDatabase } from '@govhub/shared/dist/testing';
import { AgreementIndex, thaiDate } from '../src/authorization/agreements';

let database: TestDatabase;
let db: Database;
let now = '2020-06-01T12:00:00Z';
let index: AgreementIndex;

beforeAll(async () => {
  database = await createTestDatabase('agreements');
  db = new Database({ url: database.url, schema: 'governance' });
  await migrate(db, join(projectRoot(), 'subgraphs', 'governance', 'migrations'));
  await db.query(`INSERT INTO ministry (code, name_th, name_en) VALUES ('MOI', 'มท', 'Interior')`);
  await db.query(`INSERT INTO agency (code, name_th, name_en, ministry_code) VALUES ('DOPA', 'ปค.', 'DOPA', 'MOI'), ('CGD', 'บก.', 'CGD', NULL)`);
  await db.query(`INSERT INTO dataset (id, name_th, owner_code, classification, ready_to_link, update_frequency, source, synthetic, position)
                  VALUES ('cgd.low-income-register', 'x', 'CGD', 'SENSITIVE', true, 'MONTHLY', 'HUB', false, 1)`);
  await db.query(`INSERT INTO purpose (code, name_th, name_en) VALUES ('WELFARE_ELIGIBILITY', 'x', 'x')`);
  await db.query(`INSERT INTO agreement (id, provider_code, consumer_code, approved_on, signed_on, valid_until, synthetic)
                  VALUES ('A1', 'CGD', 'DOPA', '2019-01-01', '2019-02-01', '2020-12-31', true)`);
  await db.query(
    `INSERT INTO agreement_dataset (agreement_id, dataset_id, fields) VALUES ('A1', 'cgd.low-income-register', '{Person.lowIncomeRegistration,LowIncomeRegistration.*}')`,
  );
  await db.query(`INSERT INTO agreement_purpose (agreement_id, purpose_code) VALUES ('A1', 'WELFARE_ELIGIBILITY')`);
  index = new AgreementIndex(db, createLogger('test'), () => new Date(now));
  await index.start(database.url);
});
afterAll(async () => {
  await index?.stop();
  await db?.close();
  await database?.drop();
});

const at = (day: string) => (now = `${day}T12:00:00Z`);

describe('sharing agreements as the gateway sees them', () => {
  const lookup = () => index.agreementFor('DOPA', 'cgd.low-income-register', 'WELFARE_ELIGIBILITY');

  it('grants a named consumer, dataset and purpose while the agreement is valid, with the fields it names', () => {
    at('2020-06-01');
    expect(lookup()).toEqual({ id: 'A1', fields: ['Person.lowIncomeRegistration', 'LowIncomeRegistration.*'] });
    expect(index.agreementFor('DOPA', 'cgd.low-income-register', 'TAX_ADMINISTRATION')).toBeNull();
    expect(index.agreementFor('CGD', 'cgd.low-income-register', 'WELFARE_ELIGIBILITY')).toBeNull();
  });

  it('a sensitive field is named by itself or by Type.*', () => {
    const fields = lookup()?.fields ?? null;
    expect(namesField(fields, 'LowIncomeRegistration.status')).toBe(true);
    expect(namesField(fields, 'HealthCoverage.scheme')).toBe(false);
    expect(namesField(null, 'Person.x')).toBe(false);
  });

  it('refuses before signing and from the day after it expires', () => {
    at('2019-01-15');
    expect(lookup()).toBeNull();
    at('2020-12-31');
    expect(lookup()).not.toBeNull();
    at('2021-01-01');
    expect(lookup()).toBeNull();
  });

  it('counts days in Thai time: the last day ends at midnight in Bangkok, 17:00 UTC', () => {
    expect(thaiDate(new Date('2020-12-31T16:59:59Z'))).toBe('2020-12-31');
    expect(thaiDate(new Date('2020-12-31T17:00:00Z'))).toBe('2021-01-01');
    now = '2020-12-31T16:59:59Z';
    expect(lookup()).not.toBeNull();
    now = '2020-12-31T17:00:00Z';
    expect(lookup()).toBeNull();
    now = '2019-01-31T17:00:00Z';
    expect(lookup()).not.toBeNull();
  });

  it('an agreement neither approved nor signed is not in force', async () => {
    at('2020-06-01');
    await db.query(`INSERT INTO agreement (id, provider_code, consumer_code, approved_on, signed_on, valid_until, synthetic)
                    VALUES ('A2', 'CGD', 'CGD', NULL, NULL, NULL, true)`);
    await db.query(`INSERT INTO agreement_dataset (agreement_id, dataset_id, fields) VALUES ('A2', 'cgd.low-income-register', NULL)`);
    await db.query(`INSERT INTO agreement_purpose (agreement_id, purpose_code) VALUES ('A2', 'WELFARE_ELIGIBILITY')`);
    await index.reload();
    expect(index.agreementFor('CGD', 'cgd.low-income-register', 'WELFARE_ELIGIBILITY')).toBeNull();
    expect(index.agreementsOver('cgd.low-income-register').map((agreement) => agreement.id)).toEqual(['A1']);
  });

  it('knows each consenting citizen, not only that someone consented', async () => {
    await db.query(
      `INSERT INTO consent (subject, consumer_code, purpose_code, dataset_id) VALUES ('5601200333441', 'CGD', 'WELFARE_ELIGIBILITY', 'cgd.low-income-register')`,
    );
    await index.reload();
    expect([...index.consentingSubjects('CGD', 'cgd.low-income-register', 'WELFARE_ELIGIBILITY')]).toEqual(['5601200333441']);
    expect(index.consentingSubjects('CGD', 'cgd.low-income-register', 'TAX_ADMINISTRATION').size).toBe(0);
  });

  it('hears about a change at once (NOTIFY), without waiting for the periodic reload', async () => {
    at('2020-06-01');
    await db.query(`UPDATE agreement SET valid_until = '2020-05-31' WHERE id = 'A1'`);
    const deadline = Date.now() + 3_000;
    while (lookup() !== null && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(lookup()).toBeNull();
  });

  it('after a notification, decides only once a reload begun after it has finished', async () => {
    const subjects = () => index.consentingSubjects('CGD', 'cgd.low-income-register', 'WELFARE_ELIGIBILITY');
    await db.query(`UPDATE consent SET revoked_at = now() WHERE subject = '5601200333441'`);
    // Told at once (as a replica's listener is), the index refuses the revoked consent as soon as fresh() resolves,
    // although its own notification may not have been handled yet.
    index.invalidate();
    await index.fresh();
    expect(subjects().size).toBe(0);
  });

  it('never lets a periodic reload that read before a withdrawal replace what a later reload found', async () => {
    await db.query(
      `INSERT INTO consent (subject, consumer_code, purpose_code, dataset_id) VALUES ('8410100555669', 'CGD', 'WELFARE_ELIGIBILITY', 'cgd.low-income-register')`,
    );
    const slow = new HeldConsentReads({ url: database.url, schema: 'governance' });
    const polled = new AgreementIndex(slow, createLogger('test'), () => new Date(now));
    await polled.start(database.url, 50);
    // The periodic reload reads the consent, then its answer is held back while the citizen withdraws it; no other
    // periodic reload comes after it (one would hide a late overwrite).
    const heldRead = slow.holdNextConsentRead();
    await heldRead.read;
    await polled.stop();
    try {
      await db.query(`UPDATE consent SET revoked_at = now() WHERE subject = '8410100555669'`);
      polled.invalidate();
      // Time enough for a reload begun after the withdrawal to finish, were it allowed to run beside the held one.
      await new Promise((resolve) => setTimeout(resolve, 200));
      heldRead.release();
      await polled.fresh();
      // And for the held read to land, were it allowed to.
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(polled.consentingSubjects('CGD', 'cgd.low-income-register', 'WELFARE_ELIGIBILITY').has('8410100555669')).toBe(false);
    } finally {
      await slow.close();
    }
  });
});

/** The real database, whose next read of the consents can be held back after PostgreSQL answered it. */
class HeldConsentReads extends Database {
  private hold: { read: () => void; released: Promise<void> } | null = null;

  holdNextConsentRead(): { read: Promise<void>; release: () => void } {
    let release!: () => void;
    let read!: () => void;
    const readPromise = new Promise<void>((resolve) => (read = resolve));
    this.hold = { read, released: new Promise<void>((resolve) => (release = resolve)) };
    return { read: readPromise, release };
  }

  override async query<R extends QueryResultRow = QueryResultRow>(sql: string, params: readonly unknown[] = []): Promise<R[]> {
    const rows = await super.query<R>(sql, params);
    const hold = this.hold;
    if (hold && sql.includes('governance.consent')) {
      this.hold = null;
      hold.read();
      await hold.released;
    }
    return rows;
  }
}
