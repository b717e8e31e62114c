import { DEMO_AGENCY_CALLERS, tokenCommand, type DemoAgencyCaller } from '../auth/demoIdentities';

/** Who an example runs as: anonymous, the first demo citizen, or a demo agency caller (README "Demo identities"). */
export type ExampleCaller = 'anonymous' | 'citizen' | DemoAgencyCaller;

export interface Example {
  title: string;
  query: string;
  variables?: Record<string, unknown>;
  caller: ExampleCaller;
}

export const EXAMPLE_CITIZEN = '1101700203450';

/** The token command for each caller, as the docs print it. */
export function callerTokenCommand(caller: ExampleCaller): string | null {
  if (caller === 'anonymous') return null;
  if (caller === 'citizen') return tokenCommand({ sub: EXAMPLE_CITIZEN, scope: ['citizen:self'] });
  return tokenCommand(DEMO_AGENCY_CALLERS[caller]);
}

/**
 * Example operations per built-in domain, shown on its docs page with a link that opens them in the IDE.
 * `test/docs.test.ts` runs every one as its caller against the hub: an example that stops working fails CI.
 */
export const EXAMPLES: Readonly<Record<string, readonly Example[]>> = {
  governance: [
    {
      title: 'The dataset catalogue survey, as the seeds report it',
      caller: 'anonymous',
      query: 'query CatalogueSurvey {\n  catalogSummary { agencies databases datasets readyToLink notReadyToLink readyPercent }\n}',
    },
    {
      title: 'A province and the agencies of a ministry',
      caller: 'anonymous',
      query:
        'query ProvinceAndMinistry {\n  province(code: "56") { code nameTh nameEn region }\n  ministry(code: "MOI") { nameTh agencies { code nameEn } }\n}',
    },
  ],
  citizen: [
    {
      title: 'My own record (a citizen signed in)',
      caller: 'citizen',
      query: 'query Me {\n  me { firstNameTh lastNameTh dateOfBirth address { province { nameTh } } }\n}',
    },
    {
      title: "A person's record for welfare eligibility (DOPA, under its agreements)",
      caller: 'dopaWelfare',
      query:
        'query Welfare($id: ID!) {\n  person(nationalId: $id) {\n    firstNameTh lowIncomeRegistration { status } healthCoverage { scheme }\n  }\n}',
      variables: { id: '1101700203450' },
    },
  ],
  water: [
    {
      title: "A province's water situation and rain forecast",
      caller: 'anonymous',
      query:
        'query ProvinceWater {\n  province(code: "56") { nameEn waterSituation { floodStatus droughtStatus asOf } rainForecast { days { date rainfallMm } } }\n}',
    },
    {
      title: 'The water data warehouse',
      caller: 'anonymous',
      query: 'query WaterWarehouse {\n  waterDataSummary { items linked preparing awaitingUpdate agencies asOf }\n}',
    },
  ],
  security: [
    {
      title: 'What security databases exist, and on what terms (any agency)',
      caller: 'agency',
      query: 'query SecurityCatalogue {\n  securityDatabaseCatalog { nameTh owner { code } secrecyLevel sharingMode }\n}',
    },
    {
      title: 'Security incidents in a province (need-to-know)',
      caller: 'nscSecurity',
      query: 'query Incidents {\n  securityIncidents(provinceCode: "94", first: 5) { occurredAt category province { nameTh } }\n}',
    },
  ],
  resources: [
    {
      title: 'National geographic information: core layers done',
      caller: 'anonymous',
      query: 'query Ngis {\n  ngisSummary { coreLayersDone coreLayersPlanned donePercent agencies reportedOn }\n}',
    },
    { title: 'Special economic zones', caller: 'anonymous', query: 'query Zones {\n  specialEconomicZones { id nameTh }\n}' },
  ],
  disaster: [
    {
      title: 'Active warnings in a province',
      caller: 'anonymous',
      query: 'query Warnings {\n  warnings(provinceCode: "84", first: 5) { hazard severity area status issuedAt }\n}',
    },
    {
      title: 'A flood and the provinces it struck',
      caller: 'anonymous',
      query: 'query Flood {\n  disasterEvents(hazard: FLOOD, provinceCode: "84", first: 1) { nameEn startedAt provinces { nameTh population } }\n}',
    },
  ],
  tourism: [
    {
      title: "A province's visitors in 2560",
      caller: 'anonymous',
      query: 'query Visitors {\n  tourismStatistics(provinceCode: "50", period: "2017") { period arrivals foreignArrivals revenueBaht }\n}',
    },
  ],
  business: [
    {
      title: 'A business and its directors (personal data: DOPA under its agreement)',
      caller: 'dopaWelfare',
      query: 'query Business {\n  businesses(provinceCode: "10", first: 2) { juristicId nameTh directors { firstNameTh } }\n}',
    },
    { title: 'Commodity prices', caller: 'anonymous', query: 'query Prices {\n  commodityPrices(first: 5) { nameTh month priceBaht unit }\n}' },
  ],
};
