import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { agencies, businesses, composeSupergraph, people, provinces } from '@govhub/shared';
import { createTestDatabase, startTestSubgraph, useTestSubgraph, type TestSubgraph } from '@govhub/shared/dist/testing';
import { tourism } from '../index';

const PEOPLE = 300;

const subgraph = useTestSubgraph(tourism, { people: PEOPLE });
const { query } = subgraph;

/** Runs an operation and counts the SQL statements it cost. */
async function counted(text: string, variables?: Record<string, unknown>) {
  const { response, statements } = await subgraph.statementsFor(text, variables);
  return { ...response, statements };
}

const entities = (selection: string) => `query($representations: [_Any!]!) { _entities(representations: $representations) { ${selection} } }`;

interface Statistic {
  province: { code: string };
  period: string;
  arrivals: number;
  foreignArrivals: number;
  thaiArrivals: number;
  forecast: boolean;
}

describe('tourism subgraph: figures from the seeds', () => {
  it('links 11 agencies to the Tourism Intelligence Center, each a synthetic, known agency', async () => {
    const { data, errors } = await query(`{ tourismIntelligenceCenter {
      nameEn lead { code } purposes linkedAgencyCount asOf linkedAgencies { agency { code } dataTh synthetic } } }`);
    expect(errors).toBeUndefined();
    const center = data?.tourismIntelligenceCenter;
    expect(center).toMatchObject({
      nameEn: 'Tourism Intelligence Center',
      lead: { code: 'MOTS' },
      linkedAgencyCount: 11,
      asOf: '2017-10-03',
      purposes: ['POLICY', 'MARKETING', 'TOURIST_SAFETY', 'FORECASTING'],
    });
    const codes = center.linkedAgencies.map((link: { agency: { code: string } }) => link.agency.code);
    expect(codes).toHaveLength(11);
    expect(new Set(codes).size).toBe(11);
    const known = new Set(agencies().map((agency) => agency.code));
    for (const code of codes) expect(known.has(code)).toBe(true);
    for (const link of center.linkedAgencies) expect(link.synthetic).toBe(true);
  });

  it('publishes the MOTS survey row: 3 agencies, 17 databases, 46 datasets, 12 ready', async () => {
    const { data, errors } = await query(`{ tourismSurvey {
      ministry { code } agencies databases datasets readyToLink notReadyToLink respondents { code } asOf } }`);
    expect(errors).toBeUndefined();
    const { respondents, ...row } = data?.tourismSurvey;
    expect(row).toEqual({
      ministry: { code: 'MOTS' },
      agencies: 3,
      databases: 17,
      datasets: 46,
      readyToLink: 12,
      notReadyToLink: 34,
      asOf: '2017-12-01',
    });
    expect(respondents.map((agency: { code: string }) => agency.code).sort()).toEqual(['DPE', 'MOTS', 'TAT']);
  });

  it('counts the agencies asking for each document: tour licence 2, guide card 1, hotel licence 2', async () => {
    const { data, errors } = await query('{ tourismDocumentDemand { no document ownerMinistry { code } requestingAgencies readiness source } }');
    expect(errors).toBeUndefined();
    expect(data?.tourismDocumentDemand).toEqual([
      {
        no: 15,
        document: 'HOTEL_LICENCE',
        ownerMinistry: { code: 'MOI' },
        requestingAgencies: 2,
        readiness: 'IN_PROGRESS',
        source: 'List of documents services ask for, 1 Dec 2560, no. 15',
      },
      {
        no: 40,
        document: 'TOUR_BUSINESS_LICENCE',
        ownerMinistry: { code: 'MOTS' },
        requestingAgencies: 2,
        readiness: 'IN_PROGRESS',
        source: 'List of documents services ask for, 1 Dec 2560, no. 40',
      },
      {
        no: 41,
        document: 'TOUR_GUIDE_CARD',
        ownerMinistry: { code: 'MOTS' },
        requestingAgencies: 1,
        readiness: 'IN_PROGRESS',
        source: 'List of documents services ask for, 1 Dec 2560, no. 41',
      },
    ]);
  });
});

describe('tourism subgraph: synthetic statistics, incidents and licences', () => {
  it('holds 12 months × 77 provinces of 2017, Bangkok, Phuket, Chon Buri and Chiang Mai the largest', async () => {
    const rows: Statistic[] = [];
    for (let offset = 0; ; offset += 100) {
      const { data, errors } = await query(
        `query($offset: Int) { tourismStatistics(period: "2017", first: 100, offset: $offset) {
          province { code } period arrivals foreignArrivals thaiArrivals forecast } }`,
        { offset },
      );
      expect(errors).toBeUndefined();
      rows.push(...data?.tourismStatistics);
      if (data?.tourismStatistics.length < 100) break;
    }
    expect(rows).toHaveLength(12 * 77);
    expect(new Set(rows.map((row) => row.province.code))).toEqual(new Set(provinces().map((p) => p.code)));
    expect(new Set(rows.map((row) => row.period)).size).toBe(12);
    for (const row of rows) expect(row.arrivals).toBe(row.foreignArrivals + row.thaiArrivals);
    // December is not over on the reference date, 1 Dec 2560: only it is a forecast.
    expect(new Set(rows.filter((row) => row.forecast).map((row) => row.period))).toEqual(new Set(['2017-12']));
    const annual = new Map<string, number>();
    for (const row of rows) annual.set(row.province.code, (annual.get(row.province.code) ?? 0) + row.arrivals);
    const ranking = [...annual].sort((a, b) => b[1] - a[1]).map(([code]) => code);
    expect(ranking.slice(0, 4)).toEqual(['10', '83', '20', '50']);
  });

  it('filters statistics by province and month', async () => {
    const { data, errors } = await query('{ tourismStatistics(provinceCode: "83", period: "2017-03") { province { code } period } }');
    expect(errors).toBeUndefined();
    expect(data?.tourismStatistics).toEqual([{ province: { code: '83' }, period: '2017-03' }]);
  });

  it('lists tourist safety incidents newest first, all before the reference date', async () => {
    const { data, errors } = await query('{ touristSafetyIncidents(provinceCode: "83", first: 50) { id province { code } occurredAt nationality } }');
    expect(errors).toBeUndefined();
    const incidents = data?.touristSafetyIncidents as { id: string; province: { code: string }; occurredAt: string }[];
    expect(incidents).toHaveLength(50);
    const times = incidents.map((incident) => incident.occurredAt);
    expect(times).toEqual([...times].sort().reverse());
    for (const incident of incidents) {
      expect(incident.province.code).toBe('83');
      expect(incident.occurredAt < '2017-12-01').toBe(true);
    }
  });

  it('has DOPA issue hotel licences in Bangkok and MOI elsewhere', async () => {
    const { data } = await query(`{ bangkok: hotelLicences(provinceCode: "10", first: 20) { issuedBy { code } province { code } rooms }
      phuket: hotelLicences(provinceCode: "83", first: 20) { issuedBy { code } } }`);
    expect(data?.bangkok).toHaveLength(20);
    for (const hotel of data?.bangkok) expect(hotel).toMatchObject({ issuedBy: { code: 'DOPA' }, province: { code: '10' } });
    for (const hotel of data?.phuket) expect(hotel.issuedBy.code).toBe('MOI');
  });

  it('looks up a tour licence and a guide card by number', async () => {
    const { data, errors } = await query(`{ tourBusinessLicence(licenceNo: "11/00001") { holder { juristicId } kind status }
      tourGuide(cardNo: "11-0000002") { person { nationalId } cardType } }`);
    expect(errors).toBeUndefined();
    // Business 0 of the shared economy, directed by the first demo identity, and the third demo identity.
    expect(data?.tourBusinessLicence).toEqual({
      holder: { juristicId: businesses(PEOPLE).next().value?.juristicId },
      kind: 'OUTBOUND',
      status: 'ACTIVE',
    });
    expect(data?.tourGuide).toEqual({ person: { nationalId: '8410100555669' }, cardType: 'GENERAL_FOREIGN' });
  });
});

describe('tourism subgraph: entity references in one statement per batch', () => {
  /** Resolves every key, then two of them: one statement per batch means both cost the same single statement. */
  async function resolveInOneStatement(typename: string, key: string, values: string[], selection: string) {
    const text = entities(`... on ${typename} { ${key} ${selection} }`);
    const refs = (list: string[]) => ({ representations: list.map((value) => ({ __typename: typename, [key]: value })) });
    const all = await counted(text, refs(values));
    const two = await counted(text, refs(values.slice(0, 2)));
    expect(all.errors).toBeUndefined();
    expect(all.data?._entities).toHaveLength(values.length);
    expect(two.data?._entities).toHaveLength(2);
    expect(all.statements).toBe(two.statements);
    expect(all.statements).toBe(1);
    return all.data?._entities;
  }

  it('resolves 77 provinces with their statistics in as many statements as 2', async () => {
    const resolved = await resolveInOneStatement(
      'Province',
      'code',
      provinces().map((p) => p.code),
      'tourismStatistics(period: "2017") { period arrivals }',
    );
    for (const province of resolved) expect(province.tourismStatistics).toHaveLength(12);
  });

  it('resolves every business of the shared economy with its tour licences in as many statements as 2', async () => {
    const resolved = await resolveInOneStatement(
      'Business',
      'juristicId',
      [...businesses(PEOPLE)].map((b) => b.juristicId),
      'tourBusinessLicences { licenceNo holder { juristicId } kind issuedOn expiresOn status }',
    );
    const licences = resolved.flatMap((business: { tourBusinessLicences: unknown[] }) => business.tourBusinessLicences);
    expect(licences.length).toBeGreaterThan(0);
    for (const licence of licences) {
      expect(licence.expiresOn > licence.issuedOn).toBe(true);
      expect(licence.status === 'EXPIRED').toBe(licence.expiresOn <= '2017-12-01');
    }
  });

  it('resolves the whole population with their guide cards in as many statements as 2', async () => {
    const resolved = await resolveInOneStatement(
      'Person',
      'nationalId',
      [...people(PEOPLE)].map((p) => p.nationalId),
      'tourGuideCard { cardNo cardType person { nationalId } }',
    );
    const guides = resolved.filter((person: { tourGuideCard: unknown }) => person.tourGuideCard);
    expect(guides.length).toBeGreaterThan(0);
    for (const guide of guides) expect(guide.tourGuideCard.person.nationalId).toBe(guide.nationalId);
    expect(resolved[2].tourGuideCard).toMatchObject({ cardNo: '11-0000002', cardType: 'GENERAL_FOREIGN' });
  });

  it('resolves its own entities (licences, guide cards, hotels, incidents) one statement per type', async () => {
    const { data } = await query(`{ hotelLicences(first: 100) { licenceNo } touristSafetyIncidents(first: 100) { id }
      tourGuide(cardNo: "11-0000002") { cardNo } tourBusinessLicence(licenceNo: "11/00001") { licenceNo } }`);
    const representations = [
      ...data?.hotelLicences.map(({ licenceNo }: { licenceNo: string }) => ({ __typename: 'HotelLicence', licenceNo })),
      ...data?.touristSafetyIncidents.map(({ id }: { id: string }) => ({ __typename: 'TouristSafetyIncident', id })),
      { __typename: 'TourGuide', cardNo: data?.tourGuide.cardNo },
      { __typename: 'TourBusinessLicence', licenceNo: data?.tourBusinessLicence.licenceNo },
    ];
    const resolved = await counted(
      entities(`... on HotelLicence { licenceNo nameTh rooms }
      ... on TouristSafetyIncident { id category severity } ... on TourGuide { cardNo issuedOn }
      ... on TourBusinessLicence { licenceNo kind }`),
      { representations },
    );
    expect(resolved.errors).toBeUndefined();
    expect(resolved.data?._entities).toHaveLength(202);
    for (const entity of resolved.data?._entities) expect(entity).not.toBeNull();
    expect(resolved.statements).toBe(4);
  });
});

describe('tourism subgraph: bad input', () => {
  const codeOf = (response: { errors?: { extensions?: Record<string, unknown> }[] }) => response.errors?.[0]?.extensions?.code;

  it('refuses a national ID with a wrong check digit', async () => {
    const response = await query(entities('... on Person { tourGuideCard { cardNo } }'), {
      representations: [{ __typename: 'Person', nationalId: '1101700203451' }],
    });
    expect(codeOf(response)).toBe('BAD_USER_INPUT');
  });

  it.each([
    ['a period that is no month', '{ tourismStatistics(period: "2017-13") { period } }'],
    ['a province code that is not two digits', '{ tourismStatistics(provinceCode: "1") { period } }'],
    ['a page too large', '{ hotelLicences(first: 1000) { licenceNo } }'],
    ['a negative offset', '{ touristSafetyIncidents(offset: -1) { id } }'],
    ['a malformed licence number', '{ tourBusinessLicence(licenceNo: "abc") { licenceNo } }'],
    ['a malformed card number', '{ tourGuide(cardNo: "1101700203450") { cardNo } }'],
    [
      'a province period that is no month',
      '{ _entities(representations: [{ __typename: "Province", code: "10" }]) { ... on Province { tourismStatistics(period: "17") { period } } } }',
    ],
  ])('refuses %s', async (_, text) => {
    expect(codeOf(await query(text))).toBe('BAD_USER_INPUT');
  });

  it('refuses a juristic ID with a wrong check digit', async () => {
    const [business] = businesses(PEOPLE);
    const wrong = business.juristicId.slice(0, 12) + ((Number(business.juristicId[12]) + 1) % 10);
    const response = await query(entities('... on Business { tourBusinessLicences { licenceNo } }'), {
      representations: [{ __typename: 'Business', juristicId: wrong }],
    });
    expect(codeOf(response)).toBe('BAD_USER_INPUT');
  });
});

describe('tourism subgraph: seeding', () => {
  const TABLES = [
    'tourism_statistic',
    'tourist_safety_incident',
    'tour_business_licence',
    'tour_guide',
    'hotel_licence',
    'intelligence_center',
    'intelligence_center_link',
    'ministry_survey',
    'ministry_survey_respondent',
    'document_demand',
  ];
  /** A digest of every table's content, so that any changed, added or lost row shows. */
  async function digest(db: TestSubgraph['db']): Promise<Record<string, string>> {
    const result: Record<string, string> = {};
    for (const table of TABLES) {
      const [row] = await db.query<{ digest: string }>(
        `SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') AS digest FROM ${table} t`,
      );
      result[table] = row.digest;
    }
    return result;
  }

  it('seeds idempotently: running every step again changes nothing', async () => {
    const { prepareDomainDatabase, createLogger } = await import('@govhub/shared');
    const before = await digest(subgraph.db);
    await subgraph.db.query('DELETE FROM seed_state');
    await prepareDomainDatabase(tourism, subgraph.db, { people: PEOPLE, logger: createLogger('test') });
    expect(await digest(subgraph.db)).toEqual(before);
    expect(before.tourism_statistic.startsWith('924:')).toBe(true);
  });

  it('seeds deterministically: a fresh database gets the same rows', async () => {
    const other = await createTestDatabase('tourism_again');
    const again = await startTestSubgraph(tourism, other.url, { people: PEOPLE });
    try {
      expect(await digest(again.db)).toEqual(await digest(subgraph.db));
    } finally {
      await again.stop();
      await other.drop();
    }
  });
});

describe('tourism subgraph: composition', () => {
  it('composes with governance, extending its Province', () => {
    const sdl = (dir: string) => readFileSync(join(__dirname, '..', dir, 'schema.graphql'), 'utf8');
    const { supergraphSdl } = composeSupergraph([
      { name: 'governance', url: 'http://governance', sdl: sdl('../governance') },
      { name: 'tourism', url: 'http://tourism', sdl: sdl('.') },
    ]);
    expect(supergraphSdl).toMatch(/tourismStatistics\(period: String\): \[TourismStatistic!\]!.*join__field\(graph: TOURISM\)/);
    expect(supergraphSdl).toContain('tourGuideCard: TourGuide');
  });
});
