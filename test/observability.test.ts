import { createServer, type Server } from 'node:http';
import { DEMO_PEOPLE } from '@govhub/shared';
import { CALLERS, startTestHub, type TestHub } from './support/hub';
import { until } from './support/until';

/**
 * What an operator sees: Prometheus metrics of requests, subgraph calls, authorization, circuits and the exchange
 * log; OpenTelemetry traces sent to the configured OTLP endpoint (a collector on loopback here) and nowhere else.
 */
let hub: TestHub;
let collector: Server;
const exported: { path: string; body: string }[] = [];

beforeAll(async () => {
  collector = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      exported.push({ path: request.url ?? '', body });
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
  const { port } = collector.address() as { port: number };
  process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT = `http://127.0.0.1:${port}/v1/traces`;
  hub = await startTestHub();
}, 120_000);
afterAll(async () => {
  delete process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  await hub?.stop();
  collector?.close();
});

const metrics = async () => (await fetch(hub.url.replace('/graphql', '/metrics'))).text();
/** The value of one sample, e.g. `govhub_graphql_requests_total{operation="X",outcome="ok"}`; 0 when absent. */
const sample = (text: string, series: string) => {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
};

it('counts requests and latency by operation, and authorization decisions by classification', async () => {
  const before = await metrics();
  const dashboard = 'query ProvinceDashboard { province(code: "10") { nameEn waterSituation { floodStatus } } }';
  for (let i = 0; i < 3; i++) expect((await hub.query(dashboard)).errors).toBeUndefined();
  const denied = await hub.query(`query Snoop { person(nationalId: "${DEMO_PEOPLE[0].nationalId}") { firstNameTh } }`);
  expect(denied.errors?.[0].extensions?.code).toBe('UNAUTHORIZED_FIELD_OR_TYPE');
  const after = await metrics();

  const delta = (series: string) => sample(after, series) - sample(before, series);
  expect(delta('govhub_graphql_requests_total{operation="ProvinceDashboard",outcome="ok"}')).toBe(3);
  expect(delta('govhub_graphql_request_duration_seconds_count{operation="ProvinceDashboard"}')).toBe(3);
  expect(delta('govhub_authorization_decisions_total{classification="PERSONAL",outcome="denied"}')).toBeGreaterThanOrEqual(1);
  expect(delta('govhub_authorization_decisions_total{classification="PUBLIC",outcome="granted"}')).toBeGreaterThanOrEqual(3);
  expect(delta('govhub_subgraph_fetch_duration_seconds_count{domain="water"}')).toBeGreaterThanOrEqual(3);
  expect(sample(after, 'govhub_subgraph_circuit_state{domain="water"}')).toBe(0);
  expect(after).toContain('govhub_process_resident_memory_bytes');
});

it('counts exchange-log writes', async () => {
  const before = sample(await metrics(), 'govhub_exchange_log_entries_total');
  const { data } = await hub.query(`{ person(nationalId: "${DEMO_PEOPLE[0].nationalId}") { firstNameTh } }`, {}, await hub.as(CALLERS.dopaWelfare));
  expect(data?.person).toBeTruthy();
  const [{ count }] = await hub.subgraphs.governance.db.query<{ count: number }>('SELECT count(*)::int AS count FROM governance.exchange_log');
  expect(count).toBeGreaterThan(0);
  expect(sample(await metrics(), 'govhub_exchange_log_entries_total')).toBeGreaterThan(before);
});

it('counts failed subgraph calls by domain and code', async () => {
  await hub.subgraphs.tourism.stop();
  const { errors } = await hub.query('{ province(code: "10") { nameEn tourismStatistics { period } } }');
  expect(errors?.[0].extensions?.code).toBe('SUBGRAPH_UNAVAILABLE');
  expect(sample(await metrics(), 'govhub_subgraph_fetch_errors_total{domain="tourism",code="SUBGRAPH_UNAVAILABLE"}')).toBeGreaterThanOrEqual(1);
});

it("exports the gateway's spans to the configured OTLP endpoint", async () => {
  await hub.query('query Traced { province(code: "50") { nameEn } }');
  const traces = await until(async () => {
    const found = exported.filter((request) => request.path === '/v1/traces' && request.body.includes('gateway.request'));
    return found.length > 0 ? found : undefined;
  }, 10_000);
  expect(traces[0].body).toContain('govhub-gateway');
}, 20_000);
