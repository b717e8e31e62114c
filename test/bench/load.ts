import '@govhub/shared/dist/noTelemetry';
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PEOPLE, personAt } from '@govhub/shared';
import { devSigningKey, mintToken } from '@govhub/gateway';
import { exited, startHubProcess } from '../support/cli';
import { percentile } from './stats';

/**
 * `npm run bench` (second part): the hub as `npm start` runs it (nine processes, embedded PostgreSQL) under a
 * mixed load for `LOAD_SECONDS` (60 by default) from `LOAD_CONCURRENCY` clients on loopback: agencies reading
 * personal records, anonymous province dashboards, citizens reading their own data. It must hold with no errors and
 * flat memory; it reports requests per second, latency percentiles and the gateway's resident memory.
 */
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const CONCURRENCY = Number(process.env.LOAD_CONCURRENCY ?? 32);
const WARMUP_SECONDS = 5;
const PEOPLE = 3000;

const PERSON = 'query Welfare($id: ID!) { person(nationalId: $id) { firstNameTh address { province { nameTh } } healthCoverage { scheme } } }';
const DASHBOARD =
  'query Dashboard($code: ID!) { province(code: $code) { nameTh population waterSituation { floodStatus } activeWarnings { hazard } businessCount } }';
const ME = 'query Me { me { firstNameTh businesses { nameTh } } }';

/** The gateway process's resident set, from /proc (Linux). */
function rssMegabytes(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((candidate) => candidate.startsWith('VmRSS:'));
  return Number(line?.replace(/\D+/g, '') ?? 0) / 1024;
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'govhub-load-'));
  await chmod(dir, 0o755);
  const hub = await startHubProcess(
    {
      GOVHUB_DATA_DIR: join(dir, 'pgdata'),
      GOVHUB_SUBGRAPH_PORTS: 'auto',
      PORT: '0',
      GOVHUB_SEED_PEOPLE: String(PEOPLE),
    },
    180_000,
  );
  const key = await devSigningKey();
  const agency = `Bearer ${await mintToken(key, { sub: 'dopa-load', agency: 'DOPA', purpose: 'WELFARE_ELIGIBILITY', scope: ['agency', 'personal:read', 'sensitive:read'], ttl: '1h' })}`;
  const citizens = await Promise.all(
    DEMO_PEOPLE.map(async (person) => `Bearer ${await mintToken(key, { sub: person.nationalId, scope: ['citizen:self'], ttl: '1h' })}`),
  );

  const latencies: number[] = [];
  const failures = new Map<string, number>();
  let next = 0;
  const request = async () => {
    const n = next++;
    const [body, authorization] =
      n % 3 === 0
        ? [{ query: PERSON, variables: { id: personAt(n % PEOPLE).nationalId } }, agency]
        : n % 3 === 1
          ? [{ query: DASHBOARD, variables: { code: personAt(n % PEOPLE).provinceCode } }, undefined]
          : [{ query: ME }, citizens[n % citizens.length]];
    const sent = performance.now();
    const response = await fetch(hub.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify(body),
    }).catch((error: Error) => ({ status: 0, json: async () => ({ errors: [{ message: error.message }] }) }));
    const result = (await response.json()) as { errors?: { message: string }[] };
    latencies.push(performance.now() - sent);
    if (response.status !== 200 || result.errors) {
      const reason = `${response.status} ${result.errors?.[0]?.message ?? ''}`.slice(0, 120);
      failures.set(reason, (failures.get(reason) ?? 0) + 1);
    }
  };
  const run = async (seconds: number, onSecond: (second: number) => void) => {
    const deadline = performance.now() + seconds * 1000;
    const ticker = setInterval(() => onSecond(Math.round((seconds * 1000 - (deadline - performance.now())) / 1000)), 1000);
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (performance.now() < deadline) await request();
      }),
    );
    clearInterval(ticker);
  };

  console.error(`hub ready (${PEOPLE} people, pid ${hub.process.pid}); warming up ${WARMUP_SECONDS} s`);
  await run(WARMUP_SECONDS, () => undefined);
  latencies.length = 0;
  failures.clear();
  const rss: number[] = [];
  const started = performance.now();
  await run(SECONDS, (second) => {
    rss.push(rssMegabytes(hub.process.pid!));
    if (second % 10 === 0) console.error(`${second} s: ${latencies.length} requests, RSS ${rss[rss.length - 1].toFixed(0)} MB`);
  });
  const elapsed = (performance.now() - started) / 1000;
  hub.process.kill('SIGINT');
  await exited(hub.process);
  await rm(dir, { recursive: true, force: true });

  const sorted = [...latencies].sort((a, b) => a - b);
  const errors = [...failures.values()].reduce((sum, count) => sum + count, 0);
  // Flat memory: the last ten seconds' RSS against seconds 20 to 30. The first 20 s fill the caches (query plans,
  // authorization analyses, signed identities), the JIT and the connection pools; after that it must hold.
  const average = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(values.length, 1);
  const early = average(rss.slice(20, 30));
  const late = average(rss.slice(-10));
  const summary = {
    at: new Date().toISOString(),
    seconds: elapsed,
    concurrency: CONCURRENCY,
    requests: latencies.length,
    errors,
    rps: latencies.length / elapsed,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    peakRssMb: Math.max(...rss),
    rssEarlyMb: early,
    rssLateMb: late,
    rssGrowth: late / early - 1,
    rssBySecondMb: rss.map(Math.round),
    failures: Object.fromEntries(failures),
  };
  console.log(
    [
      '',
      '| load | req/s | p50 ms | p95 ms | p99 ms | errors | peak RSS MB | RSS 20-30 s → last 10 s |',
      '|------|-------|--------|--------|--------|--------|-------------|-------------------------|',
      `| ${SECONDS} s x ${CONCURRENCY} | ${summary.rps.toFixed(0)} | ${summary.p50.toFixed(1)} | ${summary.p95.toFixed(1)} | ${summary.p99.toFixed(1)} | ${errors} | ${summary.peakRssMb.toFixed(0)} | ${early.toFixed(0)} → ${late.toFixed(0)} MB (${(summary.rssGrowth * 100).toFixed(1)}%) |`,
      ...(errors ? ['', 'errors:', ...[...failures].map(([reason, count]) => `  ${count} x ${reason}`)] : []),
    ].join('\n'),
  );
  const results = join(__dirname, '..', '..', 'bench', 'results');
  mkdirSync(results, { recursive: true });
  writeFileSync(join(results, 'load.json'), JSON.stringify(summary, null, 2));
  // A load test that errs or grows is a failed benchmark, not a report.
  if (errors > 0 || summary.rssGrowth > 0.15) process.exit(1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
