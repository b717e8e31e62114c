import { ACCOUNTS } from './accounts';
import { INVENTORY_SUBGRAPH } from './inventory';
import { PRODUCTS_SUBGRAPH } from './products';
import { REVIEWS_SUBGRAPH } from './reviews';
import { startSubgraphServer, type RunningSubgraph } from './subgraphServer';

/** The benchmark's four subgraphs, in the order the public benchmark lists them. */
export const BENCH_SUBGRAPHS = [ACCOUNTS, INVENTORY_SUBGRAPH, PRODUCTS_SUBGRAPH, REVIEWS_SUBGRAPH] as const;

export interface BenchSubgraphs {
  subgraphs: RunningSubgraph[];
  stop(): Promise<void>;
}

/** Starts the four subgraphs on loopback, each on a free port (or `basePort`, `basePort + 1`, ... when given). */
export async function startBenchSubgraphs(options: { host?: string; basePort?: number } = {}): Promise<BenchSubgraphs> {
  const subgraphs = await Promise.all(
    BENCH_SUBGRAPHS.map((subgraph, index) => startSubgraphServer(subgraph, options.host, options.basePort ? options.basePort + index : 0)),
  );
  return { subgraphs, stop: async () => void (await Promise.all(subgraphs.map((subgraph) => subgraph.close()))) };
}
