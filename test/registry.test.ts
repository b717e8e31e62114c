import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { SubgraphRegistry } from '@govhub/gateway/dist/registry/registry';
import { startTestHub, type TestHub } from './support/hub';

/** The supergraph follows the registry: a publish is live without a restart; a broken one never goes live. */
let hub: TestHub;
let education: { url: string; stop(): Promise<void> };
beforeAll(async () => {
  hub = await startTestHub();
  education = await startEducationSubgraph();
}, 120_000);
afterAll(async () => {
  await education?.stop();
  await hub?.stop();
});

const EDUCATION = (fields: string) => `
extend schema
  @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key", "@composeDirective"])
  @link(url: "https://govhub.go.th/spec/classification/v0.1", import: ["@classified"])
  @composeDirective(name: "@classified")
directive @classified(level: Classification!, dataset: String) on FIELD_DEFINITION
enum Classification { PUBLIC INTERNAL PERSONAL SENSITIVE SECRET }
type Province @key(fields: "code") {
  code: ID! @classified(level: PUBLIC)
  ${fields}
}`;
const CLASSIFIED = 'schoolCount: Int @classified(level: PUBLIC)';

async function startEducationSubgraph() {
  const server = new ApolloServer({
    schema: buildSubgraphSchema({
      typeDefs: parse(EDUCATION(CLASSIFIED)),
      resolvers: { Province: { __resolveReference: ({ code }: { code: string }) => ({ code, schoolCount: Number(code) * 10 }) } } as never,
    }),
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  return { url, stop: () => server.stop() };
}

async function readiness() {
  return (await (await fetch(hub.url.replace('/graphql', '/readyz'))).json()) as { supergraph: { live: string[]; lastError: string | null } };
}

async function until<T>(probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

it('registers the built-in subgraphs at first start', async () => {
  expect((await readiness()).supergraph.live).toEqual(
    ['business@1', 'citizen@1', 'disaster@1', 'governance@1', 'resources@1', 'security@1', 'tourism@1', 'water@1'],
  );
});

it('serves a newly published subgraph within 5 seconds, without a restart', async () => {
  const registry = new SubgraphRegistry(hub.subgraphs.governance.db);
  const started = Date.now();
  await registry.publish({ name: 'education', owner: 'OBEC', url: education.url, sdl: EDUCATION(CLASSIFIED), publishedBy: 'obec-officer' });
  const count = await until(async () => {
    const { data } = await hub.query('{ province(code: "56") { nameEn schoolCount } }');
    return data?.province?.schoolCount ?? undefined;
  }, 5_000);
  expect(count).toBe(560);
  console.info(`publish to live: ${Date.now() - started} ms`);
  expect((await readiness()).supergraph.live).toContain('education@1');
});

it('keeps the last good supergraph when the registry holds a version that does not compose, and says why', async () => {
  const registry = new SubgraphRegistry(hub.subgraphs.governance.db);
  await registry.publish({ name: 'education', owner: 'OBEC', url: education.url, sdl: EDUCATION('schoolCount: Int'), publishedBy: 'obec-officer' });
  const status = await until(async () => {
    const { supergraph } = await readiness();
    return supergraph.lastError ? supergraph : undefined;
  }, 5_000);
  expect(status.lastError).toContain('UNCLASSIFIED_FIELD');
  expect(status.live).toContain('education@1');
  const { data, errors } = await hub.query('{ province(code: "10") { schoolCount } }');
  expect(errors).toBeUndefined();
  expect(data?.province.schoolCount).toBe(100);
});
