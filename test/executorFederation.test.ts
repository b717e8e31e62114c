import { startSubgraphServer, type RunningSubgraph } from './bench/federation/subgraphServer';
import { composeBenchSupergraph } from './bench/federation/supergraph';
import { FIXTURE_SUBGRAPHS } from './fixtures/federation/subgraphs';
import { writeFileSync } from 'node:fs';
import { ask, expectStockLike, startGatewayPairOnSupergraph, type GatewayPair } from './support/differential';
import { until } from './support/until';

// Differential tests of the lean executor on federation fixtures: each operation asked of a stock and a lean
// gateway on the same subgraphs must get the same data and errors (message, path, code, order).
let subgraphs: RunningSubgraph<string>[];
let pair: GatewayPair;

beforeAll(async () => {
  subgraphs = await Promise.all(FIXTURE_SUBGRAPHS.map((subgraph) => startSubgraphServer(subgraph)));
  pair = await startGatewayPairOnSupergraph(composeBenchSupergraph(subgraphs));
}, 60_000);

afterAll(async () => {
  await pair?.stop();
  await Promise.all(subgraphs?.map((subgraph) => subgraph.close()) ?? []);
});

const CASES: Record<string, { query: string; variables?: Record<string, unknown> }> = {
  'entities across three subgraphs': { query: '{ products { id name vendor { name country } reviews { stars author { name } } tags } }' },
  'a @requires chain (totalCost needs shippingCost, which needs price and weight)': {
    query: '{ products { id shippingCost totalCost } }',
  },
  '@provides on one root field, not on another': { query: '{ topSellers { id vendor { name } } products { vendor { name } } }' },
  'an interface entity with an @interfaceObject field': {
    query: '{ media { __typename id title rating ... on Book { pages } ... on Movie { minutes } } }',
  },
  'a union with fragments and aliases': {
    query:
      '{ found: search(text: "an") { __typename ... on Product { productName: name price } ... on Article { title related { id vendor { since } } } } }',
  },
  '@override with a label': { query: '{ products { id carrier } }' },
  'an @inaccessible field required by another subgraph, never shown': { query: '{ products { id parcelLabel } }' },
  'an @inaccessible field asked for directly (refused by both)': { query: '{ products { id sku } }' },
  'nested lists of entities, twice over': { query: '{ products { reviews { author { name reviews { product { name reviews { stars } } } } } } }' },
  'a null for a non-null field at the root list': { query: '{ users { name reviews { stars } } }' },
  'null bubbling from a nullable non-null field through an entity fetch': { query: '{ products { id vendor { id since } } }' },
  'a subgraph error inside an entity fetch': { query: '{ products { id trackingNote } }' },
  'a non-null violation in an entity fetch, bubbled to the root list': { query: '{ users { name } products { id insured vendor { since } } }' },
  'a short _entities answer': { query: '{ strictProducts { id shippingCost } }' },
  '@skip and @include by variable, default and literal': {
    query:
      'query ($withVendor: Boolean!, $noTags: Boolean = true) { products { id vendor @include(if: $withVendor) { name } tags @skip(if: $noTags) ... @include(if: false) { name } } }',
    variables: { withVendor: true },
  },
  'a plan condition (a whole fetch under @include)': {
    query: 'query ($deep: Boolean!) { products { id reviews @include(if: $deep) { body } } }',
    variables: { deep: false },
  },
  'named fragments, spread twice, and __typename everywhere': {
    query:
      'fragment P on Product { __typename id name vendor { __typename id } } { __typename a: product(id: "p1") { ...P } b: product(id: "p2") { ...P reviews { __typename } } missing: product(id: "none") { ...P } }',
  },
  'an argument by variable': { query: 'query ($id: ID!) { product(id: $id) { name totalCost } }', variables: { id: 'p4' } },
  'a variable of the wrong type': { query: 'query ($id: ID!) { product(id: $id) { name } }', variables: { id: { nested: true } } },
  'duplicate entities sent once, merged everywhere': { query: '{ products { vendor { products { id tags totalCost } } } }' },
  'duplicate entities that fail, one error for each': { query: '{ products { id vendor { id since country } } }' },
};

it.each(Object.entries(CASES))('%s', async (_, { query, variables }) => {
  await expectStockLike(pair, query, variables);
});

it('plans again when the supergraph changes: a cached operation follows an @override that lost its label', async () => {
  const query = '{ products { id carrier } }';
  const before = await expectStockLike(pair, query);
  expect((before.data as { products: { carrier: string }[] }).products[0].carrier).toBe('Kerry Express');
  const unlabelled = subgraphs.map((subgraph) => ({ ...subgraph, sdl: subgraph.sdl.replace(', label: "shipping-carrier"', '') }));
  writeFileSync(pair.supergraphFile as string, composeBenchSupergraph(unlabelled));
  for (const gateway of [pair.stock, pair.lean]) {
    await until(async () => (JSON.stringify(await ask(gateway.url, query)).includes('Thailand Post') ? true : undefined), 15_000);
  }
  await expectStockLike(pair, query);
}, 30_000);

it('ran every case on the lean executor itself (nothing fell back to stock)', async () => {
  const metrics = await (await fetch(pair.lean.url.replace(/\/graphql$/, '/metrics'))).text();
  expect(metrics).toContain('# TYPE govhub_executor_fallbacks_total counter');
  expect(metrics).not.toMatch(/govhub_executor_fallbacks_total\{/);
});
