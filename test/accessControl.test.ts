import { createSigningKey, FORWARDED_IDENTITY_ALGORITHM, FORWARDED_IDENTITY_HEADER, signForwardedIdentity } from '@govhub/shared';
import { fullAccessIdentity } from '@govhub/shared/dist/testing';
import { verifyChain } from '@govhub/gateway';
import { CALLERS, startTestHub, type TestHub } from './support/hub';
import { askAudited } from './support/audited';

/**
 * The governance rules end to end, with the demo identities. The agreements' periodic reload is put off to every
 * 10 minutes: a grant or a withdrawal reaches the gateway by the governance data's NOTIFY alone.
 */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ fallbackPollMs: { agreements: 600_000 } });
}, 120_000);
afterAll(() => hub?.stop());

const SOMCHAI = '1101700203450';
const BUAKHAM = '5601200333441';
const PERSON = `query ($id: ID!) { person(nationalId: $id) { firstNameTh lowIncomeRegistration { status } healthCoverage { scheme } } }`;
const denied = (errors: { extensions?: Record<string, unknown> }[] | undefined) =>
  (errors ?? []).filter((error) => error.extensions?.code === 'UNAUTHORIZED_FIELD_OR_TYPE');

describe('who may read a person', () => {
  it('anonymous: public data only', async () => {
    const { data, errors } = await hub.query(PERSON, { id: SOMCHAI });
    expect(data).toEqual({ person: null });
    expect(denied(errors).map((error) => (error as { path?: unknown }).path)).toEqual([['person']]);
    const province = await hub.query('{ province(code: "10") { nameTh } }');
    expect(province.errors).toBeUndefined();
  });

  it('DOPA for WELFARE_ELIGIBILITY: registry, low income and health scheme under its agreements', async () => {
    const { data, errors } = await hub.query(PERSON, { id: SOMCHAI }, await hub.as(CALLERS.dopaWelfare));
    expect(errors).toBeUndefined();
    expect(data?.person).toEqual({
      firstNameTh: 'สมชาย',
      lowIncomeRegistration: { status: expect.any(String) },
      healthCoverage: { scheme: expect.any(String) },
    });
  });

  it('DOPA: a sensitive field its agreement does not name is denied (non-null, so its parent is null)', async () => {
    const { data, errors } = await hub.query(
      'query ($id: ID!) { person(nationalId: $id) { firstNameTh healthCoverage { scheme mainHospital } } }',
      { id: SOMCHAI },
      await hub.as(CALLERS.dopaWelfare),
    );
    expect(data?.person).toEqual({ firstNameTh: 'สมชาย', healthCoverage: null });
    expect(denied(errors).map((error) => (error as { path?: unknown }).path)).toEqual([['person', 'healthCoverage', 'mainHospital']]);
  });

  it('DOPA for another purpose: denied', async () => {
    const { data } = await hub.query(PERSON, { id: SOMCHAI }, await hub.as({ ...CALLERS.dopaWelfare, purpose: 'TAX_ADMINISTRATION' }));
    expect(data?.person).toBeNull();
  });

  it('an agency with no agreement: denied', async () => {
    const { data, errors } = await hub.query(PERSON, { id: SOMCHAI }, await hub.as(CALLERS.tatNoAgreement));
    expect(data?.person).toBeNull();
    expect(denied(errors)).toHaveLength(1);
  });

  it("the citizen: their own record (me), never someone else's", async () => {
    const self = await hub.as(CALLERS.citizen(SOMCHAI));
    const own = await hub.query('{ me { nationalId firstNameTh lowIncomeRegistration { status } } }', {}, self);
    expect(own.errors).toBeUndefined();
    expect(own.data?.me).toMatchObject({ nationalId: SOMCHAI, firstNameTh: 'สมชาย' });
    const other = await hub.query(PERSON, { id: BUAKHAM }, self);
    expect(other.data?.person).toBeNull();
    expect(denied(other.errors).length).toBeGreaterThan(0);
  });

  it('security data: need-to-know clearance only, never a citizen', async () => {
    const query = '{ securityIncidents(first: 3) { id category } }';
    const nsc = await hub.query(query, {}, await hub.as(CALLERS.nscSecurity));
    expect(nsc.errors).toBeUndefined();
    expect(nsc.data?.securityIncidents.length).toBeGreaterThan(0);
    for (const caller of [CALLERS.dopaWelfare, CALLERS.citizen(SOMCHAI)]) {
      const refused = await hub.query(query, {}, await hub.as(caller));
      // securityIncidents is a non-null list: its removal nulls the data, with the denial as the reason
      expect(refused.data).toBeNull();
      expect(denied(refused.errors)).toHaveLength(1);
    }
  });
});

describe('subgraphs answer only the gateway', () => {
  it("refuses a direct call without the gateway's signature, and one signed by another key", async () => {
    const url = hub.subgraphs.citizen.url;
    const request = { query: '{ person(nationalId: "1101700203450") { firstNameTh } }' };
    const body = JSON.stringify(request);
    const bare = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(bare.status).toBe(401);
    const forged = await signForwardedIdentity(fullAccessIdentity(), await createSigningKey(FORWARDED_IDENTITY_ALGORITHM), {
      subgraph: 'citizen',
      request,
    });
    const impostor = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', [FORWARDED_IDENTITY_HEADER]: forged }, body });
    expect(impostor.status).toBe(401);
    expect(await impostor.text()).not.toContain('สมชาย');
  });
});

describe('consent', () => {
  const TAT_LICENSING = { ...CALLERS.tatNoAgreement, purpose: 'TOURISM_LICENSING' };

  it('acts as an agreement for that citizen only, and its withdrawal blocks the very next request', async () => {
    const tat = await hub.as(TAT_LICENSING);
    const citizen = await hub.as(CALLERS.citizen(BUAKHAM));
    const readName = (id: string) => hub.query('query ($id: ID!) { person(nationalId: $id) { firstNameTh } }', { id }, tat);
    expect((await readName(BUAKHAM)).data?.person).toBeNull();

    const granted = await hub.query(
      'mutation { grantConsent(agencyCode: "TAT", purpose: "TOURISM_LICENSING", datasets: ["dopa.civil-registry"]) { agency { code } dataset { id } revokedAt } }',
      {},
      citizen,
    );
    expect(granted.errors).toBeUndefined();
    expect(granted.data?.grantConsent).toEqual([{ agency: { code: 'TAT' }, dataset: { id: 'dopa.civil-registry' }, revokedAt: null }]);
    // Only the notification can make the gateway see the new consent this soon.
    await eventually(async () => expect((await readName(BUAKHAM)).data?.person).toEqual({ firstNameTh: 'บัวคำ' }), 2_000);
    expect((await readName(SOMCHAI)).data?.person).toBeNull();

    const revoked = await hub.query('mutation { revokeConsent(agencyCode: "TAT", purpose: "TOURISM_LICENSING") { revokedAt } }', {}, citizen);
    expect(revoked.data?.revokeConsent).toEqual([{ revokedAt: expect.any(String) }]);
    expect((await readName(BUAKHAM)).data?.person).toBeNull();
    // The citizen subgraph refused that one (it checks consent per citizen); soon the gateway refuses by itself, which
    // only the withdrawal's notification can tell it. A subgraph's refusal carries the subgraph's name.
    await eventually(
      async () =>
        expect(denied((await readName(BUAKHAM)).errors).map((error) => (error as { message: string }).message)).toEqual([
          'Unauthorized field or type',
        ]),
      2_000,
    );
  });

  it('is given only by the citizen themself', async () => {
    const response = await hub.query(
      'mutation { grantConsent(agencyCode: "TAT", purpose: "TOURISM_LICENSING", datasets: ["dopa.civil-registry"]) { id } }',
      {},
      await hub.as(CALLERS.dopaWelfare),
    );
    expect(response.data?.grantConsent ?? null).toBeNull();
  });
});

describe('the exchange log', () => {
  it('records each release before the response leaves, and the citizen reads who accessed their data', async () => {
    const read = await askAudited(hub, PERSON, { id: SOMCHAI }, await hub.as(CALLERS.dopaWelfare));
    expect(read.errors).toBeUndefined();
    const { requestId } = read;
    // Read as soon as the response is in: the entries were committed before it left.
    const logged = await hub.subgraphs.governance.db.query(
      `SELECT consumer_code AS consumer, officer, purpose_code AS purpose, basis, subject, dataset_id AS dataset,
              array(SELECT unnest(fields) ORDER BY 1) AS fields
         FROM governance.exchange_log WHERE request_id = $1 ORDER BY dataset_id`,
      [requestId],
    );
    const release = { consumer: 'DOPA', officer: 'dopa-officer-7', purpose: 'WELFARE_ELIGIBILITY', basis: 'agreement', subject: SOMCHAI };
    expect(logged).toEqual([
      { ...release, dataset: 'cgd.low-income-register', fields: ['LowIncomeRegistration.status', 'Person.lowIncomeRegistration'] },
      { ...release, dataset: 'dopa.civil-registry', fields: ['Person.firstNameTh', 'Query.person'] },
      { ...release, dataset: 'nhso.health-coverage', fields: ['HealthCoverage.scheme', 'Person.healthCoverage'] },
    ]);

    const { data, errors } = await hub.query(
      '{ me { accessLog { at consumer { code nameTh } purpose { code } dataset { id } fields basis } } }',
      {},
      await hub.as(CALLERS.citizen(SOMCHAI)),
    );
    expect(errors).toBeUndefined();
    const entries = data?.me.accessLog as {
      consumer: { code: string };
      purpose: { code: string };
      dataset: { id: string };
      fields: string[];
      basis: string;
    }[];
    expect(entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          consumer: expect.objectContaining({ code: 'DOPA' }),
          purpose: { code: 'WELFARE_ELIGIBILITY' },
          dataset: { id: 'cgd.low-income-register' },
          basis: 'AGREEMENT',
        }),
        expect.objectContaining({
          consumer: expect.objectContaining({ code: 'DOPA' }),
          dataset: { id: 'dopa.civil-registry' },
          fields: expect.arrayContaining(['Person.firstNameTh']),
        }),
      ]),
    );
  });

  it("withholds security-domain access from the citizen's view, but keeps it in the log", async () => {
    const [{ nationalId }] = await hub.subgraphs.security.db.query<{ nationalId: string }>(
      'SELECT national_id AS "nationalId" FROM identity_record ORDER BY national_id LIMIT 1',
    );
    const read = await hub.query(`{ identityRecord(nationalId: "${nationalId}") { enrolledOn } }`, {}, await hub.as(CALLERS.nscSecurity));
    expect(read.data?.identityRecord).not.toBeNull();
    const rows = await hub.subgraphs.governance.db.query<{ consumer: string; withheld: boolean }>(
      `SELECT consumer_code AS consumer, withheld_from_subject AS withheld FROM governance.exchange_log WHERE subject = $1`,
      [nationalId],
    );
    expect(rows).toEqual(expect.arrayContaining([{ consumer: 'NSC', withheld: true }]));
    const { data } = await hub.query('{ me { accessLog { consumer { code } } } }', {}, await hub.as(CALLERS.citizen(nationalId)));
    expect(data?.me.accessLog.map((entry: { consumer: { code: string } }) => entry.consumer.code)).not.toContain('NSC');
  });

  it('is hash-chained: verify passes, and reports the first entry changed afterwards', async () => {
    const db = hub.subgraphs.governance.db;
    expect((await verifyChain(db)).brokenAt).toBeNull();
    const [target] = await db.query<{ seq: number }>('SELECT seq::int FROM governance.exchange_log ORDER BY seq LIMIT 1 OFFSET 1');
    await db.query(`UPDATE governance.exchange_log SET fields = array['Person.somethingElse'] WHERE seq = $1`, [target.seq]);
    expect((await verifyChain(db)).brokenAt).toEqual({ seq: target.seq, reason: expect.stringContaining('changed') });
  });

  it('when the log cannot be written, the data is not released', async () => {
    const db = hub.subgraphs.governance.db;
    await db.query('ALTER TABLE governance.exchange_log ADD CONSTRAINT refuse_all CHECK (false) NOT VALID');
    try {
      const response = await hub.query(PERSON, { id: SOMCHAI }, await hub.as(CALLERS.dopaWelfare));
      expect(response.status).toBe(503);
      expect(response.data).toBeNull();
      expect(JSON.stringify(response)).not.toContain('สมชาย');
      expect(response.errors).toEqual([expect.objectContaining({ extensions: { code: 'EXCHANGE_LOG_UNAVAILABLE' } })]);
    } finally {
      await db.query('ALTER TABLE governance.exchange_log DROP CONSTRAINT refuse_all');
    }
  });
});

/** Agreement and consent changes reach the gateway by NOTIFY within milliseconds; poll briefly for them. */
async function eventually(check: () => Promise<void>, timeoutMs = 3_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
