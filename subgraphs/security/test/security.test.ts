import { useTestSubgraph } from '@govhub/shared/dist/testing';
import { join } from 'node:path';
import { agencies, createLogger, Database, migrate, personAt, prepareDomainDatabase, provinces } from '@govhub/shared';
import { security } from '../index';
import { identityRecordAt, type IdentityRecordSeed } from '../seed/identity';
import { BORDER_PROVINCES, INCIDENT_COUNT, TIP_COUNT } from '../seed/incidents';

const PEOPLE = 3000;

let seedMs: number;
/** What the seed should have enrolled: person i's record, or null. */
let expectedRecords: (IdentityRecordSeed | null)[];

/** Seeds a freshly migrated database, timed; serving it then finds every seed step done. */
async function timedSeed(url: string): Promise<number> {
  const db = new Database({ url, schema: security.name });
  try {
    await migrate(db, join(security.dir, 'migrations'));
    const started = Date.now();
    await security.seed(db, { people: PEOPLE, logger: createLogger('test-security') });
    return Date.now() - started;
  } finally {
    await db.close();
  }
}

const subgraph = useTestSubgraph(security, {
  people: PEOPLE,
  beforeStart: async (url) => {
    seedMs = await timedSeed(url);
  },
});
const { query } = subgraph;

beforeAll(() => {
  expectedRecords = Array.from({ length: PEOPLE }, (_, i) => identityRecordAt(i));
});

/** Runs a request and returns its response with the number of SQL statements it cost. */
async function counted(text: string, variables?: Record<string, unknown>) {
  const { response, statements } = await subgraph.statementsFor(text, variables);
  return { ...response, statements };
}

const ENTITIES = `query($representations: [_Any!]!) { _entities(representations: $representations) {
  ...on Province { code securityIncidents(first: 3) { id province { code } occurredAt } }
  ...on Person { nationalId identityRecord { nationalId biometricRefs enrolledOn owner { code } } } } }`;
const provinceRefs = (codes: string[]) => ({ representations: codes.map((code) => ({ __typename: 'Province', code })) });
const personRefs = (count: number) => ({
  representations: Array.from({ length: count }, (_, i) => ({ __typename: 'Person', nationalId: personAt(i).nationalId })),
});
const agencyCodes = new Set(agencies().map((agency) => agency.code));

describe('security subgraph', () => {
  it('reports the aerial photography as stated, with a planned area both percentages truncate to', async () => {
    const { data, errors } = await query(
      '{ aerialImageryProgress { asOf operator { code } flownKm2 flownPercent orthoKm2 orthoPercent plannedKm2 } }',
    );
    expect(errors).toBeUndefined();
    const progress = data?.aerialImageryProgress;
    expect(progress).toEqual({
      asOf: '2017-11-01',
      operator: { code: 'RTAF' },
      flownKm2: 19626.82,
      flownPercent: 68.2,
      orthoKm2: 4261.5,
      orthoPercent: 14.81,
      plannedKm2: 28774.29,
    });
    expect(Math.floor((progress.flownKm2 * 10000) / progress.plannedKm2) / 100).toBe(progress.flownPercent);
    expect(Math.floor((progress.orthoKm2 * 10000) / progress.plannedKm2) / 100).toBe(progress.orthoPercent);
  });

  it('holds the draft MOU with 27 agencies, the Royal Thai Police still to comment', async () => {
    const { data, errors, statements } = await counted(`{ securityAgreement { id status partyCount asOf convener { code } parties { code }
      partyDetails { agency { code } commentReceived synthetic } awaitingCommentFrom { code } } }`);
    expect(errors).toBeUndefined();
    // the agreement, then its parties once for the three fields that list them
    expect(statements).toBe(2);
    const agreement = data?.securityAgreement;
    expect(agreement).toMatchObject({ status: 'DRAFT', partyCount: 27, asOf: '2017-12-01', convener: { code: 'NSC' } });
    const parties = (agreement.parties as { code: string }[]).map((party) => party.code);
    expect(parties).toHaveLength(27);
    expect(new Set(parties).size).toBe(27);
    expect(parties).not.toContain('NSC');
    for (const code of parties) expect(agencyCodes.has(code)).toBe(true);
    expect(agreement.awaitingCommentFrom).toEqual([{ code: 'RTP' }]);
    const named = (agreement.partyDetails as { agency: { code: string }; synthetic: boolean }[]).filter((party) => !party.synthetic);
    expect(named.map((party) => party.agency.code)).toEqual(['RTP']);
  });

  it('lists the fiscal 2561 cuts: 70 ISOC posts, Air Force -20% (about 74 people), aircraft 2 -> 1', async () => {
    const { data, errors } = await query(
      '{ resourceCuts { agency { code } kind reduction reductionPercent approximate before after effectiveFrom } }',
    );
    expect(errors).toBeUndefined();
    expect(data?.resourceCuts).toEqual([
      {
        agency: { code: 'ISOC-R4F' },
        kind: 'STAFF_POSTS',
        reduction: 70,
        reductionPercent: null,
        approximate: false,
        before: null,
        after: null,
        effectiveFrom: '2017-10-01',
      },
      {
        agency: { code: 'RTAF' },
        kind: 'PERSONNEL',
        reduction: 74,
        reductionPercent: 20,
        approximate: true,
        before: null,
        after: null,
        effectiveFrom: '2017-10-01',
      },
      {
        agency: { code: 'RTAF' },
        kind: 'AIRCRAFT',
        reduction: 1,
        reductionPercent: null,
        approximate: false,
        before: 2,
        after: 1,
        effectiveFrom: '2017-10-01',
      },
    ]);
  });

  it('catalogues the security databases the seeds name, with grades, sharing modes and legal conditions', async () => {
    const { data, errors } = await query(
      '{ securityDatabaseCatalog { id owner { code } secrecyLevel sharingMode legalAccessCondition source synthetic } }',
    );
    expect(errors).toBeUndefined();
    const entries = data?.securityDatabaseCatalog as {
      id: string;
      owner: { code: string };
      sharingMode: string;
      legalAccessCondition: string | null;
      source: string | null;
      synthetic: boolean;
    }[];
    for (const entry of entries) expect(agencyCodes.has(entry.owner.code)).toBe(true);
    expect(entries.filter((entry) => entry.source).map((entry) => entry.id)).toEqual(
      expect.arrayContaining(['isoc-r4f.sbp-central', 'isoc-r4f.smic', 'isoc-r4f.ida', 'rtaf.sbp-aerial-imagery', 'nsc.national-identity']),
    );
    expect(new Set(entries.map((entry) => entry.sharingMode))).toEqual(new Set(['NEED_TO_KNOW', 'NEED_TO_SHARE']));
    expect(entries.some((entry) => entry.legalAccessCondition)).toBe(true);
    expect(entries.every((entry) => entry.synthetic)).toBe(true);
  });

  it('has incidents only in Pattani, Yala, Narathiwat and part of Songkhla, newest first, in one statement', async () => {
    const seen: { id: string; province: { code: string }; occurredAt: string; synthetic: boolean }[] = [];
    for (let offset = 0; ; offset += 100) {
      const { data, errors, statements } = await counted(
        'query($offset: Int) { securityIncidents(first: 100, offset: $offset) { id province { code } reportedBy { code } occurredAt synthetic } }',
        { offset },
      );
      expect(errors).toBeUndefined();
      expect(statements).toBe(1);
      if (data?.securityIncidents.length === 0) break;
      seen.push(...data?.securityIncidents);
    }
    expect(seen).toHaveLength(INCIDENT_COUNT);
    expect(new Set(seen.map((incident) => incident.province.code))).toEqual(new Set(['90', '94', '95', '96']));
    expect(seen.every((incident) => incident.synthetic && incident.occurredAt < '2017-12-01')).toBe(true);
    const times = seen.map((incident) => Date.parse(incident.occurredAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const bangkok = await query('{ securityIncidents(provinceCode: "10") { id } }');
    expect(bangkok.data?.securityIncidents).toEqual([]);
  });

  it('filters incidents by category and pages a province the same way at the root and on Province', async () => {
    const bombings = await query('{ securityIncidents(category: BOMBING, first: 100) { category } }');
    expect(bombings.data?.securityIncidents.length).toBeGreaterThan(0);
    expect(bombings.data?.securityIncidents.every((incident: { category: string }) => incident.category === 'BOMBING')).toBe(true);
    const root = await query('{ securityIncidents(provinceCode: "94", first: 10) { id } }');
    const page = await query(ENTITIES.replace('first: 3', 'first: 5, offset: 5'), provinceRefs(['94']));
    expect(page.data?._entities[0].securityIncidents.map((incident: { id: string }) => incident.id)).toEqual(
      root.data?.securityIncidents.slice(5).map((incident: { id: string }) => incident.id),
    );
  });

  it('resolves all 77 provinces in the same statements as 2, and only border provinces have incidents', async () => {
    const all = provinces().map((province) => province.code);
    const few = await counted(ENTITIES, provinceRefs(['94', '10']));
    const many = await counted(ENTITIES, provinceRefs(all));
    expect(many.errors).toBeUndefined();
    expect(few.statements).toBe(1);
    expect(many.statements).toBe(few.statements);
    const withIncidents = (many.data?._entities as { code: string; securityIncidents: unknown[] }[])
      .filter((province) => province.securityIncidents.length > 0)
      .map((province) => province.code);
    expect(withIncidents.sort()).toEqual([...BORDER_PROVINCES].sort());
  });

  it('resolves many persons in the same statements as 2, with identity records exactly for the enrolled', async () => {
    const few = await counted(ENTITIES, personRefs(2));
    const many = await counted(ENTITIES, personRefs(PEOPLE));
    expect(many.errors).toBeUndefined();
    expect(few.statements).toBe(1);
    expect(many.statements).toBe(few.statements);
    const persons = many.data?._entities as {
      nationalId: string;
      identityRecord: { nationalId: string; biometricRefs: string[]; owner: { code: string } } | null;
    }[];
    const enrolled = persons.filter((person) => person.identityRecord !== null);
    expect(enrolled.length).toBe(expectedRecords.filter(Boolean).length);
    expect(enrolled.length).toBeGreaterThan(PEOPLE / 20);
    expect(enrolled.length).toBeLessThan(PEOPLE / 5);
    expect(persons.map((person) => person.identityRecord?.biometricRefs ?? null)).toEqual(
      expectedRecords.map((record) => record?.biometricRefs ?? null),
    );
    for (const person of enrolled) {
      expect(person.identityRecord).toMatchObject({ nationalId: person.nationalId, owner: { code: 'NSC' } });
    }
  });

  it('looks up an identity record by national ID', async () => {
    const index = expectedRecords.findIndex((record) => record !== null);
    const { data, errors } = await query('query($id: ID!) { identityRecord(nationalId: $id) { nationalId enrolledOn synthetic } }', {
      id: personAt(index).nationalId,
    });
    expect(errors).toBeUndefined();
    expect(data?.identityRecord).toEqual({ nationalId: personAt(index).nationalId, enrolledOn: expectedRecords[index]?.enrolledOn, synthetic: true });
  });

  it('keeps a few tips from the border provinces, newest first, none through the website before its trial', async () => {
    const { data, errors } = await query(
      '{ citizenTips(first: 100) { id receivedAt province { code } channel summary status owner { code } synthetic } }',
    );
    expect(errors).toBeUndefined();
    const tips = data?.citizenTips as { receivedAt: string; province: { code: string }; channel: string; owner: { code: string } }[];
    expect(tips).toHaveLength(TIP_COUNT);
    for (const tip of tips) {
      expect(BORDER_PROVINCES).toContain(tip.province.code);
      expect(tip.channel).not.toBe('WEBSITE');
      expect(tip.receivedAt < '2017-12-01').toBe(true);
      expect(tip.owner.code).toBe('ISOC-R4F');
    }
    const times = tips.map((tip) => Date.parse(tip.receivedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it.each([
    ['a wrong check digit', '{ identityRecord(nationalId: "1101700203451") { nationalId } }'],
    ['a national ID that is not 13 digits', '{ identityRecord(nationalId: "12345") { nationalId } }'],
    ['a province code that is not two digits', '{ securityIncidents(provinceCode: "Pattani") { id } }'],
    ['a page larger than 100', '{ securityIncidents(first: 1000) { id } }'],
    ['a negative offset', '{ citizenTips(offset: -1) { id } }'],
  ])('refuses %s with BAD_USER_INPUT', async (_, text) => {
    const { status, errors } = await query(text);
    expect(status).toBeLessThan(500);
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses bad entity keys and page sizes in _entities with BAD_USER_INPUT', async () => {
    const person = await query(ENTITIES, { representations: [{ __typename: 'Person', nationalId: '1101700203451' }] });
    expect(person.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const province = await query(ENTITIES.replace('first: 3', 'first: 0'), provinceRefs(['94']));
    expect(province.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('seeds 3,000 people in under 2 seconds (about 0.1 s in plain node; jest and a busy machine slow it)', () => {
    expect(seedMs).toBeLessThan(2000);
  });

  it('seeds idempotently: a second run, even one that redoes every step, changes nothing', async () => {
    // every table of the domain: its row count and a hash of its rows in a fixed order
    const fingerprint = async () => {
      const tables = await subgraph.db.query<{ name: string }>(
        `SELECT table_name AS name FROM information_schema.tables
          WHERE table_schema = $1 AND table_name NOT IN ('seed_state', 'schema_migrations') ORDER BY table_name`,
        [security.name],
      );
      return Promise.all(
        tables.map(async ({ name }) => ({
          name,
          ...(await subgraph.db.query(`SELECT count(*)::int AS rows, md5(string_agg(t::text, '|' ORDER BY t::text)) AS hash FROM "${name}" t`))[0],
        })),
      );
    };
    const before = await fingerprint();
    expect(before.length).toBeGreaterThanOrEqual(8);
    const options = { people: PEOPLE, logger: createLogger('test') };
    await prepareDomainDatabase(security, subgraph.db, options);
    expect(await fingerprint()).toEqual(before);
    await subgraph.db.query('DELETE FROM seed_state');
    await prepareDomainDatabase(security, subgraph.db, options);
    expect(await fingerprint()).toEqual(before);
  });
});
