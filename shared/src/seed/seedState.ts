import type { Database } from '../db/database';
import type { Logger } from '../log';

/**
 * Runs a seed step once per (step, version): a re-run with the same version is skipped; a new version (for
 * example a larger population) runs again. Steps themselves insert with ON CONFLICT DO NOTHING, so a step
 * interrupted half-way completes on the next start.
 */
export async function seedStep(db: Database, logger: Logger, step: string, version: string | number, work: () => Promise<void>): Promise<boolean> {
  await db.query(`CREATE TABLE IF NOT EXISTS seed_state (
    step text PRIMARY KEY, version text NOT NULL, seeded_at timestamptz NOT NULL DEFAULT now())`);
  const [done] = await db.query<{ version: string }>('SELECT version FROM seed_state WHERE step = $1', [step]);
  if (done?.version === String(version)) return false;
  const started = Date.now();
  await work();
  await db.query(
    `INSERT INTO seed_state (step, version) VALUES ($1, $2)
     ON CONFLICT (step) DO UPDATE SET version = EXCLUDED.version, seeded_at = now()`,
    [step, String(version)],
  );
  logger.info({ domain: db.schema, step, version, ms: Date.now() - started }, `seeded ${db.schema}.${step}`);
  return true;
}
