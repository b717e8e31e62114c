import { execFile, fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { projectRoot, type SubgraphProcessMessage } from '@govhub/shared';
import { scaffoldSubgraph } from '@govhub/gateway/dist/cli/scaffold';

export interface ScaffoldedSubgraph {
  dir: string;
  /** Runs the scaffold's own tests (its jest config, against the test PostgreSQL server), as the agency would. */
  test(): Promise<{ code: number; output: string }>;
  /** Runs the built subgraph as its own program, as an agency would; resolves when it serves. */
  start(env: Record<string, string>): Promise<{ url: string; process: ChildProcess }>;
  remove(): void;
}

/**
 * What `npx govhub subgraph new` produces, built the way the repository builds it, but in a scratch folder under
 * `.govhub/` (beside the real `tsconfig.base.json` and `shared/`, so the layout and module resolution are the
 * repository's) instead of `subgraphs/`, so a test never changes the working tree.
 */
export async function scaffoldAndBuild(name: string): Promise<ScaffoldedSubgraph> {
  const root = projectRoot();
  const scratch = mkdtempSync(join(mkdirTarget(join(root, '.govhub')), 'scaffold-'));
  symlinkSync(join(root, 'tsconfig.base.json'), join(scratch, 'tsconfig.base.json'));
  symlinkSync(join(root, 'shared'), join(scratch, 'shared'));
  symlinkSync(join(root, 'jest.base.js'), join(scratch, 'jest.base.js'));
  scaffoldSubgraph({ subgraphsDir: join(scratch, 'subgraphs'), name, port: 0 });
  const dir = join(scratch, 'subgraphs', name);
  const run = promisify(execFile);
  await run(process.execPath, [join(root, 'codegen', 'dist', 'generate.js'), '--dir', dir], { cwd: root });
  await run(process.execPath, [require.resolve('typescript/bin/tsc'), '-b', dir], { cwd: root });
  return {
    dir,
    test: () =>
      new Promise((resolve) => {
        execFile(
          process.execPath,
          [require.resolve('jest/bin/jest'), '--ci'],
          {
            cwd: dir,
            env: { ...process.env, APOLLO_TELEMETRY_DISABLED: '1', DATABASE_URL: process.env.GOVHUB_TEST_SERVER_URL },
          },
          (error, stdout, stderr) => resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, output: `${stdout}${stderr}` }),
        );
      }),
    start: (env) =>
      new Promise((resolve, reject) => {
        const child = fork(join(dir, 'dist', 'main.js'), [], {
          env: { ...process.env, APOLLO_TELEMETRY_DISABLED: '1', LOG_LEVEL: 'warn', PORT: '0', ...env },
          stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        });
        child.on('message', (message: SubgraphProcessMessage) => {
          if (message.type === 'ready') resolve({ url: message.url, process: child });
          if (message.type === 'failed') reject(new Error(`${name} failed to start: ${message.error}`));
        });
        child.once('exit', (code) => reject(new Error(`${name} exited with ${code} before it was ready`)));
      }),
    remove: () => rmSync(scratch, { recursive: true, force: true }),
  };
}

function mkdirTarget(dir: string): string {
  mkdirSync(dir, { recursive: true });
  return dir;
}
