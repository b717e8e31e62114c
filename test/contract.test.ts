import { CALLERS, startTestHub, type TestHub } from './support/hub';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
}, 120_000);
afterAll(() => hub?.stop());

describe('the entry points of every domain, through the gateway', () => {
  it('person(nationalId) joins the citizen record with businesses and disaster assistance', async () => {
    const { data, errors } = await hub.query(
      `query ($id: ID!) { person(nationalId: $id) {
      nationalId titleTh firstNameTh lastNameTh dateOfBirth address { province { code nameTh } }
      lowIncomeRegistration { status } healthCoverage { scheme } businesses { juristicId nameTh } } }`,
      { id: '1101700203450' },
      await hub.as(CALLERS.dopaWelfare),
    );
    expect(errors).toBeUndefined();
    expect(data?.person).toMatchObject({ nationalId: '1101700203450', address: { province: { code: '10', nameTh: 'กรุงเทพมหานคร' } } });
    expect(data?.person.lowIncomeRegistration).not.toBeNull();
    expect(data?.person.businesses.length).toBeGreaterThanOrEqual(1);
  });

  it('refuses a national ID with a wrong check digit or a wrong length as BAD_USER_INPUT', async () => {
    for (const id of ['1101700203451', '12345', '110170020345X']) {
      const { data, errors } = await hub.query('query ($id: ID!) { person(nationalId: $id) { nationalId } }', { id });
      expect(data?.person ?? null).toBeNull();
      expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('province(code) and provinces reach across every domain that extends Province', async () => {
    const { data, errors } = await hub.query(`{ province(code: "56") { code nameTh nameEn region population
      waterSituation { floodStatus droughtStatus } telemetryStations { id } rainForecast { days { rainfallMm } }
      activeWarnings { hazard severity } disasterEvents { id } tourismStatistics { arrivals }
      businessCount geoLayers { id } } provinces { code } }`);
    expect(errors).toBeUndefined();
    expect(data?.provinces).toHaveLength(77);
    expect(data?.province).toMatchObject({ code: '56', nameEn: 'Phayao', region: 'NORTH' });
    expect(data?.province.population).toBeGreaterThan(0);
    expect(data?.province.rainForecast.days).toHaveLength(7);
    expect(data?.province.activeWarnings.some((w: { hazard: string }) => w.hazard === 'FLOOD')).toBe(true);
    expect(data?.province.businessCount).toEqual(expect.any(Number));
  });

  it('agency(code) and agencies come from governance, with ministry and datasets', async () => {
    const { data, errors } = await hub.query('{ agency(code: "DOPA") { code nameTh nameEn ministry { code } datasets { id } } agencies { code } }');
    expect(errors).toBeUndefined();
    expect(data?.agency).toMatchObject({ code: 'DOPA', ministry: { code: 'MOI' } });
    expect(data?.agencies.length).toBeGreaterThanOrEqual(134);
  });

  it('business(juristicId) returns the registry record with its directors from citizen', async () => {
    const dopa = await hub.as(CALLERS.dopaWelfare);
    const person = await hub.query('{ person(nationalId: "1101700203450") { businesses { juristicId } } }', {}, dopa);
    const juristicId = person.data?.person.businesses[0].juristicId;
    const { data, errors } = await hub.query(
      `query ($id: ID!) { business(juristicId: $id) {
      juristicId nameTh status registeredOn province { code nameTh } directors { nationalId firstNameTh } } }`,
      { id: juristicId },
      dopa,
    );
    expect(errors).toBeUndefined();
    expect(data?.business.directors.map((d: { nationalId: string }) => d.nationalId)).toContain('1101700203450');
    expect(data?.business.directors[0].firstNameTh).toEqual(expect.any(String));
  });

  it('datasets(ownerCode, classification) filters the catalogue', async () => {
    const { data, errors } = await hub.query(
      '{ datasets(ownerCode: "DOPA", classification: PERSONAL) { id nameTh owner { code } classification readyToLink updateFrequency } }',
    );
    expect(errors).toBeUndefined();
    expect(data?.datasets.length).toBeGreaterThan(0);
    for (const dataset of data?.datasets ?? []) expect(dataset).toMatchObject({ owner: { code: 'DOPA' }, classification: 'PERSONAL' });
  });

  it('catalogSummary and waterDataSummary give the seed figures', async () => {
    const { data, errors } = await hub.query(`{ catalogSummary { agencies databases datasets readyToLink notReadyToLink }
      waterDataSummary { items linked preparing awaitingUpdate agencies } }`);
    expect(errors).toBeUndefined();
    expect(data?.catalogSummary).toEqual({ agencies: 134, databases: 849, datasets: 2812, readyToLink: 725, notReadyToLink: 2087 });
    expect(data?.waterDataSummary).toEqual({ items: 390, linked: 246, preparing: 113, awaitingUpdate: 31, agencies: 35 });
  });

  it('serves /healthz and /readyz', async () => {
    const base = hub.url.replace(/\/graphql$/, '');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', checks: { supergraph: true, database: true } });
  });

  it('answers malformed JSON with a GraphQL-shaped 400, not a 500', async () => {
    const response = await fetch(hub.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ errors: [expect.objectContaining({ extensions: { code: 'MALFORMED_JSON' } })] });
  });
});
