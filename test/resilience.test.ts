import { startTestHub, type TestHub } from './support/hub';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
}, 120_000);
afterAll(() => hub?.stop());

it('a subgraph that is down yields partial data and an error naming its domain', async () => {
  await hub.subgraphs.water.stop();
  const { status, data, errors } = await hub.query('{ province(code: "10") { code nameTh waterSituation { floodStatus } businessCount } }');
  expect(status).toBe(200);
  expect(data?.province).toMatchObject({ code: '10', nameTh: 'กรุงเทพมหานคร', waterSituation: null });
  expect(data?.province.businessCount).toEqual(expect.any(Number));
  expect(errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'SUBGRAPH_UNAVAILABLE', domain: 'water' }) })]);
  expect(errors?.[0].message).toContain('water');
});
