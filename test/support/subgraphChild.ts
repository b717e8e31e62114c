import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '@govhub/shared';
import { until } from './until';

export interface SubgraphChild {
  process: ChildProcessWithoutNullStreams;
  output(): string;
  /** The URL it logged once it listened. */
  listening(): Promise<string>;
  exited: Promise<number | null>;
}

/**
 * `govhub subgraph serve NAME ARGS` as its own process, on a free port, with none of the test run's database or
 * hub settings in its environment but `env`.
 */
export function startSubgraphChild(name: string, args: readonly string[], env: Record<string, string>): SubgraphChild {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/DATABASE_URL|^GOVHUB_|^HUB_ENV$|^PORT$|^HOST$/.test(key)));
  const child = spawn(process.execPath, [join(projectRoot(), 'gateway', 'dist', 'cli', 'govhub.js'), 'subgraph', 'serve', name, ...args], {
    env: { ...inherited, APOLLO_TELEMETRY_DISABLED: '1', PORT: '0', LOG_LEVEL: 'info', ...env },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    process: child,
    output: () => output,
    listening: () => until(async () => /"url":"(http:\/\/localhost:\d+\/)"/.exec(output)?.[1], 20_000),
    exited,
  };
}
