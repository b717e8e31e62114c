import { seedStep, type Database, type SeedOptions } from '@govhub/shared';
import { seedIdentityRecords } from './identity';
import { seedIncidents, seedTips } from './incidents';
import { seedCatalogue, seedReports } from './reported';

/** Bump when the security seed data changes, so existing databases pick it up on the next start. */
const SEED_VERSION = 1;

export async function seed(db: Database, options: SeedOptions): Promise<void> {
  const { logger, people } = options;
  await seedStep(db, logger, 'catalogue', SEED_VERSION, () => seedCatalogue(db));
  await seedStep(db, logger, 'reports', SEED_VERSION, () => seedReports(db));
  await seedStep(db, logger, 'incidents', SEED_VERSION, async () => {
    await seedIncidents(db);
    await seedTips(db);
  });
  // a larger population is a new version: the step runs again and adds the people it has not seen
  await seedStep(db, logger, 'identity', `${SEED_VERSION}:${people}`, () => seedIdentityRecords(db, people, logger));
}
