import '@govhub/shared/dist/noTelemetry';
import { fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { machineInfo, machineLines } from './federation/machine';
import type { BenchHubReady } from './hub';
import { enforcementFailures, ExchangeLogCounter, hubRequest, WORKLOADS, type Workload } from './hubWorkloads';
import { percentile } from './stats';

/**
 * `npm run bench`: the same gateway with enforcement (authorization + exchange log) on and off, on the hub's own
 * workloads (hubWorkloads.ts), in one run, alternating rounds so that machine noise hits both. Before measuring it
 * checks that the enforced gateway denies what it must and logs what it releases; every enforced round must then
 * have written exchange-log entries for its personal reads and every unenforced round none. It exits non-zero
 * when any check fails. Loopback only, bounded in time. BENCH_ROUNDS, BENCH_SECONDS, BENCH_CONCURRENCY change it.
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const ROUND_SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const WARMUP_SECONDS = 3;
const RESULTS = join(__dirname, '..', '..', 'bench', 'results');

type Mode = 'enforced' | 'unenforced';

interface RoundResult {
  mode: Mode;
  requests: number;
  /** Requests that read personal data (agency and citizen), each of which the enforced gateway must log. */
  personalReads: number;
  errors: number;
  seconds: number;
  latencies: number[];
  exchangeLogEntries: number;
}

async function round(mode: Mode, ready: BenchHubReady, seconds: number, log: ExchangeLogCounter): Promise<RoundResult> {
  const url = ready[mode];
  const latencies: number[] = [];
  const served: Record<Workload, number> = { agency: 0, dashboard: 0, citizen: 0 };
  let errors = 0;
  let next = 0;
  const entriesBefore = await log.count();
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  const worker = async () => {
    while (performance.now() < deadline) {
      const request = hubRequest(next++, ready);
      const sent = performance.now();
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(request.authorization ? { authorization: request.authorization } : {}) },
        body: request.body,
      });
      const result = (await response.json()) as { errors?: unknown[] };
      latencies.push(performance.now() - sent);
      served[request.workload]++;
      if (response.status !== 200 || result.errors) errors++;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const elapsed = (performance.now() - started) / 1000;
  const exchangeLogEntries = (await log.count()) - entriesBefore;
  return { mode, requests: latencies.length, personalReads: served.agency + served.citizen, errors, seconds: elapsed, latencies, exchangeLogEntries };
}

function summarise(results: RoundResult[], mode: Mode) {
  const rounds = results.filter((result) => result.mode === mode);
  const latencies = rounds.flatMap((result) => result.latencies).sort((a, b) => a - b);
  const sum = (pick: (result: RoundResult) => number) => rounds.reduce((total, result) => total + pick(result), 0);
  const requests = sum((result) => result.requests);
  return {
    mode,
    requests,
    errors: sum((result) => result.errors),
    rps: requests / sum((result) => result.seconds),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    exchangeLogEntries: sum((result) => result.exchangeLogEntries),
    entriesPerPersonalRead:
      sum((result) => result.exchangeLogEntries) /
      Math.max(
        sum((result) => result.personalReads),
        1,
      ),
  };
}

/** What the rounds must show: the enforced gateway logged every personal read, the unenforced one nothing. */
function roundFailures(results: RoundResult[]): string[] {
  return results.flatMap((result, index) => {
    const name = `round ${Math.floor(index / 2) + 1} ${result.mode}`;
    if (result.errors > 0) return [`${name}: ${result.errors} requests failed`];
    if (result.mode === 'enforced' && result.exchangeLogEntries < result.personalReads) {
      return [`${name}: ${result.exchangeLogEntries} exchange-log entries for ${result.personalReads} personal reads`];
    }
    if (result.mode === 'unenforced' && result.exchangeLogEntries !== 0) return [`${name}: ${result.exchangeLogEntries} exchange-log entries`];
    return [];
  });
}

async function main(): Promise<void> {
  const machine = machineInfo();
  const hub = fork(join(__dirname, 'hub.js'), [], { env: { ...process.env, LOG_LEVEL: 'error' } });
  const ready = await new Promise<BenchHubReady>((resolve, reject) => {
    hub.on('message', (message: BenchHubReady) => message.type === 'ready' && resolve(message));
    hub.once('exit', (code) => reject(new Error(`bench hub exited with ${code}`)));
  });
  const log = new ExchangeLogCounter(ready.databaseUrl);
  console.error(
    `hub ready (${ready.people} people); ${ROUNDS} rounds x ${ROUND_SECONDS}s per mode, ${CONCURRENCY} concurrent; workloads ${WORKLOADS.join(', ')}`,
  );
  const failures = await enforcementFailures(ready, log);
  // Warm both paths (JIT, plan caches, connection pools) before anything is measured.
  for (let i = 0; i < 2; i++) {
    await round('enforced', ready, WARMUP_SECONDS, log);
    await round('unenforced', ready, WARMUP_SECONDS, log);
  }
  const results: RoundResult[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    for (const mode of ['enforced', 'unenforced'] as const) {
      const result = await round(mode, ready, ROUND_SECONDS, log);
      console.error(
        `round ${i + 1} ${mode}: ${(result.requests / result.seconds).toFixed(0)} req/s, ${result.errors} errors, ` +
          `${result.exchangeLogEntries} exchange-log entries for ${result.personalReads} personal reads`,
      );
      results.push(result);
    }
  }
  await log.close();
  hub.disconnect();
  failures.push(...roundFailures(results));
  const enforced = summarise(results, 'enforced');
  const unenforced = summarise(results, 'unenforced');
  const ratio = enforced.rps / unenforced.rps;
  // Per pair of neighbouring rounds too: the median ratio is less sensitive to one noisy round.
  const rps = (mode: Mode) => results.filter((result) => result.mode === mode).map((result) => result.requests / result.seconds);
  const unenforcedRps = rps('unenforced');
  const pairRatios = rps('enforced')
    .map((value, index) => value / unenforcedRps[index])
    .sort((a, b) => a - b);
  const medianRatio = pairRatios[Math.floor(pairRatios.length / 2)];
  const markdown = [
    '# Enforcement on and off',
    '',
    ...machineLines(machine),
    `- workloads, a third each: ${WORKLOADS.join(', ')}; ${CONCURRENCY} concurrent clients; ${ROUNDS} rounds × ${ROUND_SECONDS} s per mode, alternating`,
    '',
    '| gateway    |   req/s | p50 ms  | p99 ms  | errors | exchange-log entries per personal read |',
    '|------------|--------:|--------:|--------:|-------:|---------------------------------------:|',
    ...[enforced, unenforced].map(
      (s) =>
        `| ${s.mode.padEnd(10)} | ${s.rps.toFixed(0).padStart(7)} | ${s.p50.toFixed(1).padStart(7)} | ${s.p99.toFixed(1).padStart(7)} | ${String(s.errors).padStart(6)} | ${s.entriesPerPersonalRead.toFixed(2).padStart(38)} |`,
    ),
    '',
    `enforcement (authorization + exchange log) keeps ${(ratio * 100).toFixed(1)}% of the unenforced throughput: cost ${((1 - ratio) * 100).toFixed(1)}%`,
    `per round pair: ${pairRatios.map((r) => `${(r * 100).toFixed(1)}%`).join(', ')} (median ${(medianRatio * 100).toFixed(1)}%)`,
    '',
    failures.length
      ? `checks FAILED:\n${failures.map((failure) => `- ${failure}`).join('\n')}`
      : 'checks passed: denied without agreement, every personal read logged, nothing logged unenforced',
  ].join('\n');
  console.log(markdown);
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(join(RESULTS, 'authorization.md'), `${markdown}\n`);
  writeFileSync(
    join(RESULTS, 'authorization.json'),
    JSON.stringify(
      {
        machine,
        concurrency: CONCURRENCY,
        rounds: ROUNDS,
        roundSeconds: ROUND_SECONDS,
        workloads: WORKLOADS,
        enforced,
        unenforced,
        ratio,
        pairRatios,
        medianRatio,
        failures,
      },
      null,
      2,
    ),
  );
  if (failures.length) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
