import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { agencies, composeSupergraph, createLogger, Database, hubDatasets, migrate, prepareDomainDatabase, provinces } from '@govhub/shared';
import { createTestDatabase, useTestSubgraph } from '@govhub/shared/dist/testing';
import { water } from '../index';

const subgraph = useTestSubgraph(water);
const { query } = subgraph;

/** Runs `text` and returns its data and how many SQL statements it took. */
async function counted(text: string, variables?: Record<string, unknown>) {
  const { response, statements } = await subgraph.statementsFor(text, variables);
  return { data: response.data, statements };
}

const expectBadInput = async (text: string) => {
  const { status, errors } = await query(text);
  expect(status).toBeLessThan(500);
  expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
};

interface AgencyProgress {
  no: number;
  agency: { code: string };
  items: number;
  linked: number;
  preparing: number;
  awaitingUpdate: number;
  noteTh: string | null;
}
interface Report {
  id: string;
  type: string;
  mode: string;
  issuedOn: string;
}

const PROVINCE_ENTITIES = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Province {
  code waterSituation { droughtStatus floodStatus asOf reservoirPercent }
  telemetryStations { id operator { code } observations(last: 3) { at rainfallMm waterLevelM } }
  rainForecast { issuedAt province { code } days { date rainfallMm chancePercent } } } } }`;
const provinceRefs = (codes: string[]) => ({ representations: codes.map((code) => ({ __typename: 'Province', code })) });

describe('water subgraph: the data warehouse', () => {
  it('counts 390 items from 35 agencies = 246 linked + 113 preparing + 31 awaiting update', async () => {
    const { data, errors } = await query('{ waterDataSummary { items linked preparing awaitingUpdate agencies asOf } }');
    expect(errors).toBeUndefined();
    expect(data?.waterDataSummary).toEqual({ items: 390, linked: 246, preparing: 113, awaitingUpdate: 31, agencies: 35, asOf: '2017-12-01' });
  });

  it('keeps the 3 Oct 2560 figures 238/130/22 beside the 1 Dec ones, both totalling 390', async () => {
    const { data } = await query('{ waterDataSummary { history { asOf items linked preparing awaitingUpdate agencies } } }');
    expect(data?.waterDataSummary.history).toEqual([
      { asOf: '2017-10-03', items: 390, linked: 238, preparing: 130, awaitingUpdate: 22, agencies: null },
      { asOf: '2017-12-01', items: 390, linked: 246, preparing: 113, awaitingUpdate: 31, agencies: 35 },
    ]);
  });

  it('gives each agency its row of the table: RID 8/43/22, HAII 33/0/0, NSO 20/0/0, TMD 14/6/0, DDPM 5/5/5', async () => {
    const { data } = await query('{ waterAgencies { no agency { code } items linked preparing awaitingUpdate noteTh } }');
    const rows = data?.waterAgencies as AgencyProgress[];
    expect(rows.map((row) => row.no)).toEqual(Array.from({ length: 35 }, (_, i) => i + 1));
    const byCode = new Map(rows.map((row) => [row.agency.code, row]));
    const counts = (code: string) => {
      const row = byCode.get(code);
      return row && [row.linked, row.preparing, row.awaitingUpdate];
    };
    expect(counts('RID')).toEqual([8, 43, 22]);
    expect(counts('HAII')).toEqual([33, 0, 0]);
    expect(counts('NSO')).toEqual([20, 0, 0]);
    expect(counts('TMD')).toEqual([14, 6, 0]);
    expect(counts('DDPM')).toEqual([5, 5, 5]);
    expect(byCode.get('RID')?.noteTh).toContain('สถานีโทรมาตร');
    for (const row of rows) expect(row.linked + row.preparing + row.awaitingUpdate).toBe(row.items);
    expect(rows.reduce((sum, row) => sum + row.items, 0)).toBe(390);
  });

  it('lists items by agency and status, and pages through all 390 without repeats', async () => {
    const { data } = await query('{ waterDataItems(agencyCode: "RID", status: AWAITING_AGENCY_UPDATE) { id nameTh status sourceAgency { code } } }');
    expect(data?.waterDataItems).toHaveLength(22);
    for (const item of data?.waterDataItems ?? []) expect(item).toMatchObject({ status: 'AWAITING_AGENCY_UPDATE', sourceAgency: { code: 'RID' } });
    const ids: string[] = [];
    for (let offset = 0; offset < 400; offset += 100) {
      const page = await query('query($offset: Int) { waterDataItems(first: 100, offset: $offset) { id } }', { offset });
      ids.push(...(page.data?.waterDataItems as { id: string }[]).map((item) => item.id));
    }
    expect(ids).toHaveLength(390);
    expect(new Set(ids).size).toBe(390);
  });

  it('names the four provinces with a provincial water centre', async () => {
    const { data } = await query('{ provincialWaterCentres { code } }');
    expect(data?.provincialWaterCentres).toEqual([{ code: '54' }, { code: '64' }, { code: '66' }, { code: '56' }]);
  });

  it('holds the decision-support plan: 35 projects, 4,189.09 million baht', async () => {
    const { data } = await query('{ decisionSupportPlan { projects agencies budgetMillionBaht approvedOn } }');
    expect(data?.decisionSupportPlan).toEqual({ projects: 35, agencies: 15, budgetMillionBaht: 4189.09, approvedOn: '2014-12-30' });
  });

  it('records the 25 HAII staff at DDPM Region 11, Surat Thani, 31 Oct – 10 Nov 2560', async () => {
    const { data } = await query('{ supportDeployments { agency { code } hostAgency { code } province { code } staff startedOn endedOn } }');
    expect(data?.supportDeployments).toEqual([
      {
        agency: { code: 'HAII' },
        hostAgency: { code: 'DDPM' },
        province: { code: '84' },
        staff: 25,
        startedOn: '2017-10-31',
        endedOn: '2017-11-10',
      },
    ]);
  });
});

describe('water subgraph: provinces, telemetry and forecasts', () => {
  it('extends every province with its situation, stations and a 7-day forecast, in one statement per batch', async () => {
    const all = provinces().map((province) => province.code);
    expect(all).toHaveLength(77);
    const two = await counted(PROVINCE_ENTITIES, provinceRefs(['56', '84']));
    const many = await counted(PROVINCE_ENTITIES, provinceRefs(all));
    // situation + stations + their latest readings + forecasts: four statements however many provinces
    expect(two.statements).toBe(4);
    expect(many.statements).toBe(two.statements);
    const entities = many.data?._entities as {
      code: string;
      telemetryStations: { observations: unknown[] }[];
      rainForecast: { issuedAt: string; province: { code: string }; days: { date: string; chancePercent: number }[] };
    }[];
    expect(entities.map((entity) => entity.code)).toEqual(all);
    for (const entity of entities) {
      expect(entity.rainForecast.province.code).toBe(entity.code);
      expect(entity.rainForecast.issuedAt).toBe('2017-12-01T00:00:00.000Z');
      expect(entity.rainForecast.days.map((day) => day.date)).toEqual([
        '2017-12-01',
        '2017-12-02',
        '2017-12-03',
        '2017-12-04',
        '2017-12-05',
        '2017-12-06',
        '2017-12-07',
      ]);
      expect(entity.telemetryStations.length).toBeGreaterThanOrEqual(2);
      for (const station of entity.telemetryStations) expect(station.observations).toHaveLength(3);
    }
  });

  it('has the southern floods of Dec 2560: Surat Thani in CRISIS, Phayao under a flood WARNING', async () => {
    const { data } = await query(PROVINCE_ENTITIES, provinceRefs(['84', '56', '10']));
    const [suratThani, phayao, bangkok] = data?._entities;
    expect(suratThani.waterSituation).toMatchObject({ floodStatus: 'CRISIS', asOf: '2017-12-01' });
    expect(phayao.waterSituation).toMatchObject({ floodStatus: 'WARNING', asOf: '2017-12-01' });
    expect(bangkok.waterSituation.reservoirPercent).toBeNull();
    const wettest = (forecast: { days: { rainfallMm: number }[] }) => forecast.days.reduce((sum, day) => sum + day.rainfallMm, 0);
    expect(wettest(suratThani.rainForecast)).toBeGreaterThan(wettest(bangkok.rainForecast));
  });

  it('answers nothing, not an error, for a province it has no data on', async () => {
    const { data, errors } = await query(PROVINCE_ENTITIES, provinceRefs(['99']));
    expect(errors).toBeUndefined();
    expect(data?._entities).toEqual([{ code: '99', waterSituation: null, telemetryStations: [], rainForecast: null }]);
  });

  it("returns a station's latest readings oldest first, six hours apart, up to midnight of 1 Dec 2560 Thai time", async () => {
    const { data } = await query(
      '{ telemetryStations(provinceCode: "84") { id operator { code } province { code } basin lat lon observations(last: 3) { at waterLevelM } } }',
    );
    const stations = data?.telemetryStations as {
      id: string;
      operator: { code: string };
      province: { code: string };
      basin: string;
      lat: number;
      observations: { at: string; waterLevelM: number | null }[];
    }[];
    expect(stations.length).toBeGreaterThanOrEqual(2);
    for (const station of stations) {
      expect(station.province.code).toBe('84');
      expect(station.basin).toBe('ลุ่มน้ำตาปี');
      expect(Math.abs(station.lat - 9.14)).toBeLessThan(0.3);
      expect(station.observations.map((o) => o.at)).toEqual(['2017-11-30T05:00:00.000Z', '2017-11-30T11:00:00.000Z', '2017-11-30T17:00:00.000Z']);
      for (const observation of station.observations) {
        if (station.operator.code === 'TMD') expect(observation.waterLevelM).toBeNull();
        else expect(observation.waterLevelM).toEqual(expect.any(Number));
      }
    }
    const one = await query('query($id: ID!) { telemetryStation(id: $id) { id observations { at } } }', { id: stations[0].id });
    expect(one.data?.telemetryStation.id).toBe(stations[0].id);
    expect(one.data?.telemetryStation.observations).toHaveLength(28);
  });

  it('resolves stations and data items by reference in one statement per batch', async () => {
    const { data: list } = await query('{ telemetryStations(first: 100) { id } waterDataItems(first: 100) { id } }');
    const stationIds = (list?.telemetryStations as { id: string }[]).map((s) => s.id);
    const itemIds = (list?.waterDataItems as { id: string }[]).map((i) => i.id);
    const text = `query($representations: [_Any!]!) { _entities(representations: $representations) {
      ... on TelemetryStation { id operator { code } observations(last: 2) { at } }
      ... on WaterDataItem { id nameTh status sourceAgency { code } } } }`;
    const representations = (stations: string[], items: string[]) => ({
      representations: [
        ...stations.map((id) => ({ __typename: 'TelemetryStation', id })),
        ...items.map((id) => ({ __typename: 'WaterDataItem', id })),
      ],
    });
    const few = await counted(text, representations(stationIds.slice(0, 1), itemIds.slice(0, 1)));
    const lots = await counted(text, representations(stationIds, itemIds));
    // stations + their readings + items
    expect(few.statements).toBe(3);
    expect(lots.statements).toBe(few.statements);
    expect(lots.data?._entities).toHaveLength(200);
  });

  it('refuses a malformed province code, an out-of-range page and an out-of-range reading count', async () => {
    await expectBadInput('{ telemetryStations(provinceCode: "8") { id } }');
    await expectBadInput('{ telemetryStations(first: 0) { id } }');
    await expectBadInput('{ waterDataItems(first: 101) { id } }');
    await expectBadInput('{ situationReports(offset: -1) { id } }');
    await expectBadInput('{ telemetryStations(first: 1) { observations(last: 0) { at } } }');
    await expectBadInput('{ telemetryStations(first: 1) { observations(last: 101) { at } } }');
  });
});

describe('water subgraph: situation reports', () => {
  const reports = async (filter: string) =>
    (await query(`{ situationReports(${filter}) { id type mode issuedOn } }`)).data?.situationReports as Report[];
  const DAY = 86_400_000;

  it('issues the full report weekly in normal times and daily in a crisis', async () => {
    const normal = await reports('type: FULL, mode: NORMAL');
    const crisis = await reports('type: FULL, mode: CRISIS');
    expect(normal.length).toBeGreaterThan(4);
    const weekly = normal.map((r) => Date.parse(r.issuedOn)).sort((a, b) => a - b);
    for (let i = 1; i < weekly.length; i++) expect((weekly[i] - weekly[i - 1]) % (7 * DAY)).toBe(0);
    // the southern operation of 31 Oct – 10 Nov 2560: one full report every day
    const operation = crisis
      .map((r) => r.issuedOn)
      .filter((day) => day <= '2017-11-10')
      .sort();
    expect(operation).toEqual(Array.from({ length: 11 }, (_, i) => new Date(Date.parse('2017-10-31') + i * DAY).toISOString().slice(0, 10)));
  });

  it('sends the executive summary every day, newest first, and special reports on events', async () => {
    const summaries = await reports('type: EXEC_SUMMARY');
    expect(summaries[0].issuedOn).toBe('2017-12-01');
    expect(summaries).toHaveLength(62);
    const special = await reports('type: SPECIAL');
    expect(special.map((r) => r.issuedOn)).toEqual(['2017-12-01', '2017-10-30']);
  });
});

describe('water subgraph: seeding and composition', () => {
  const TABLES = [
    'water_agency',
    'water_data_item',
    'water_data_snapshot',
    'telemetry_station',
    'observation',
    'rain_forecast',
    'rain_forecast_day',
    'water_situation',
    'situation_report',
    'provincial_water_centre',
    'decision_support_plan',
    'support_deployment',
  ];
  const rowCounts = async () =>
    Object.fromEntries(
      await Promise.all(
        TABLES.map(async (table) => [table, (await subgraph.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0].n]),
      ),
    );

  it('seeds idempotently: a second run, even with every step forced to run again, changes nothing', async () => {
    const before = await rowCounts();
    expect(before).toMatchObject({ water_data_item: 390, water_agency: 35, rain_forecast_day: 77 * 7, water_situation: 77 });
    const options = { people: 300, logger: createLogger('test') };
    await prepareDomainDatabase(water, subgraph.db, options);
    await subgraph.db.query('DELETE FROM seed_state');
    await prepareDomainDatabase(water, subgraph.db, options);
    expect(await rowCounts()).toEqual(before);
  });

  it('seeds a fresh database for 3,000 people well under 2 seconds', async () => {
    const fresh = await createTestDatabase('water_timing');
    const logger = createLogger('test');
    const db = new Database({ url: fresh.url, schema: 'water', logger });
    try {
      await migrate(db, join(__dirname, '..', 'migrations'));
      const started = Date.now();
      await water.seed(db, { people: 3000, logger });
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      await db.close();
      await fresh.drop();
    }
  });

  it('composes with the governance subgraph, and fails to once a field loses its classification', () => {
    const sdl = readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8');
    const governanceSdl = readFileSync(join(__dirname, '..', '..', 'governance', 'schema.graphql'), 'utf8');
    const compose = (waterSdl: string) =>
      composeSupergraph([
        { name: 'governance', url: 'http://governance.invalid/graphql', sdl: governanceSdl },
        { name: 'water', url: 'http://water.invalid/graphql', sdl: waterSdl },
      ]);
    const { supergraphSdl } = compose(sdl);
    expect(supergraphSdl).toMatch(/waterSituation: WaterSituation/);
    expect(supergraphSdl).toMatch(/waterDataSummary: WaterDataSummary!/);
    const unclassified = sdl.replace('basin: String! @classified(level: PUBLIC)', 'basin: String!');
    expect(unclassified).not.toBe(sdl);
    expect(() => compose(unclassified)).toThrow(/TelemetryStation\.basin has no @classified/);
  });

  it('publishes its datasets under agencies the catalogue knows, and names no dataset the catalogue lacks', () => {
    const catalogue = new Set(hubDatasets().map((dataset) => dataset.id));
    const agencyCodes = new Set(agencies().map((agency) => agency.code));
    const own = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'shared', 'data', 'datasets', 'water.json'), 'utf8')) as {
      id: string;
      owner: string;
    }[];
    expect(own.length).toBeGreaterThan(0);
    for (const dataset of own) {
      expect(agencyCodes.has(dataset.owner)).toBe(true);
      expect(dataset.id.startsWith(`${dataset.owner.toLowerCase()}.`)).toBe(true);
    }
    const sdl = readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8');
    for (const [, named] of sdl.matchAll(/dataset: "([^"]+)"/g)) expect(catalogue.has(named)).toBe(true);
  });
});
