import { startStockApolloGateway } from './bench/federation/apolloGateway';
import { startBenchSubgraphs, type BenchSubgraphs } from './bench/federation/subgraphs';
import { composeBenchSupergraph } from './bench/federation/supergraph';
import { answerBytes, EXPECTED_RESPONSE_BYTES, EXPECTED_RESPONSE_SHA256, sha256, TEST_QUERY_BODY } from './bench/federation/testQuery';

// The federation benchmark's subgraphs re-implement the public benchmark's: its TestQuery must keep answering the
// very bytes the public one does, or the benchmark measures something else.
let subgraphs: BenchSubgraphs;
let gateway: { url: string; stop(): Promise<void> };

beforeAll(async () => {
  subgraphs = await startBenchSubgraphs();
  gateway = await startStockApolloGateway(composeBenchSupergraph(subgraphs.subgraphs), 0);
});

afterAll(async () => {
  await gateway?.stop();
  await subgraphs?.stop();
});

it("answers the TestQuery through stock @apollo/gateway with the benchmark's 87,599 bytes", async () => {
  const response = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: TEST_QUERY_BODY });
  const body = answerBytes(Buffer.from(await response.arrayBuffer()));
  expect(response.status).toBe(200);
  expect({ bytes: body.length, sha256: sha256(body) }).toEqual({ bytes: EXPECTED_RESPONSE_BYTES, sha256: EXPECTED_RESPONSE_SHA256 });
}, 20_000);

it('keeps the shipping estimate null, as the public benchmark answers', async () => {
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ topProducts(first: 9) { upc shippingEstimate } }' }),
  });
  const { data } = (await response.json()) as { data: { topProducts: { shippingEstimate: number | null }[] } };
  expect(data.topProducts.map((product) => product.shippingEstimate)).toEqual(Array(9).fill(null));
});

it('compares answers without a trailing newline or an extensions entry, but never with errors', async () => {
  const response = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: TEST_QUERY_BODY });
  const exact = answerBytes(Buffer.from(await response.arrayBuffer()));
  const data = exact.subarray(0, exact.length - 1);
  const withExtensions = Buffer.concat([data, Buffer.from(',"extensions":{"cost":{"requested":1}}}\n')]);
  const withErrors = Buffer.concat([data, Buffer.from(',"errors":[{"message":"x"}]}')]);
  expect(sha256(answerBytes(withExtensions))).toBe(EXPECTED_RESPONSE_SHA256);
  expect(answerBytes(withErrors).length).not.toBe(EXPECTED_RESPONSE_BYTES);
});
