import type { CpuPlan } from './cpuPinning';
import type { LoadResult } from './loadDriver';
import type { MachineInfo } from './machine';

/** One gateway's one timed round. */
export interface RoundResult extends LoadResult {
  gateway: string;
  round: number;
  /** The gateway process's CPU time during the round. */
  cpuMs: number;
}

export interface GatewaySummary {
  name: string;
  description: string;
  /** The median of the rounds' requests per second. */
  requestsPerSecond: number;
  /** requestsPerSecond over stock @apollo/gateway's: the number to read, being the least machine-dependent. */
  ratioToApolloGateway: number | null;
  /** Medians of the rounds' percentiles. */
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  errors: number;
  cpuMsPerRequest: number;
  peakRssMb: number;
}

export interface FederationBenchSummary {
  benchmark: string;
  machine: MachineInfo;
  cpus: CpuPlan;
  settings: { connections: number; seconds: number; rounds: number; warmupSeconds: number };
  expected: { bytes: number; sha256: string };
  gateways: GatewaySummary[];
  /** Gateways that could not run here, and why. */
  skipped: Record<string, string>;
  rounds: RoundResult[];
}

const BASELINE = 'apollo-gateway';

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function summarize(
  input: Omit<FederationBenchSummary, 'benchmark' | 'gateways'> & {
    gateways: { name: string; description: string }[];
    peakRssMb: Record<string, number>;
  },
): FederationBenchSummary {
  const { peakRssMb, gateways, ...rest } = input;
  const of = (name: string) => input.rounds.filter((round) => round.gateway === name);
  const baseline = of(BASELINE).length ? median(of(BASELINE).map((round) => round.requestsPerSecond)) : null;
  return {
    benchmark: 'https://github.com/graphql-hive/graphql-gateways-benchmark (federation, constant VUs), re-implemented in test/bench/federation',
    ...rest,
    gateways: gateways.map(({ name, description }) => {
      const rounds = of(name);
      const requestsPerSecond = median(rounds.map((round) => round.requestsPerSecond));
      const requests = rounds.reduce((sum, round) => sum + round.requests, 0);
      return {
        name,
        description,
        requestsPerSecond,
        ratioToApolloGateway: baseline ? requestsPerSecond / baseline : null,
        p50Ms: median(rounds.map((round) => round.p50Ms)),
        p95Ms: median(rounds.map((round) => round.p95Ms)),
        p99Ms: median(rounds.map((round) => round.p99Ms)),
        errors: rounds.reduce((sum, round) => sum + round.errors, 0),
        cpuMsPerRequest: rounds.reduce((sum, round) => sum + round.cpuMs, 0) / Math.max(requests, 1),
        peakRssMb: peakRssMb[name],
      };
    }),
  };
}
