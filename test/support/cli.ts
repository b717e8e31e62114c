import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '@govhub/shared';

export interface StartedHub {
  process: ChildProcessWithoutNullStreams;
  url: string;
  output(): string;
}

/** Runs `npm start`'s program as a user would, and waits for its ready banner. */
export function startHubProcess(env: Record<string, string>, timeoutMs = 90_000): Promise<StartedHub> {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, [join(projectRoot(), 'gateway', 'dist', 'cli', 'start.js')], {
    env: { ...inherited, APOLLO_TELEMETRY_DISABLED: '1', LOG_LEVEL: 'warn', ...env },
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready in ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /govhub is ready in [\d.]+ s: (\S+)/.exec(output);
      if (ready) {
        clearTimeout(timer);
        resolve({ process: child, url: ready[1], output: () => output });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before it was ready:\n${output}`));
    });
  });
}

export function exited(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  return child.exitCode !== null ? Promise.resolve(child.exitCode) : new Promise((resolve) => child.once('exit', resolve));
}

/** Runs `npx govhub ...` (the CLI's built program) and collects its exit code and output. */
export function runGovhubCli(
  args: readonly string[],
  env: Record<string, string>,
  cwd = projectRoot(),
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(projectRoot(), 'gateway', 'bin', 'govhub.js'), ...args],
      { cwd, env: { ...process.env, APOLLO_TELEMETRY_DISABLED: '1', ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}
