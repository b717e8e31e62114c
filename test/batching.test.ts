import { startTestHub, type TestHub } from './support/hub';

/** N+1 is a bug: the dashboard over all 77 provinces costs the same SQL statements as over a handful. */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
}, 120_000);
afterAll(() => hub?.stop());

const DASHBOARD = `query ($region: Region) { provinces(region: $region) { code nameTh population
  waterSituation { floodStatus droughtStatus } activeWarnings { hazard severity }
  tourismStatistics { arrivals } businessCount } }`;

async function statementsFor(region: string | null): Promise<{ provinces: number; statements: number }> {
  const before = hub.statementCount();
  const { data, errors } = await hub.query(DASHBOARD, { region });
  expect(errors).toBeUndefined();
  return { provinces: data?.provinces.length, statements: hub.statementCount() - before };
}

it('counts the same statements for 77 provinces as for one region', async () => {
  const all = await statementsFor(null);
  const west = await statementsFor('WEST');
  expect(all.provinces).toBe(77);
  expect(west.provinces).toBeLessThan(10);
  expect(all.statements).toBe(west.statements);
  // provinces + population + water + warnings + tourism + business: a handful, not hundreds
  expect(all.statements).toBeLessThanOrEqual(8);
});
