import { CALLERS, startTestHub, type TestHub } from './support/hub';

/** The cross-domain questions of docs/domains.md (cross-domain questions), each answered in one request. */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
}, 120_000);
afterAll(() => hub?.stop());

it("1. low-income citizen: welfare, health, the province's flood status and warnings, and the businesses they direct", async () => {
  // The query of docs/domains.md (cross-domain questions), as written there.
  const { data, errors } = await hub.query(
    `query($id: ID!) { person(nationalId: $id) {
    firstNameTh lowIncomeRegistration { status } healthCoverage { scheme }
    address { province { code nameTh waterSituation { floodStatus }
      activeWarnings { hazard severity } } }
    businesses { juristicId nameTh } } }`,
    { id: '1101700203450' },
    await hub.as(CALLERS.dopaWelfare),
  );
  expect(errors).toBeUndefined();
  expect(data?.person.lowIncomeRegistration.status).toEqual(expect.any(String));
  expect(data?.person.healthCoverage.scheme).toEqual(expect.any(String));
  expect(data?.person.address.province.waterSituation.floodStatus).toEqual(expect.any(String));
  expect(Array.isArray(data?.person.address.province.activeWarnings)).toBe(true);
  expect(data?.person.businesses.length).toBeGreaterThanOrEqual(1);
});

it('1b. the Phayao farmer lives under an active flood warning', async () => {
  const { data, errors } = await hub.query(
    `{ person(nationalId: "5601200333441") { farmer { plots { crop } }
    address { province { code activeWarnings { hazard severity } } } } }`,
    {},
    await hub.as(CALLERS.dopaWelfare),
  );
  expect(errors).toBeUndefined();
  expect(data?.person.farmer.plots.length).toBeGreaterThan(0);
  expect(data?.person.address.province.code).toBe('56');
  expect(data?.person.address.province.activeWarnings).toEqual(expect.arrayContaining([expect.objectContaining({ hazard: 'FLOOD' })]));
});

it('2. province dashboard: water and 7-day rain, warnings, tourism, businesses, NGIS layers', async () => {
  const { data, errors } = await hub.query(`{ province(code: "84") { nameTh
    waterSituation { floodStatus droughtStatus asOf } rainForecast { days { date rainfallMm } }
    activeWarnings { hazard severity status } tourismStatistics { period arrivals foreignArrivals }
    businessCount geoLayers { id nameTh } } }`);
  expect(errors).toBeUndefined();
  expect(data?.province.rainForecast.days).toHaveLength(7);
  expect(data?.province.tourismStatistics.length).toBeGreaterThan(0);
  expect(data?.province.businessCount).toBeGreaterThanOrEqual(0);
  expect(data?.province.geoLayers.length).toBeGreaterThan(0);
});

it("3. disaster event: affected provinces, their telemetry and population, and the victims' assistance", async () => {
  const { data, errors } = await hub.query(
    `{ disasterEvents(hazard: FLOOD, provinceCode: "84", first: 1) { id hazard startedAt
    provinces { code population telemetryStations { id observations(last: 1) { rainfallMm waterLevelM } } }
    victims(first: 10) { person { nationalId } assistance { kind amountBaht } } } }`,
    {},
    await hub.as(CALLERS.dopaWelfare),
  );
  expect(errors).toBeUndefined();
  expect(data?.disasterEvents.length).toBeGreaterThan(0);
  const event = data?.disasterEvents[0];
  expect(event.provinces.map((p: { code: string }) => p.code)).toContain('84');
  expect(event.provinces[0].population).toBeGreaterThan(0);
  const received = await hub.query(
    '{ person(nationalId: "8410100555669") { disasterAssistance { kind amountBaht } } }',
    {},
    await hub.as(CALLERS.dopaWelfare),
  );
  expect(received.errors).toBeUndefined();
  expect(received.data?.person.disasterAssistance.length).toBeGreaterThan(0);
});

it('4. Tang Rat without copies: services that need only the ID card, and their required documents', async () => {
  const { data, errors } = await hub.query(
    '{ governmentServices(singleIdCardOnly: true) { nameTh singleIdCard requiredDocuments { nameTh readiness } } }',
  );
  expect(errors).toBeUndefined();
  expect(data?.governmentServices).toHaveLength(34);
});

it('7. tourism: arrivals with the licences of tour businesses', async () => {
  const { data, errors } = await hub.query(
    '{ province(code: "83") { nameEn tourismStatistics { arrivals } businesses(first: 5) { juristicId tourBusinessLicences { licenceNo } } } }',
  );
  expect(errors).toBeUndefined();
  expect(data?.province.tourismStatistics.length).toBeGreaterThan(0);
});
