import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeSupergraph, createLogger, hubDatasets, lintClassification, people, prepareDomainDatabase, provinces } from '@govhub/shared';
import { useTestSubgraph } from '@govhub/shared/dist/testing';
import { disaster } from '../index';

const POPULATION = 3000;
const SURAT_THANI_VICTIM = '8410100555669';

const subgraph = useTestSubgraph(disaster, { people: POPULATION });
const { query, statementsFor } = subgraph;

const ENTITIES = `query ($representations: [_Any!]!) { _entities(representations: $representations) {
  ... on Province { code activeWarnings { id hazard status province { code } } disasterEvents { id provinces { code } }
    disasterProfile { asOf population { total male female victims } responseCapacity { personnel } } }
  ... on Person { nationalId disasterAssistance { kind amountBaht providedOn agency { code } event { id endedAt } } } } }`;

const provinceRefs = (codes: string[]) => codes.map((code) => ({ __typename: 'Province', code }));
const personRefs = (ids: string[]) => ids.map((nationalId) => ({ __typename: 'Person', nationalId }));

describe('disaster subgraph: figures from the seeds', () => {
  it('reports 26 agencies studied, 12 linked and 106 related databases, with the 3-year plan', async () => {
    const { data, errors } = await query('{ disasterDataSummary { agenciesStudied agenciesLinked relatedDatabases asOf plan { year itemsTh } } }');
    expect(errors).toBeUndefined();
    const { plan, ...figures } = data?.disasterDataSummary;
    expect(figures).toEqual({ agenciesStudied: 26, agenciesLinked: 12, relatedDatabases: 106, asOf: '2017-12-01' });
    expect(plan.map((year: { year: number; itemsTh: string[] }) => [year.year, year.itemsTh.length])).toEqual([
      [1, 3],
      [2, 4],
      [3, 4],
    ]);
  });

  it('lists the 7 profile categories in Thai and English; response capacity is for agencies only', async () => {
    const { data } = await query('{ provinceProfileCategories { number code nameTh nameEn classification } }');
    const categories = data?.provinceProfileCategories as { number: number; code: string; nameTh: string; nameEn: string; classification: string }[];
    expect(categories.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(categories[0]).toMatchObject({ code: 'RISK_FACTORS', nameTh: 'ข้อมูลปัจจัยเสี่ยงต่อการเกิดภัย', nameEn: 'Risk factors' });
    expect(categories[6]).toMatchObject({ code: 'RESPONSE_CAPACITY', nameTh: 'ข้อมูลศักยภาพการตอบโต้สาธารณภัย', classification: 'INTERNAL' });
    expect(categories.filter((c) => c.classification === 'PUBLIC')).toHaveLength(6);
  });

  it('holds the draft committee order: 35 seats, the Minister of Interior chairs, DDPM is secretary', async () => {
    const { data } = await query('{ disasterCommittee { draft lead { code } members { seat titleTh role agency { code } } } }');
    const committee = data?.disasterCommittee;
    expect(committee.draft).toBe(true);
    expect(committee.lead).toEqual({ code: 'DDPM' });
    expect(committee.members).toHaveLength(35);
    expect(committee.members[0]).toEqual({ seat: '1.1', titleTh: 'รัฐมนตรีว่าการกระทรวงมหาดไทย', role: 'CHAIR', agency: { code: 'MOI' } });
    expect(committee.members[32]).toMatchObject({ seat: '1.33', role: 'SECRETARY', agency: { code: 'DDPM' } });
    expect(committee.members[18]).toMatchObject({ seat: '1.19', agency: { code: 'HAII' } });
  });

  it('records the HAII deployment to DDPM Region 11 Surat Thani: 25 staff, 31 Oct–10 Nov 2560', async () => {
    const { data, errors } = await query(`{ disasterEvents(provinceCode: "84", hazard: FLOOD) { id endedAt provinces { code }
      deployments { agency { code } staff startedOn endedOn synthetic } } }`);
    expect(errors).toBeUndefined();
    const ongoing = data?.disasterEvents.find((event: { endedAt: string | null }) => event.endedAt === null);
    expect(ongoing.provinces.map((p: { code: string }) => p.code)).toEqual(expect.arrayContaining(['84', '80', '86']));
    expect(ongoing.deployments).toContainEqual({
      agency: { code: 'HAII' },
      staff: 25,
      startedOn: '2017-10-31',
      endedOn: '2017-11-10',
      synthetic: false,
    });
  });
});

describe('disaster subgraph: demo identities', () => {
  it('has an active flood warning in Phayao (56)', async () => {
    const { data, errors } = await query(ENTITIES, { representations: provinceRefs(['56']) });
    expect(errors).toBeUndefined();
    const warnings = data?._entities[0].activeWarnings as { hazard: string; status: string; province: { code: string } }[];
    expect(warnings).toContainEqual(expect.objectContaining({ hazard: 'FLOOD', province: { code: '56' } }));
    for (const warning of warnings) expect(['ISSUED', 'TRACKING']).toContain(warning.status);
    const ended = await query('{ warnings(status: ENDED) { status endedAt } }');
    expect(ended.data?.warnings.length).toBeGreaterThan(0);
    for (const warning of ended.data?.warnings ?? []) expect(warning.endedAt).not.toBeNull();
  });

  it(`gives ${SURAT_THANI_VICTIM} (Surat Thani) assistance as a victim of the ongoing southern floods`, async () => {
    const { data, errors } = await query(ENTITIES, { representations: personRefs([SURAT_THANI_VICTIM]) });
    expect(errors).toBeUndefined();
    const assistance = data?._entities[0].disasterAssistance as { kind: string; amountBaht: number; event: { id: string; endedAt: string | null } }[];
    expect(assistance.length).toBeGreaterThan(0);
    expect(assistance).toContainEqual(expect.objectContaining({ kind: 'CASH', amountBaht: 3000, event: { id: 'EV-2017-08', endedAt: null } }));
    const records = await query(
      `{ disasterVictimRecords(nationalId: "${SURAT_THANI_VICTIM}") { province { code } event { id } assistance { kind } } }`,
    );
    expect(records.data?.disasterVictimRecords).toContainEqual(expect.objectContaining({ province: { code: '84' }, event: { id: 'EV-2017-08' } }));
  });
});

describe('disaster subgraph: synthetic data', () => {
  it("profiles all 77 provinces, counting each province's registered victims", async () => {
    const { data } = await query(ENTITIES, { representations: provinceRefs(provinces().map((p) => p.code)) });
    const profiles = data?._entities as {
      code: string;
      disasterProfile: { population: { total: number; male: number; female: number; victims: number } } | null;
    }[];
    expect(profiles.filter((p) => p.disasterProfile !== null)).toHaveLength(77);
    for (const { disasterProfile } of profiles) {
      expect(disasterProfile!.population.male + disasterProfile!.population.female).toBe(disasterProfile!.population.total);
    }
    const suratThani = profiles.find((p) => p.code === '84')!.disasterProfile!.population;
    const { data: records } = await query(`{ disasterEvents(provinceCode: "84") { victims { province { code } } } }`);
    const registered = records?.disasterEvents
      .flatMap((e: { victims: { province: { code: string } }[] }) => e.victims)
      .filter((v: { province: { code: string } }) => v.province.code === '84');
    expect(suratThani.victims).toBeGreaterThan(0);
    expect(suratThani.victims).toBe(registered.length);
  });

  it("pages an event's victims and counts them all", async () => {
    const { data } = await query(`{ disasterEvent(id: "EV-2017-08") { victimCount
      first: victims(first: 5) { person { nationalId } assistance { kind } }
      next: victims(first: 5, offset: 5) { person { nationalId } }
      all: victims(first: 100) { person { nationalId } } } }`);
    const event = data?.disasterEvent;
    expect(event.victimCount).toBeGreaterThan(10);
    expect(event.all).toHaveLength(Math.min(100, event.victimCount));
    const ids = (victims: { person: { nationalId: string } }[]) => victims.map((v) => v.person.nationalId);
    expect([...ids(event.first), ...ids(event.next)]).toEqual(ids(event.all).slice(0, 10));
    for (const victim of event.first) expect(victim.assistance.length).toBeGreaterThan(0);
  });

  it('stocks relief supplies in every province, fewer where the floods are ongoing', async () => {
    const { data } = await query(`{ suratThani: reliefStock(provinceCode: "84") { id nameTh quantity unit province { code } }
      phayao: reliefStock(provinceCode: "56") { id quantity } page: reliefStock(first: 100, offset: 100) { id } }`);
    expect(data?.suratThani).toHaveLength(7);
    expect(data?.page).toHaveLength(100);
    const bags = (items: { id: string; quantity: number }[]) => items.find((item) => item.id.endsWith('RELIEF-BAG'))!.quantity;
    // Surat Thani has twice Phayao's population, yet its stock is drawn down by the floods
    expect(bags(data?.suratThani)).toBeLessThan(bags(data?.phayao));
  });
});

describe('disaster subgraph: one statement per batch (no N+1)', () => {
  it('resolves 77 provinces with warnings, events and profiles in as many statements as 2 provinces', async () => {
    const two = await statementsFor(ENTITIES, { representations: provinceRefs(['56', '84']) });
    const all = await statementsFor(ENTITIES, { representations: provinceRefs(provinces().map((p) => p.code)) });
    expect(all.response.data?._entities).toHaveLength(77);
    // active warnings + events by province + provinces of those events + profiles
    expect(two.statements).toBe(4);
    expect(all.statements).toBe(two.statements);
  });

  it("resolves many persons' assistance in as many statements as 2 persons", async () => {
    const ids = [...people(POPULATION)].map((person) => person.nationalId);
    const two = await statementsFor(ENTITIES, { representations: personRefs([SURAT_THANI_VICTIM, ids[0]]) });
    const many = await statementsFor(ENTITIES, { representations: personRefs(ids) });
    const helped = (many.response.data?._entities as { disasterAssistance: unknown[] }[]).filter((p) => p.disasterAssistance.length > 0);
    expect(helped.length).toBeGreaterThan(10);
    // assistance by person + the events it belongs to
    expect(two.statements).toBe(2);
    expect(many.statements).toBe(two.statements);
  });

  it('pages victims of many events in one statement per batch', async () => {
    const { statements, response } = await statementsFor(
      '{ disasterEvents { id victims(first: 3) { registeredOn } victimCount deployments { staff } } }',
      {},
    );
    expect(response.data?.disasterEvents.length).toBe(8);
    // events + victims page + victim counts + deployments
    expect(statements).toBe(4);
  });
});

describe('disaster subgraph: bad input', () => {
  const codeOf = (response: { errors?: { extensions?: Record<string, unknown> }[] }) => response.errors?.[0].extensions?.code;

  it('refuses a national ID with a wrong check digit, as an argument or an entity key', async () => {
    expect(codeOf(await query('{ disasterVictimRecords(nationalId: "1101700203451") { registeredOn } }'))).toBe('BAD_USER_INPUT');
    expect(codeOf(await query(ENTITIES, { representations: personRefs(['1101700203451']) }))).toBe('BAD_USER_INPUT');
  });

  it('refuses a malformed province code and out-of-range pages', async () => {
    expect(codeOf(await query('{ warnings(provinceCode: "5") { id } }'))).toBe('BAD_USER_INPUT');
    expect(codeOf(await query('{ disasterEvents(first: 1000) { id } }'))).toBe('BAD_USER_INPUT');
    expect(codeOf(await query('{ reliefStock(offset: -1) { id } }'))).toBe('BAD_USER_INPUT');
    expect(codeOf(await query('{ disasterEvent(id: "EV-2017-08") { victims(first: 0) { registeredOn } } }'))).toBe('BAD_USER_INPUT');
  });
});

describe('disaster subgraph: seeding and composition', () => {
  const TABLES = [
    'disaster_event',
    'event_province',
    'response_deployment',
    'warning',
    'victim',
    'assistance',
    'relief_stock',
    'province_profile',
    'profile_category',
    'data_summary',
    'plan_item',
    'committee_member',
  ];
  const counts = async () =>
    Object.fromEntries(
      await Promise.all(
        TABLES.map(async (table) => {
          const [row] = await subgraph.db.query<{ count: number }>(`SELECT count(*)::int AS count FROM ${table}`);
          return [table, row.count] as const;
        }),
      ),
    );

  it('seeds idempotently: a second run, even with every step forced, changes nothing', async () => {
    const before = await counts();
    expect(before.province_profile).toBe(77);
    const options = { people: POPULATION, logger: createLogger('test') };
    await prepareDomainDatabase(disaster, subgraph.db, options);
    await subgraph.db.query('DELETE FROM seed_state');
    await prepareDomainDatabase(disaster, subgraph.db, options);
    expect(await counts()).toEqual(before);
  });

  it('composes with governance, every field classified and every personal dataset in the catalogue', () => {
    const sdl = readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8');
    const governanceSdl = readFileSync(join(__dirname, '..', '..', 'governance', 'schema.graphql'), 'utf8');
    const { supergraphSdl } = composeSupergraph([
      { name: 'governance', url: 'http://governance.invalid/graphql', sdl: governanceSdl },
      { name: 'disaster', url: 'http://disaster.invalid/graphql', sdl },
    ]);
    expect(supergraphSdl).toContain('activeWarnings');
    expect(lintClassification('disaster', sdl)).toEqual([]);
    const named = [...sdl.matchAll(/dataset: "([^"]+)"/g)].map((match) => match[1]);
    const catalogue = new Set(hubDatasets().map((dataset) => dataset.id));
    expect(named.length).toBeGreaterThan(0);
    for (const dataset of named) expect(catalogue).toContain(dataset);
  });
});
