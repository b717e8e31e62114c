import { startGovhubChild, type GovhubChild } from './govhubChild';
import { until } from './until';

export interface SubgraphChild extends GovhubChild {
  /** The URL it logged once it listened. */
  listening(): Promise<string>;
}

/**
 * `govhub subgraph serve NAME ARGS` as its own process, on a free port, with none of the test run's database or
 * hub settings in its environment but `env`.
 */
export function startSubgraphChild(name: string, args: readonly string[], env: Record<string, string>): SubgraphChild {
  const child = startGovhubChild(['subgraph', 'serve', name, ...args], { PORT: '0', LOG_LEVEL: 'info', ...env });
  return {
    ...child,
    listening: () => until(async () => /"url":"(http:\/\/localhost:\d+\/)"/.exec(child.output())?.[1], 20_000),
  };
}
