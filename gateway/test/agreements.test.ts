import { join } from 'node:path';
import { createLogger, Database, migrate, projectRoot } from '@govhub/shared';
import { createTestDatabase, type TestDatabase } from '@govhub/shared/dist/testing';
import { AgreementIndex, namesField } from '../src/authorization/agreements';

let database: TestDatabase;
let db: Database;
let today = '2020-06-01';
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
  await db.query(`INSERT INTO agreement_dataset (agreement_id, dataset_id, fields) VALUES ('A1', 'cgd.low-income-register', '{Person.lowIncomeRegistration,LowIncomeRegistration.*}')`);
  await db.query(`INSERT INTO agreement_purpose (agreement_id, purpose_code) VALUES ('A1', 'WELFARE_ELIGIBILITY')`);
  index = new AgreementIndex(db, createLogger('test'), () => new Date(`${today}T12:00:00Z`));
  await index.start(database.url);
});
afterAll(async () => {
  await index?.stop();
  await db?.close();
  await database?.drop();
});

describe('sharing agreements as the gateway sees them', () => {
  const lookup = (coordinate: string | null) => index.agreementFor('DOPA', 'cgd.low-income-register', 'WELFARE_ELIGIBILITY', coordinate);

  it('grants a named consumer, dataset and purpose while the agreement is valid', () => {
    today = '2020-06-01';
    expect(lookup(null)).toEqual({ id: 'A1', fields: ['Person.lowIncomeRegistration', 'LowIncomeRegistration.*'] });
    expect(index.agreementFor('DOPA', 'cgd.low-income-register', 'TAX_ADMINISTRATION', null)).toBeNull();
    expect(index.agreementFor('CGD', 'cgd.low-income-register', 'WELFARE_ELIGIBILITY', null)).toBeNull();
  });

  it('needs a sensitive field to be named, by itself or by Type.*', () => {
    expect(lookup('LowIncomeRegistration.status')).not.toBeNull();
    expect(lookup('HealthCoverage.scheme')).toBeNull();
    expect(namesField(null, 'Person.x')).toBe(false);
  });

  it('refuses before signing and from the day after it expires', () => {
    today = '2019-01-15';
    expect(lookup(null)).toBeNull();
    today = '2020-12-31';
    expect(lookup(null)).not.toBeNull();
    today = '2021-01-01';
    expect(lookup(null)).toBeNull();
  });

  it('hears about a change at once (NOTIFY), without waiting for the periodic reload', async () => {
    today = '2020-06-01';
    await db.query(`UPDATE agreement SET valid_until = '2020-05-31' WHERE id = 'A1'`);
    const deadline = Date.now() + 3_000;
    while (lookup(null) !== null && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(lookup(null)).toBeNull();
  });
});
