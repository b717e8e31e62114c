import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '@govhub/shared';

/** Settings of the test run that a child must not inherit: it gets only what the test gives it. */
const TEST_RUN_SETTINGS = /DATABASE_URL|^GOVHUB_|^HUB_ENV$|^PORT$|^HOST$/;

export interface GovhubChild {
  process: ChildProcessWithoutNullStreams;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  /** The exit code once it exited. */
  exited: Promise<number | null>;
}

/** `govhub ARGS` as its own process, with none of the test run's database or hub settings in its environment but `env`. */
export function startGovhubChild(args: readonly string[], env: Record<string, string>): GovhubChild {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !TEST_RUN_SETTINGS.test(name)));
  const child = spawn(process.execPath, [join(projectRoot(), 'gateway', 'dist', 'cli', 'govhub.js'), ...args], {
    env: { ...inherited, APOLLO_TELEMETRY_DISABLED: '1', ...env },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { process: child, output: () => output, exited };
}
