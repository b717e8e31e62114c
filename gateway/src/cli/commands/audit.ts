import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  Database,
  defaultDataDir,
  ensureDatabase,
  isAlive,
  projectRoot,
  startEmbeddedPostgres,
  withDatabase,
  type EmbeddedPostgresServer,
} from '@govhub/shared';
import { verifyChain } from '../../audit/exchangeLog';
import { printResult, type Format } from '../output';

/** Walks the exchange log's hash chain to its anchored head: exit 1 at the first broken entry. */
export async function auditVerifyCommand(format: Format): Promise<number> {
  const { url, stop } = await hubDatabase();
  const db = new Database({ url, schema: 'governance' });
  try {
    const result = await verifyChain(db).catch((error: Error & { code?: string }) => {
      throw error.code === '42P01' ? new Error('this database has no exchange log yet: start the hub once (npm start)') : error;
    });
    printResult(format, result, () =>
      result.brokenAt
        ? `exchange log BROKEN at entry ${result.brokenAt.seq}: ${result.brokenAt.reason} (${result.entries} entries verified before it)`
        : `exchange log intact: ${result.entries} entries, hash chain verified`,
    );
    return result.brokenAt ? 1 : 0;
  } finally {
    await db.close();
    await stop();
  }
}

/** The hub's database: DATABASE_URL, the running hub's embedded server, or the embedded server started for this command. */
async function hubDatabase(): Promise<{ url: string; stop(): Promise<void> }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => undefined };
  const dataDir = process.env.GOVHUB_DATA_DIR ?? defaultDataDir(projectRoot());
  const pidFile = join(dataDir, 'postmaster.pid');
  if (existsSync(pidFile)) {
    const [pid, , , port] = readFileSync(pidFile, 'utf8').split('\n');
    if (isAlive(Number(pid)))
      return { url: withDatabase(`postgresql://postgres:postgres@127.0.0.1:${port}/postgres`, 'govhub'), stop: async () => undefined };
  }
  const server: EmbeddedPostgresServer = await startEmbeddedPostgres({ dataDir });
  return { url: await ensureDatabase(server.url, 'govhub'), stop: () => server.stop() };
}
