import '@govhub/shared/dist/noTelemetry';
import { fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FORWARDED_IDENTITY_ALGORITHM, loadOrCreateSigningKey } from '@govhub/shared';
import { planCpus, pinSelf } from './cpuPinning';
import { GATEWAYS, type BenchFiles } from './gateways';
import { startGatewayProcess, type RunningGatewayProcess } from './gatewayProcess';
import { runLoad } from './loadDriver';
import { machineInfo } from './machine';
import { treeCpuMilliseconds, treePeakRssMegabytes } from './processStats';
import { measureOverhead, writeOverheadReport } from './overhead';
import { summarize, type RoundResult } from './summary';
import { writeReports } from './report';
import { writeBenchSupergraph } from './supergraph';
import { EXPECTED_RESPONSE_BYTES, EXPECTED_RESPONSE_SHA256 } from './testQuery';
import { BENCH_AUDIENCE, BENCH_ISSUER, uniqueTokenMinter } from './uniqueTokens';

/**
 * `npm run bench:federation`: the public federation benchmark's TestQuery against each gateway in turn, rounds
 * alternating between gateways after a warm-up of each, every gateway its own process on the same subgraphs.
 * Settings (environment): BENCH_CONNECTIONS (50), BENCH_SECONDS per round (10), BENCH_ROUNDS (3),
 * BENCH_WARMUP_SECONDS (10), BENCH_GATEWAYS (comma-separated names, default all that run here),
 * BENCH_GATEWAY_CPUS and BENCH_LOAD_CPUS (see cpuPinning.ts), BENCH_RESULTS (directory, default test/bench/results),
 * BENCH_PROFILE_DIR (each gateway writes a V8 CPU profile there when it stops), BENCH_OVERHEAD_SECONDS per target
 * and round of the single-subgraph latency comparison that follows (5; 0 skips it).
 */
const settings = {
  connections: Number(process.env.BENCH_CONNECTIONS ?? 50),
  seconds: Number(process.env.BENCH_SECONDS ?? 10),
  rounds: Number(process.env.BENCH_ROUNDS ?? 3),
  warmupSeconds: Number(process.env.BENCH_WARMUP_SECONDS ?? 10),
  overheadSeconds: Number(process.env.BENCH_OVERHEAD_SECONDS ?? 5),
};
const RESULTS = process.env.BENCH_RESULTS ?? join(__dirname, '..', '..', '..', '..', 'test', 'bench', 'results');
const SCRATCH = join(RESULTS, 'scratch');
const FIRST_GATEWAY_PORT = Number(process.env.BENCH_GATEWAY_PORT ?? 4400);

interface SubgraphsReady {
  subgraphs: { name: string; url: string; sdl: string }[];
}

async function main(): Promise<void> {
  const machine = machineInfo();
  const cpus = planCpus();
  pinSelf(cpus.loadCpus);
  mkdirSync(SCRATCH, { recursive: true });
  const tokens = uniqueTokenMinter();

  // Forked after pinning, so the subgraphs share the load driver's cores and not the gateway's.
  const subgraphsProcess = fork(join(__dirname, 'subgraphsProcess.js'), { stdio: 'inherit' });
  const { subgraphs } = await new Promise<SubgraphsReady>((resolve) =>
    subgraphsProcess.once('message', (message) => resolve(message as SubgraphsReady)),
  );
  const files: BenchFiles = {
    supergraph: join(SCRATCH, 'supergraph.graphql'),
    subgraphs: join(SCRATCH, 'subgraphs.json'),
    jwks: join(SCRATCH, 'jwks.json'),
    identityKey: join(SCRATCH, 'gateway-identity.jwk.json'),
  };
  await loadOrCreateSigningKey(files.identityKey, FORWARDED_IDENTITY_ALGORITHM);
  writeBenchSupergraph(subgraphs, files.supergraph);
  writeFileSync(files.subgraphs, JSON.stringify(subgraphs, null, 2));
  writeFileSync(files.jwks, JSON.stringify(tokens.jwks, null, 2));

  const wanted = process.env.BENCH_GATEWAYS?.split(',').map((name) => name.trim());
  const selected = GATEWAYS.filter((gateway) => !wanted || wanted.includes(gateway.name));
  const skipped = Object.fromEntries(selected.flatMap((gateway) => (gateway.unavailable() ? [[gateway.name, gateway.unavailable()!]] : [])));
  const running: RunningGatewayProcess[] = [];
  try {
    const env = { GOVHUB_JWT_ISSUER: BENCH_ISSUER, GOVHUB_JWT_AUDIENCE: BENCH_AUDIENCE };
    for (const [index, gateway] of selected.entries()) {
      if (skipped[gateway.name]) continue;
      const launch = { port: FIRST_GATEWAY_PORT + index, cpus: cpus.gatewayCpus, logDir: SCRATCH, env, authorization: tokens.next };
      running.push(await startGatewayProcess(gateway, files, launch));
      console.error(`${gateway.name} answers the TestQuery exactly (pid ${running[running.length - 1].pid})`);
    }
    const load = (url: string, seconds: number) => runLoad({ url, seconds, connections: settings.connections, authorization: tokens.next });
    for (const gateway of running) {
      const warmup = await load(gateway.url, settings.warmupSeconds);
      console.error(`warm-up ${gateway.gateway.name}: ${warmup.requestsPerSecond.toFixed(0)} req/s, ${warmup.errors} errors`);
    }
    const rounds: RoundResult[] = [];
    for (let round = 1; round <= settings.rounds; round++) {
      // Each round starts one gateway later, so no gateway always follows the same neighbour.
      const order = running.map((_, index) => running[(index + round - 1) % running.length]);
      for (const gateway of order) {
        const cpuBefore = treeCpuMilliseconds(gateway.pid);
        const result = await load(gateway.url, settings.seconds);
        const cpuMs = treeCpuMilliseconds(gateway.pid) - cpuBefore;
        rounds.push({ gateway: gateway.gateway.name, round, ...result, cpuMs });
        console.error(
          `round ${round} ${gateway.gateway.name}: ${result.requestsPerSecond.toFixed(0)} req/s, p99 ${result.p99Ms.toFixed(1)} ms, ` +
            `${(cpuMs / Math.max(result.requests, 1)).toFixed(2)} CPU ms/request, ${result.errors} errors`,
        );
      }
    }
    const peakRssMb = Object.fromEntries(running.map((gateway) => [gateway.gateway.name, treePeakRssMegabytes(gateway.pid)]));
    const summary = summarize({
      machine,
      cpus,
      settings,
      skipped,
      rounds,
      peakRssMb,
      gateways: running.map(({ gateway }) => ({ name: gateway.name, description: gateway.description })),
      expected: { bytes: EXPECTED_RESPONSE_BYTES, sha256: EXPECTED_RESPONSE_SHA256 },
    });
    const written = writeReports(summary, RESULTS);
    console.log(written.markdown);
    console.error(`written: ${written.files.join(', ')}`);
    const accounts = subgraphs.find((subgraph) => subgraph.name === 'accounts');
    if (settings.overheadSeconds > 0 && accounts) {
      const overhead = await measureOverhead(
        { name: 'accounts subgraph, directly', url: accounts.url },
        running.map((gateway) => ({ name: gateway.gateway.name, url: gateway.url })),
        { seconds: settings.overheadSeconds, rounds: settings.rounds, authorization: tokens.next },
      );
      const files = writeOverheadReport(overhead, machine, { seconds: settings.overheadSeconds, rounds: settings.rounds }, RESULTS);
      console.error(`written: ${files.join(', ')}`);
      if (overhead.some((row) => row.errors > 0)) process.exitCode = 1;
    }
    if (summary.gateways.some((gateway) => gateway.errors > 0)) process.exitCode = 1;
  } finally {
    await Promise.all(running.map((gateway) => gateway.stop()));
    subgraphsProcess.disconnect();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
