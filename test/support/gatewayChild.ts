import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '@govhub/shared';

export interface GatewayChild {
  process: ChildProcessWithoutNullStreams;
  output(): string;
  /** The URL the gateway printed once it listened; rejects when it exits first (or not within the time). */
  listening: Promise<string>;
  /** The exit code once it exited. */
  exited: Promise<number | null>;
  kill(): Promise<void>;
}

/**
 * `govhub gateway ARGS` as its own process, with none of the test run's database in its environment: the gateway
 * must run without one.
 */
export function startGatewayChild(args: readonly string[], env: Record<string, string>, timeoutMs = 30_000): GatewayChild {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/DATABASE_URL|^GOVHUB_|^HUB_ENV$|^PORT$|^HOST$/.test(name)));
  const child = spawn(process.execPath, [join(projectRoot(), 'gateway', 'dist', 'cli', 'govhub.js'), 'gateway', ...args], {
    env: { ...inherited, APOLLO_TELEMETRY_DISABLED: '1', LOG_LEVEL: 'warn', ...env },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const listening = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not listening in ${timeoutMs} ms:\n${output}`)), timeoutMs);
    child.stdout.on('data', () => {
      const url = /govhub gateway listening at (\S+)/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve(url);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before it listened:\n${output}`));
    });
  });
  listening.catch(() => undefined);
  return {
    process: child,
    output: () => output,
    listening,
    exited,
    kill: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(force);
    },
  };
}
