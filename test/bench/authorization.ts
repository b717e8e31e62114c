import '@govhub/shared/dist/noTelemetry';
import { fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { personAt } from '@govhub/shared';
import type { BenchHubReady } from './hub';
import { percentile } from './stats';

/**
 * `npm run bench`: the same gateway with enforcement (authorization + exchange log) on and off, on the same
 * workload, in one run, alternating rounds so that machine noise hits both. Loopback only, bounded in time.
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const ROUND_SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const WARMUP_SECONDS = 3;

const PERSON = `query Welfare($id: ID!) { person(nationalId: $id) { firstNameTh lastNameTh
  address { province { code nameTh } } lowIncomeRegistration { status } healthCoverage { scheme } } }`;
const DASHBOARD = `query Dashboard($code: ID!) { province(code: $code) { nameTh population
  waterSituation { floodStatus } activeWarnings { hazard severity } businessCount } }`;

interface RoundResult {
  mode: 'enforced' | 'unenforced';
  requests: number;
  errors: number;
  seconds: number;
  latencies: number[];
}

async function round(mode: RoundResult['mode'], url: string, token: string, people: number, seconds: number): Promise<RoundResult> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  const worker = async () => {
    while (performance.now() < deadline) {
      const n = next++;
      const body =
        n % 2 === 0
          ? { query: PERSON, variables: { id: personAt(n % people).nationalId } }
          : { query: DASHBOARD, variables: { code: personAt(n % people).provinceCode } };
      const sent = performance.now();
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
      const result = (await response.json()) as { errors?: unknown[] };
      latencies.push(performance.now() - sent);
      if (response.status !== 200 || result.errors) errors++;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { mode, requests: latencies.length, errors, seconds: (performance.now() - started) / 1000, latencies };
}

function summarise(results: RoundResult[], mode: RoundResult['mode']) {
  const rounds = results.filter((result) => result.mode === mode);
  const latencies = rounds.flatMap((result) => result.latencies).sort((a, b) => a - b);
  const requests = rounds.reduce((sum, result) => sum + result.requests, 0);
  const seconds = rounds.reduce((sum, result) => sum + result.seconds, 0);
  return {
    mode,
    requests,
    errors: rounds.reduce((sum, result) => sum + result.errors, 0),
    rps: requests / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

async function main(): Promise<void> {
  const hub = fork(join(__dirname, 'hub.js'), [], { env: { ...process.env, LOG_LEVEL: 'error' } });
  const ready = await new Promise<BenchHubReady>((resolve, reject) => {
    hub.on('message', (message: BenchHubReady) => message.type === 'ready' && resolve(message));
    hub.once('exit', (code) => reject(new Error(`bench hub exited with ${code}`)));
  });
  console.error(`hub ready (${ready.people} people); ${ROUNDS} rounds x ${ROUND_SECONDS}s per mode, ${CONCURRENCY} concurrent`);
  // Warm both paths (JIT, plan caches, connection pools) before anything is measured.
  for (let i = 0; i < 2; i++) {
    await round('enforced', ready.enforced, ready.token, ready.people, WARMUP_SECONDS);
    await round('unenforced', ready.unenforced, ready.token, ready.people, WARMUP_SECONDS);
  }
  const results: RoundResult[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    for (const mode of ['enforced', 'unenforced'] as const) {
      const result = await round(mode, ready[mode], ready.token, ready.people, ROUND_SECONDS);
      console.error(`round ${i + 1} ${mode}: ${(result.requests / result.seconds).toFixed(0)} req/s, ${result.errors} errors`);
      results.push(result);
    }
  }
  hub.disconnect();
  const enforced = summarise(results, 'enforced');
  const unenforced = summarise(results, 'unenforced');
  const ratio = enforced.rps / unenforced.rps;
  // Per pair of neighbouring rounds too: the median ratio is less sensitive to one noisy round.
  const pairRatios = results
    .filter((r) => r.mode === 'enforced')
    .map((r, i) => {
      const other = results.filter((o) => o.mode === 'unenforced')[i];
      return r.requests / r.seconds / (other.requests / other.seconds);
    })
    .sort((a, b) => a - b);
  const medianRatio = pairRatios[Math.floor(pairRatios.length / 2)];
  const rows = [enforced, unenforced].map(
    (s) =>
      `| ${s.mode.padEnd(10)} | ${s.rps.toFixed(0).padStart(7)} | ${s.p50.toFixed(1).padStart(7)} | ${s.p99.toFixed(1).padStart(7)} | ${String(s.errors).padStart(6)} |`,
  );
  console.log(
    [
      '',
      '| gateway    |   req/s | p50 ms  | p99 ms  | errors |',
      '|------------|---------|---------|---------|--------|',
      ...rows,
      '',
      `enforcement (authorization + exchange log) keeps ${(ratio * 100).toFixed(1)}% of the unenforced throughput: cost ${((1 - ratio) * 100).toFixed(1)}%`,
      `per round pair: ${pairRatios.map((r) => `${(r * 100).toFixed(1)}%`).join(', ')} (median ${(medianRatio * 100).toFixed(1)}%)`,
    ].join('\n'),
  );
  const dir = join(__dirname, '..', '..', 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'authorization.json'),
    JSON.stringify(
      {
        at: new Date().toISOString(),
        concurrency: CONCURRENCY,
        rounds: ROUNDS,
        roundSeconds: ROUND_SECONDS,
        enforced,
        unenforced,
        ratio,
        pairRatios,
        medianRatio,
      },
      null,
      2,
    ),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
