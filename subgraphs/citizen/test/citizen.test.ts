import { useTestSubgraph } from '@govhub/shared/dist/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse } from 'graphql';
import { composeSupergraph, createLogger, fieldClassification, hubDatasets, personAt, prepareDomainDatabase, provinces } from '@govhub/shared';
import { citizen } from '../index';
import { TABLES } from '../seed/records';

const subgraph = useTestSubgraph(citizen);
const { query } = subgraph;

const sdl = (domain: string) => readFileSync(join(__dirname, '..', '..', domain, 'schema.graphql'), 'utf8');

/** `_entities` representations of people 0..count-1 of the shared synthetic population. */
const personRepresentations = (count: number) =>
  Array.from({ length: count }, (_, index) => ({ __typename: 'Person', nationalId: personAt(index).nationalId }));

/** Statements the subgraph issues while answering one request. */
const statementsFor = async (text: string, variables?: Record<string, unknown>) => (await subgraph.statementsFor(text, variables)).statements;

describe('citizen subgraph: the committee figures of 1 Dec 2560', () => {
  it('reports the KPIs as stated, percentages truncated', async () => {
    const { data, errors } = await query(`{ citizenServiceSummary {
      asOf registryLinks { done target percent } linkageDatabases { done target percent } linkageDatabasesListed
      singleIdCardProcesses { done target percent } documentTypesReady { done target percent } documentsCollected
      documentRequests documentOwnerMinistries documentOwnerAgencies cardReadersDelivered cardReaderAgencies
      cardReaderAgenciesPending } }`);
    expect(errors).toBeUndefined();
    expect(data?.citizenServiceSummary).toEqual({
      asOf: '2017-12-01',
      registryLinks: { done: 145, target: 148, percent: 97.97 },
      linkageDatabases: { done: 72, target: 81, percent: 88.88 },
      linkageDatabasesListed: 71,
      singleIdCardProcesses: { done: 34, target: 47, percent: 72.34 },
      documentTypesReady: { done: 23, target: 116, percent: 19.82 },
      documentsCollected: 1525,
      documentRequests: 465,
      documentOwnerMinistries: 16,
      documentOwnerAgencies: 9,
      cardReadersDelivered: 214_756,
      cardReaderAgencies: 75,
      cardReaderAgenciesPending: 4,
    });
  });

  it('holds the 71 rows of the Linkage Center list, no. 60 missing', async () => {
    const { data } = await query('{ linkageDatabases { no nameTh provider { code } dataset { id } } }');
    const rows = data?.linkageDatabases as { no: number; nameTh: string; provider: { code: string }; dataset: { id: string } | null }[];
    expect(rows).toHaveLength(71);
    expect(rows.map((row) => row.no)).not.toContain(60);
    expect(rows.filter((row) => row.provider.code === 'DOPA')).toHaveLength(40);
    expect(rows.find((row) => row.no === 53)).toMatchObject({ provider: { code: 'NHSO' }, dataset: { id: 'nhso.health-coverage' } });
    expect(rows.find((row) => row.no === 72)?.provider.code).toBe('NSF');
  });

  it('lists 116 document types, 23 ready, 465 requests, led by the ID card', async () => {
    const { data } = await query('{ documentTypes { no nameTh requestingAgencyCount readiness issuer { code } ownerMinistry { code } } }');
    const documents = data?.documentTypes as { no: number; nameTh: string; requestingAgencyCount: number; readiness: string }[];
    expect(documents).toHaveLength(116);
    expect(documents.filter((d) => d.readiness === 'READY')).toHaveLength(23);
    expect(documents.reduce((sum, d) => sum + d.requestingAgencyCount, 0)).toBe(465);
    const top = [...documents].sort((a, b) => b.requestingAgencyCount - a.requestingAgencyCount || a.no - b.no).slice(0, 5);
    expect(top.map((d) => [d.nameTh, d.requestingAgencyCount])).toEqual([
      ['บัตรประจำตัวประชาชน', 28],
      ['ทะเบียนบ้าน', 24],
      ['ใบสำคัญการเปลี่ยนชื่อตัว', 21],
      ['ทะเบียนสมรส', 19],
      ['ใบสำคัญการเปลี่ยนชื่อสกุล', 19],
    ]);
    expect(documents.find((d) => d.no === 58)).toMatchObject({ nameTh: 'หนังสือรับรองนิติบุคคล', requestingAgencyCount: 19 });
    const ready = await query('{ documentTypes(ready: true) { no } }');
    expect(ready.data?.documentTypes).toHaveLength(23);
  });

  it('has 34 of 47 processes on the ID card alone, each with the documents it needs', async () => {
    const { data } = await query('{ governmentServices { no singleIdCard synthetic agency { code } requiredDocuments { no } } }');
    const services = data?.governmentServices as { no: number; singleIdCard: boolean; synthetic: boolean; agency: { code: string } }[];
    expect(services).toHaveLength(47);
    expect(services.filter((s) => s.singleIdCard)).toHaveLength(34);
    expect(services.filter((s) => s.singleIdCard).every((s) => !s.synthetic)).toBe(true);
    expect(services.find((s) => s.no === 8)?.agency.code).toBe('DBD');
    const single = await query('{ governmentServices(singleIdCardOnly: true) { no requiredDocuments { no nameTh } } }');
    expect(single.data?.governmentServices).toHaveLength(34);
    const marriage = single.data?.governmentServices.find((s: { no: number }) => s.no === 27);
    expect(marriage.requiredDocuments.map((d: { no: number }) => d.no)).toEqual([1, 2]);
  });

  it('lists the services with their documents in a fixed number of statements', async () => {
    // services + documents of all services: two statements, not one per service
    expect(await statementsFor('{ governmentServices { code requiredDocuments { code issuer { code } } } }')).toBe(2);
  });
});

describe('citizen subgraph: persons', () => {
  it('finds the Bangkok demo identity with address, house and low-income registration', async () => {
    const { data, errors } = await query(`{ person(nationalId: "1101700203450") {
      nationalId firstNameTh lastNameTh dateOfBirth sex registrationCategory
      address { houseId districtTh province { code } }
      house { houseId houseMaster { nationalId } members { nationalId } }
      civilEvents { type registeredOn }
      lowIncomeRegistration { status registeredOn annualIncomeBaht welfareCardBalanceBaht }
      healthCoverage { scheme mainHospital } } }`);
    expect(errors).toBeUndefined();
    expect(data?.person).toMatchObject({
      nationalId: '1101700203450',
      firstNameTh: 'สมชาย',
      lastNameTh: 'รักไทย',
      dateOfBirth: '1985-04-12',
      sex: 'MALE',
      registrationCategory: 'THAI',
      address: { houseId: '10000000000', province: { code: '10' } },
      house: { houseId: '10000000000', houseMaster: { nationalId: '1101700203450' }, members: [{ nationalId: '1101700203450' }] },
      lowIncomeRegistration: { status: 'ELIGIBLE', registeredOn: '2017-04-20', annualIncomeBaht: 28000, welfareCardBalanceBaht: 186.5 },
      healthCoverage: { scheme: 'UCS' },
    });
    expect(data?.person.address.districtTh).toMatch(/^เขต/);
    expect(data?.person.civilEvents[0]).toMatchObject({ type: 'BIRTH' });
    expect(data?.person.civilEvents[0].registeredOn >= '1985-04-12').toBe(true);
  });

  it('finds the Phayao demo identity as a rice farmer', async () => {
    const { data } = await query(`{ person(nationalId: "5601200333441") {
      address { province { code } } farmer { totalAreaRai plots { crop areaRai province { code } } } } }`);
    expect(data?.person).toEqual({
      address: { province: { code: '56' } },
      farmer: {
        totalAreaRai: 18.5,
        plots: [
          { crop: 'RICE', areaRai: 12.5, province: { code: '56' } },
          { crop: 'RICE', areaRai: 6, province: { code: '56' } },
        ],
      },
    });
  });

  it('finds the Surat Thani demo identity', async () => {
    const { data } = await query('{ person(nationalId: "8410100555669") { address { province { code } } healthCoverage { scheme } } }');
    expect(data?.person).toEqual({ address: { province: { code: '84' } }, healthCoverage: { scheme: 'UCS' } });
  });

  it('refuses a national ID with a wrong check digit or format as BAD_USER_INPUT', async () => {
    for (const nationalId of ['1101700203451', '110170020345', 'abc']) {
      const { status, data, errors } = await query('query($id: ID!) { person(nationalId: $id) { nationalId } }', { id: nationalId });
      expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(status).toBeLessThan(500);
      expect(data?.person ?? null).toBeNull();
    }
    const house = await query('{ house(houseId: "12") { houseId } }');
    expect(house.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('answers null for a valid national ID that is not registered', async () => {
    const { data, errors } = await query('{ person(nationalId: "1234567890121") { nationalId } }');
    expect(errors).toBeUndefined();
    expect(data?.person).toBeNull();
  });

  it('resolves a house with its master and members in order', async () => {
    // household 3 holds people 3, 4 and 5; person 3 is its house master
    const { data } = await query(`{ p3: person(nationalId: "${personAt(3).nationalId}") { house { houseId } } }`);
    const houseId = data?.p3.house.houseId as string;
    const house = await query(
      'query($id: ID!) { house(houseId: $id) { houseId houseMaster { nationalId } members { nationalId } address { houseNo } } }',
      { id: houseId },
    );
    const members = [3, 4, 5].map((index) => personAt(index).nationalId);
    expect(house.data?.house).toMatchObject({
      houseId,
      houseMaster: { nationalId: members[0] },
      members: members.map((nationalId) => ({ nationalId })),
    });
  });
});

describe('citizen subgraph: federation', () => {
  it('resolves 100 persons with address, house and low-income fields in as many statements as 2 persons', async () => {
    const entities = `query($representations: [_Any!]!) { _entities(representations: $representations) {
      ... on Person { nationalId address { houseId province { code } } house { members { nationalId } }
        lowIncomeRegistration { status } } } }`;
    const many = personRepresentations(100);
    const { data } = await query(entities, { representations: many });
    expect(data?._entities).toHaveLength(100);
    expect(data?._entities.map((p: { nationalId: string }) => p.nationalId)).toEqual(many.map((r) => r.nationalId));
    expect(data?._entities.filter((p: { lowIncomeRegistration: unknown }) => p.lowIncomeRegistration).length).toBeGreaterThan(0);
    const forMany = await statementsFor(entities, { representations: many });
    const forTwo = await statementsFor(entities, { representations: personRepresentations(2) });
    // persons, houses, members, low-income: four statements however many persons
    expect(forMany).toBe(4);
    expect(forTwo).toBe(forMany);
  });

  it('resolves every provider extension of 300 persons in one statement per relation', async () => {
    const entities = `query($representations: [_Any!]!) { _entities(representations: $representations) {
      ... on Person { titleTh civilEvents { type } lowIncomeRegistration { status } healthCoverage { scheme }
        socialSecurity { employerName } farmer { plots { crop province { code } } } studentRecords { level }
        diabetes { controlled } hypertension { controlled } disability { type } elderly { monthlyAllowanceBaht }
        probation { caseNo } incarceration { status } } } }`;
    const { data } = await query(entities, { representations: personRepresentations(300) });
    const persons = data?._entities as Record<string, unknown>[];
    const extensions = ['socialSecurity', 'farmer', 'diabetes', 'hypertension', 'disability', 'elderly', 'incarceration'];
    expect(extensions.filter((field) => persons.every((person) => person[field] === null))).toEqual([]);
    // persons + one statement for each of the 11 relations (diabetes and hypertension share one)
    const forAll = await statementsFor(entities, { representations: personRepresentations(300) });
    expect(forAll).toBe(12);
    expect(await statementsFor(entities, { representations: personRepresentations(2) })).toBe(forAll);
  });

  it('resolves houses, services and document types by key', async () => {
    const { data } = await query(
      `query($representations: [_Any!]!) { _entities(representations: $representations) {
      ... on HouseRegistration { houseId houseMaster { nationalId } }
      ... on GovernmentService { code singleIdCard } ... on DocumentType { code readiness } } }`,
      {
        representations: [
          { __typename: 'HouseRegistration', houseId: '56000000001' },
          { __typename: 'GovernmentService', code: 'SVC-08' },
          { __typename: 'DocumentType', code: 'DOC-001' },
          { __typename: 'DocumentType', code: 'DOC-999' },
        ],
      },
    );
    expect(data?._entities).toEqual([
      { houseId: '56000000001', houseMaster: { nationalId: '5601200333441' } },
      { code: 'SVC-08', singleIdCard: true },
      { code: 'DOC-001', readiness: 'READY' },
      null,
    ]);
  });

  it('extends all 77 provinces with population and registered people in one statement each', async () => {
    const entities = `query($representations: [_Any!]!) { _entities(representations: $representations) {
      ... on Province { code population registeredPeople } } }`;
    const all = provinces().map(({ code }) => ({ __typename: 'Province', code }));
    const { data } = await query(entities, { representations: all });
    const rows = data?._entities as { code: string; population: number; registeredPeople: number }[];
    expect(rows).toHaveLength(77);
    expect(rows.find((p) => p.code === '10')?.population).toBe(5_682_415);
    expect(rows.reduce((sum, p) => sum + p.registeredPeople, 0)).toBe(300);
    const forAll = await statementsFor(entities, { representations: all });
    expect(forAll).toBe(2);
    expect(await statementsFor(entities, { representations: all.slice(0, 2) })).toBe(forAll);
  });

  it('names a catalogue dataset for every personal field, and only datasets the catalogue declares', () => {
    const declared = new Set(hubDatasets().map((dataset) => dataset.id));
    const fields = parse(sdl('citizen')).definitions.flatMap((definition) =>
      definition.kind === Kind.OBJECT_TYPE_DEFINITION
        ? (definition.fields ?? []).map((field) => ({
            field: `${definition.name.value}.${field.name.value}`,
            classification: fieldClassification(field),
          }))
        : [],
    );
    expect(fields.filter(({ classification }) => !classification)).toEqual([]);
    const personal = fields.filter(({ classification }) => classification?.level === 'PERSONAL' || classification?.level === 'SENSITIVE');
    expect(personal.length).toBeGreaterThan(60);
    expect(personal.filter(({ classification }) => !declared.has(classification?.dataset ?? ''))).toEqual([]);
    const person = fields.find(({ field }) => field === 'Person.nationalId');
    expect(person?.classification).toEqual({ level: 'PERSONAL', dataset: 'dopa.civil-registry' });
  });

  it('composes with the governance subgraph', async () => {
    const { supergraphSdl } = composeSupergraph([
      { name: 'governance', url: 'http://governance', sdl: sdl('governance') },
      { name: 'citizen', url: 'http://citizen', sdl: sdl('citizen') },
    ]);
    expect(supergraphSdl).toContain('registeredPeople');
    expect(supergraphSdl).toMatch(/type Person[^{]*@join__type\(graph: CITIZEN, key: "nationalId"\)/);
  });
});

describe('citizen subgraph: seeding', () => {
  it('seeds idempotently: a second run changes nothing', async () => {
    const tables = [
      'service_kpi',
      'linkage_database',
      'document_type',
      'government_service',
      'service_document',
      'province_population',
      ...Object.keys(TABLES),
    ];
    // every table's row count and a checksum of its contents
    const snapshot = () =>
      subgraph.db.query<{ name: string; rows: number; checksum: string }>(
        tables
          .map(
            (table) => `SELECT '${table}' AS name, count(*)::int AS rows,
        md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS checksum FROM ${table} t`,
          )
          .join(' UNION ALL '),
      );
    const before = await snapshot();
    expect(before.find((row) => row.name === 'person')?.rows).toBe(300);
    expect(before.find((row) => row.name === 'house')?.rows).toBe(102); // 3 demo households + 297 people in threes
    // 300 people are too few for anyone on probation (0.3% of adults)
    expect(before.filter((row) => row.rows === 0).map((row) => row.name)).toEqual(['probation']);
    // forget the seed state so that every step really runs again
    await subgraph.db.query('DELETE FROM seed_state');
    await prepareDomainDatabase(citizen, subgraph.db, { people: 300, logger: createLogger('test') });
    expect(await snapshot()).toEqual(before);
  });
});
