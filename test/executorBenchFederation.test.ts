import { startBenchSubgraphs, type BenchSubgraphs } from './bench/federation/subgraphs';
import { composeBenchSupergraph } from './bench/federation/supergraph';
import { classifiedSdl } from './bench/federation/classifiedSdl';
import { answerBytes, EXPECTED_RESPONSE_BYTES, EXPECTED_RESPONSE_SHA256, sha256, TEST_QUERY, TEST_QUERY_BODY } from './bench/federation/testQuery';
import { expectStockLike, startGatewayPairOnSupergraph, type GatewayPair } from './support/differential';

// The federation benchmark's TestQuery through the lean executor: the same 87,599 bytes as through stock.
let subgraphs: BenchSubgraphs;
let pair: GatewayPair;

beforeAll(async () => {
  subgraphs = await startBenchSubgraphs();
  pair = await startGatewayPairOnSupergraph(composeBenchSupergraph(subgraphs.subgraphs.map((s) => ({ ...s, sdl: classifiedSdl(s.sdl) }))));
}, 60_000);

afterAll(async () => {
  await pair?.stop();
  await subgraphs?.stop();
});

it("answers the TestQuery through the lean executor with the benchmark's 87,599 bytes", async () => {
  const response = await fetch(pair.lean.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: TEST_QUERY_BODY });
  const body = answerBytes(Buffer.from(await response.arrayBuffer()));
  expect(response.status).toBe(200);
  expect({ bytes: body.length, sha256: sha256(body) }).toEqual({ bytes: EXPECTED_RESPONSE_BYTES, sha256: EXPECTED_RESPONSE_SHA256 });
}, 20_000);

it('answers the TestQuery and its parts as the stock executor does', async () => {
  await expectStockLike(pair, TEST_QUERY);
  await expectStockLike(pair, '{ topProducts(first: 9) { upc shippingEstimate inStock } }');
  await expectStockLike(pair, '{ me { id username reviews { body product { upc name reviews { author { username } } } } } }');
});

it('leaves introspection and query-plan requests to the stock executor, counted by reason', async () => {
  await expectStockLike(pair, '{ __schema { queryType { name } } __typename }');
  // @defer is not in this API schema: both refuse it at validation, before any executor runs.
  expect((await expectStockLike(pair, '{ topProducts { upc ... @defer { name } } }')).status).toBe(400);
  await expectStockLike(pair, '{ topProducts(first: 2) { upc } }', undefined, { 'apollo-query-plan-experimental': '1' });
  const metrics = await (await fetch(pair.lean.url.replace(/\/graphql$/, '/metrics'))).text();
  expect(metrics).toMatch(/govhub_executor_fallbacks_total\{reason="introspection"\} 1\b/);
  expect(metrics).toMatch(/govhub_executor_fallbacks_total\{reason="query-plan-header"\} 1\b/);
});
