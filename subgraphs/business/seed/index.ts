import { seedStep, type Database, type SeedOptions } from '@govhub/shared';
import { clearSyntheticBusinesses, seedBusinesses } from './businesses';
import { seedMarkets } from './markets';
import { seedReference } from './reference';

/** Bump when the business seed data changes, so existing databases pick it up on the next start. */
const SEED_VERSION = 1;

export async function seed(db: Database, options: SeedOptions): Promise<void> {
  await seedStep(db, options.logger, 'reference', SEED_VERSION, () => seedReference(db));
  await seedStep(db, options.logger, 'markets', SEED_VERSION, () => seedMarkets(db));
  // The register depends on the population: another size re-runs the step from an empty register.
  await seedStep(db, options.logger, 'businesses', `${SEED_VERSION}:${options.people}`, async () => {
    await clearSyntheticBusinesses(db);
    await seedBusinesses(db, options);
  });
}
