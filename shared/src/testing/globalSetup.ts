import '../noTelemetry';
import { mkdtemp, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres, type EmbeddedPostgresServer } from '../db/embedded';

declare global {
  var govhubTestPostgres: EmbeddedPostgresServer | undefined;
}

/**
 * Jest global setup: tests get a PostgreSQL server in GOVHUB_TEST_SERVER_URL. With DATABASE_URL set that is the
 * machine's own server; otherwise a throwaway embedded one. Each test file then creates its own database on it.
 */
export default async function globalSetup(): Promise<void> {
  process.env.APOLLO_TELEMETRY_DISABLED = '1';
  if (process.env.DATABASE_URL) {
    process.env.GOVHUB_TEST_SERVER_URL = process.env.DATABASE_URL;
    return;
  }
  const parent = await mkdtemp(join(tmpdir(), 'govhub-test-'));
  await chmod(parent, 0o755);
  globalThis.govhubTestPostgres = await startEmbeddedPostgres({ dataDir: join(parent, 'pgdata'), fast: true });
  process.env.GOVHUB_TEST_SERVER_URL = globalThis.govhubTestPostgres.url;
}
