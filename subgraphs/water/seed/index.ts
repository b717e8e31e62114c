import type { Database, SeedOptions } from '@govhub/shared';
import { seedStep } from '@govhub/shared';
import { seedFacts } from './facts';
import { seedReports } from './reports';
import { seedSituation } from './situation';
import { seedTelemetry } from './telemetry';
import { seedWarehouse } from './warehouse';

/** Bump when the water seed data changes, so existing databases pick it up on the next start. */
const SEED_VERSION = 1;

/** Water holds no person data, so the size of the synthetic population does not change this seed. */
export async function seed(db: Database, options: SeedOptions): Promise<void> {
  await seedStep(db, options.logger, 'warehouse', SEED_VERSION, () => seedWarehouse(db));
  await seedStep(db, options.logger, 'facts', SEED_VERSION, () => seedFacts(db));
  await seedStep(db, options.logger, 'situation', SEED_VERSION, () => seedSituation(db));
  await seedStep(db, options.logger, 'telemetry', SEED_VERSION, () => seedTelemetry(db, options.logger));
  await seedStep(db, options.logger, 'reports', SEED_VERSION, () => seedReports(db));
}
