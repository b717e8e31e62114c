import { spawn, type ChildProcess } from 'node:child_process';
import { openSync } from 'node:fs';
import { join } from 'node:path';
import { pinnedNode } from './cpuPinning';
import type { BenchFiles, GatewayUnderTest } from './gateways';
import { answerBytes, EXPECTED_RESPONSE_BYTES, EXPECTED_RESPONSE_SHA256, sha256, TEST_QUERY_BODY } from './testQuery';

export interface RunningGatewayProcess {
  gateway: GatewayUnderTest;
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * Starts a gateway as a child process (its output to `logDir/NAME.log`) and waits until it answers the TestQuery
 * with exactly the expected bytes: a gateway that answers anything else is not benchmarked.
 */
export interface GatewayLaunch {
  port: number;
  cpus: string | null;
  logDir: string;
  env: Record<string, string>;
  authorization: () => string;
}

export async function startGatewayProcess(gateway: GatewayUnderTest, files: BenchFiles, launch: GatewayLaunch): Promise<RunningGatewayProcess> {
  const { port, cpus, logDir, env } = launch;
  const { args, env: own } = gateway.command(files, port);
  const pinned = pinnedNode(cpus, [...profilingFlags(gateway.name), ...args]);
  const log = openSync(join(logDir, `${gateway.name}.log`), 'w');
  const child = spawn(pinned.command, pinned.args, { env: { ...process.env, ...env, ...own }, stdio: ['ignore', log, log] });
  const url = `http://127.0.0.1:${port}/graphql`;
  try {
    await answersExactly(url, child, 60_000, launch.authorization);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${gateway.name}: ${(error as Error).message} (see ${join(logDir, `${gateway.name}.log`)})`);
  }
  return { gateway, url, pid: child.pid!, stop: () => stopChild(child) };
}

/** With BENCH_PROFILE_DIR set, the gateway writes a V8 CPU profile there (`NAME/*.cpuprofile`) when it stops. */
function profilingFlags(name: string): string[] {
  const dir = process.env.BENCH_PROFILE_DIR;
  return dir ? ['--cpu-prof', '--cpu-prof-dir', join(dir, name)] : [];
}

async function answersExactly(url: string, child: ChildProcess, timeoutMs: number, authorization: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with code ${child.exitCode}`);
    try {
      const response = await fetch(url, {
        method: 'POST',
        body: TEST_QUERY_BODY,
        headers: { 'content-type': 'application/json', authorization: authorization() },
      });
      const body = answerBytes(Buffer.from(await response.arrayBuffer()));
      if (response.ok && body.length === EXPECTED_RESPONSE_BYTES && sha256(body) === EXPECTED_RESPONSE_SHA256) return;
      last = `HTTP ${response.status}, ${body.length} bytes: ${body.toString('utf8', 0, 200)}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`never answered the TestQuery exactly: ${last}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
