import { CALLERS, startTestHub, type TestHub } from './support/hub';
import { askAudited, deniedPaths, entriesOf } from './support/audited';

/**
 * The trust model attacked as a consenting citizen's neighbour, an agency stretching one consent or one agreement,
 * and a caller walking lists of people would: every decision holds per subject and per field, and every release
 * is logged for the person it is about (and only releases are).
 */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
}, 120_000);
afterAll(() => hub?.stop());

const SOMCHAI = '1101700203450';
const BUAKHAM = '5601200333441';
const TAT = { ...CALLERS.tatNoAgreement, purpose: 'TOURISM_LICENSING' };

async function consent(citizen: string, agency: string, purpose: string, datasets: string[]): Promise<void> {
  const answer = await askAudited(
    hub,
    'mutation ($a: ID!, $p: ID!, $d: [ID!]!) { grantConsent(agencyCode: $a, purpose: $p, datasets: $d) { id } }',
    { a: agency, p: purpose, d: datasets },
    await hub.as(CALLERS.citizen(citizen)),
  );
  expect(answer.errors).toBeUndefined();
  // consent reaches the gateway by NOTIFY; give it a moment
  await new Promise((resolve) => setTimeout(resolve, 300));
}

/** A citizen who shares a house registration with others, and those others. */
async function householdOf(): Promise<{ citizen: string; others: string[] }> {
  const [house] = await hub.subgraphs.citizen.db.query<{ ids: string[] }>(
    'SELECT array_agg(national_id ORDER BY person_index) AS ids FROM person GROUP BY house_id HAVING count(*) >= 3 ORDER BY house_id LIMIT 1',
  );
  return { citizen: house.ids[0], others: house.ids.slice(1) };
}

/** The event with the most victims (at least two), and its victims in registration order. */
async function eventWithVictims(): Promise<{ event: { id: string }; victims: { nationalId: string }[] }> {
  const [event] = await hub.subgraphs.disaster.db.query<{ id: string }>(
    'SELECT event_id AS id FROM victim GROUP BY event_id HAVING count(*) >= 2 ORDER BY count(*) DESC, event_id LIMIT 1',
  );
  const victims = await hub.subgraphs.disaster.db.query<{ nationalId: string }>(
    'SELECT national_id AS "nationalId" FROM victim WHERE event_id = $1 ORDER BY id',
    [event.id],
  );
  return { event, victims };
}

async function revokeAll(citizen: string, agency: string, purpose: string): Promise<void> {
  await askAudited(
    hub,
    'mutation ($a: ID!, $p: ID!) { revokeConsent(agencyCode: $a, purpose: $p) { id } }',
    { a: agency, p: purpose },
    await hub.as(CALLERS.citizen(citizen)),
  );
  await new Promise((resolve) => setTimeout(resolve, 300));
}

describe("one citizen's consent is never another's", () => {
  afterAll(() => revokeAll(BUAKHAM, 'TAT', 'TOURISM_LICENSING'));

  it('releases the consenting citizen to the agency, and nobody else', async () => {
    await consent(BUAKHAM, 'TAT', 'TOURISM_LICENSING', ['dopa.civil-registry']);
    const tat = await hub.as(TAT);
    const other = await askAudited(hub, 'query ($id: ID!) { person(nationalId: $id) { firstNameTh lastNameTh } }', { id: SOMCHAI }, tat);
    expect(other.data?.person).toBeNull();
    expect(JSON.stringify(other)).not.toContain('สมชาย');
    expect(deniedPaths(other).length).toBeGreaterThan(0);
    expect(await entriesOf(hub, other.requestId)).toEqual([]);

    const own = await askAudited(hub, 'query ($id: ID!) { person(nationalId: $id) { firstNameTh } }', { id: BUAKHAM }, tat);
    expect(own.data?.person).toEqual({ firstNameTh: 'บัวคำ' });
    expect(await entriesOf(hub, own.requestId)).toEqual([
      expect.objectContaining({ subject: BUAKHAM, dataset: 'dopa.civil-registry', basis: 'consent', agreementId: null }),
    ]);
  });

  it("does not carry the other members of the consenting citizen's house", async () => {
    const { citizen, others } = await householdOf();
    await consent(citizen, 'TAT', 'TOURISM_LICENSING', ['dopa.civil-registry', 'dopa.house-registration']);
    try {
      const answer = await askAudited(
        hub,
        'query ($id: ID!) { person(nationalId: $id) { firstNameTh house { members { nationalId firstNameTh } } } }',
        { id: citizen },
        await hub.as(TAT),
      );
      expect(answer.data?.person.firstNameTh).toEqual(expect.any(String));
      const text = JSON.stringify(answer.data);
      for (const other of others) expect(text).not.toContain(other);
      expect(deniedPaths(answer).length).toBeGreaterThan(0);
      const subjects = new Set((await entriesOf(hub, answer.requestId)).map((entry) => entry.subject));
      expect([...subjects]).toEqual([citizen]);
    } finally {
      await revokeAll(citizen, 'TAT', 'TOURISM_LICENSING');
    }
  });
});

describe("an agreement's field list is not widened by consent", () => {
  afterAll(() => revokeAll(SOMCHAI, 'DOPA', 'WELFARE_ELIGIBILITY'));

  it('a sensitive field the agreement leaves out is read only about the citizen who consented to it', async () => {
    await consent(SOMCHAI, 'DOPA', 'WELFARE_ELIGIBILITY', ['nhso.health-coverage']);
    const dopa = await hub.as(CALLERS.dopaWelfare);
    const query = 'query ($id: ID!) { person(nationalId: $id) { firstNameTh healthCoverage { scheme mainHospital } } }';

    const other = await askAudited(hub, query, { id: BUAKHAM }, dopa);
    expect(other.data?.person).toEqual({ firstNameTh: 'บัวคำ', healthCoverage: null });
    expect(deniedPaths(other)).toEqual([['person', 'healthCoverage', 'mainHospital']]);
    expect((await entriesOf(hub, other.requestId)).map((entry) => entry.dataset)).toEqual(['dopa.civil-registry']);

    const consenting = await askAudited(hub, query, { id: SOMCHAI }, dopa);
    expect(consenting.errors).toBeUndefined();
    expect(consenting.data?.person.healthCoverage).toEqual({ scheme: expect.any(String), mainHospital: expect.any(String) });
    const health = (await entriesOf(hub, consenting.requestId)).filter((entry) => entry.dataset === 'nhso.health-coverage');
    expect(health).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          subject: SOMCHAI,
          basis: 'agreement',
          agreementId: 'HUB-0003',
          fields: ['HealthCoverage.scheme', 'Person.healthCoverage'],
        }),
        expect.objectContaining({ subject: SOMCHAI, basis: 'consent', agreementId: null, fields: ['HealthCoverage.mainHospital'] }),
      ]),
    );
    expect(health).toHaveLength(2);
  });
});

describe('lists of people are judged and logged person by person', () => {
  it('disaster victims at a root list: one entry per victim, each seen by that victim', async () => {
    const { event, victims: all } = await eventWithVictims();
    const victims = all.slice(0, 5);
    const answer = await askAudited(
      hub,
      'query ($id: ID!) { disasterEvent(id: $id) { victims(first: 5) { registeredOn assistance { kind } } } }',
      { id: event.id },
      await hub.as(CALLERS.dopaWelfare),
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.disasterEvent.victims).toHaveLength(victims.length);
    const entries = (await entriesOf(hub, answer.requestId)).filter((entry) => entry.dataset === 'ddpm.disaster-victims');
    expect(entries.map((entry) => entry.subject).sort()).toEqual(victims.map((victim) => victim.nationalId).sort());
    expect(entries.every((entry) => entry.basis === 'agreement' && entry.agreementId === 'HUB-0006' && entry.subjectRef === null)).toBe(true);

    const log = await askAudited(
      hub,
      '{ me { accessLog { consumer { code } dataset { id } } } }',
      {},
      await hub.as(CALLERS.citizen(victims[0].nationalId)),
    );
    expect(log.data?.me.accessLog).toEqual(expect.arrayContaining([{ consumer: { code: 'DOPA' }, dataset: { id: 'ddpm.disaster-victims' } }]));
  });

  it("one victim's consent releases that victim of the list only", async () => {
    const { event, victims } = await eventWithVictims();
    const consenting = victims[0].nationalId;
    await consent(consenting, 'TAT', 'TOURISM_LICENSING', ['ddpm.disaster-victims']);
    try {
      const answer = await askAudited(
        hub,
        'query ($id: ID!) { disasterEvent(id: $id) { victims(first: 100) { registeredOn } } }',
        { id: event.id },
        await hub.as(TAT),
      );
      // a denied victim is a non-null item: the list, then the event, become null; nothing of the others leaks
      const entries = await entriesOf(hub, answer.requestId);
      expect(entries.every((entry) => entry.subject === consenting)).toBe(true);
      expect(deniedPaths(answer)).toEqual([['disasterEvent', 'victims', expect.any(Number)]]);
      const released = JSON.stringify(answer.data);
      expect(answer.data?.disasterEvent ?? null).toBeNull();
      expect(released).not.toContain('registeredOn');
    } finally {
      await revokeAll(consenting, 'TAT', 'TOURISM_LICENSING');
    }
  });

  it('a citizen reads their own key, never the national IDs of the other people in their house', async () => {
    const { citizen, others } = await householdOf();
    const answer = await askAudited(hub, '{ me { nationalId house { members { nationalId } } } }', {}, await hub.as(CALLERS.citizen(citizen)));
    expect(answer.data?.me.nationalId).toBe(citizen);
    const text = JSON.stringify(answer.data);
    for (const other of others) expect(text).not.toContain(other);
    expect(deniedPaths(answer)).toEqual([['me', 'house', 'members', expect.any(Number)]]);
    expect(new Set((await entriesOf(hub, answer.requestId)).map((entry) => entry.subject))).toEqual(new Set([citizen]));
  });

  it('business directors are released per director: under an agreement each is logged for themself', async () => {
    const [business] = await hub.subgraphs.business.db.query<{ juristicId: string }>(
      'SELECT juristic_id AS "juristicId" FROM director GROUP BY juristic_id HAVING count(*) >= 2 ORDER BY juristic_id LIMIT 1',
    );
    const directors = await hub.subgraphs.business.db.query<{ nationalId: string }>(
      'SELECT national_id AS "nationalId" FROM director WHERE juristic_id = $1',
      [business.juristicId],
    );
    const answer = await askAudited(
      hub,
      'query ($id: ID!) { business(juristicId: $id) { nameTh directors { nationalId } } }',
      { id: business.juristicId },
      await hub.as(CALLERS.dopaWelfare),
    );
    expect(answer.errors).toBeUndefined();
    const entries = (await entriesOf(hub, answer.requestId)).filter((entry) => entry.dataset === 'dbd.juristic-persons');
    expect(entries.map((entry) => entry.subject).sort()).toEqual(directors.map((director) => director.nationalId).sort());

    const citizen = await askAudited(
      hub,
      'query ($id: ID!) { business(juristicId: $id) { nameTh directors { nationalId } } }',
      { id: business.juristicId },
      await hub.as(CALLERS.citizen(SOMCHAI)),
    );
    const notSomchai = directors.filter((director) => director.nationalId !== SOMCHAI);
    for (const director of notSomchai) expect(JSON.stringify(citizen.data)).not.toContain(director.nationalId);
    expect((await entriesOf(hub, citizen.requestId)).every((entry) => entry.subject === SOMCHAI)).toBe(true);
  });

  it('a record whose subject the hub cannot name is not released, even under an agreement', async () => {
    const [{ houseId }] = await hub.subgraphs.citizen.db.query<{ houseId: string }>(
      'SELECT house_id AS "houseId" FROM person WHERE national_id = $1',
      [SOMCHAI],
    );
    const answer = await askAudited(
      hub,
      'query ($id: ID!) { house(houseId: $id) { houseId address { houseNo } } }',
      { id: houseId },
      await hub.as(CALLERS.dopaWelfare),
    );
    expect(answer.data?.house ?? null).toBeNull();
    expect(deniedPaths(answer).length).toBeGreaterThan(0);
    expect(await entriesOf(hub, answer.requestId)).toEqual([]);
  });
});

describe('SECRET by agreement and purpose', () => {
  const incidents = '{ securityIncidents(first: 2) { id category } }';
  const tips = '{ citizenTips(first: 2) { id summary } }';

  it("a party reads the datasets its security agreement names, for the agreement's purpose only", async () => {
    const isoc = { agency: 'ISOC', sub: 'isoc-officer', purpose: 'NATIONAL_SECURITY', scope: ['agency', 'security:need-to-know'] };
    const read = await askAudited(hub, incidents, {}, await hub.as(isoc));
    expect(read.errors).toBeUndefined();
    expect(read.data?.securityIncidents.length).toBeGreaterThan(0);
    expect((await entriesOf(hub, read.requestId))[0]).toEqual(
      expect.objectContaining({ dataset: 'nsc.security-incidents', basis: 'clearance', agreementId: 'HUB-0007' }),
    );

    expect((await askAudited(hub, tips, {}, await hub.as(isoc))).data).toBeNull();
    expect((await askAudited(hub, incidents, {}, await hub.as({ ...isoc, purpose: 'WELFARE_ELIGIBILITY' }))).data).toBeNull();
  });

  it('need-to-know without an agreement reads nothing SECRET', async () => {
    const cleared = { ...CALLERS.dopaWelfare, scope: ['agency', 'personal:read', 'security:need-to-know'], purpose: 'NATIONAL_SECURITY' };
    for (const query of [incidents, tips]) {
      const answer = await askAudited(hub, query, {}, await hub.as(cleared));
      expect(answer.data).toBeNull();
      expect(deniedPaths(answer)).toHaveLength(1);
    }
  });
});

describe("the hub's own response keys are not a client's to choose", () => {
  // The release guard reads each record's subject, and the answer's post-processing its type and arguments, under keys
  // the hub adds itself: a client alias of the same name would stand in for them.
  it.each(['__govhub_subject', '__govhub_typename', '__govhub_args_firstNameTh', '__GOVHUB_subject'])(
    'an alias %s is refused before any subgraph is asked',
    async (alias) => {
      const before = hub.statementCount();
      const answer = await askAudited(
        hub,
        `query ($id: ID!) { person(nationalId: $id) { firstNameTh ${alias}: lastNameTh } }`,
        { id: SOMCHAI },
        await hub.as(TAT),
      );
      expect(answer.data).toBeUndefined();
      expect(answer.errors).toEqual([
        expect.objectContaining({
          message: expect.stringContaining('reserved'),
          extensions: expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED' }),
        }),
      ]);
      expect(hub.statementCount()).toBe(before);
      expect(await entriesOf(hub, answer.requestId)).toEqual([]);
    },
  );
});
