import type { Database, SeedOptions } from '@govhub/shared';
import { seedStep } from '@govhub/shared';
import { seedGuides } from './guides';
import { seedHotels } from './hotels';
import { seedIncidents } from './incidents';
import { seedTourLicences } from './licences';
import { seedReference } from './reference';
import { seedStatistics } from './statistics';

/** Bump when the tourism seed data changes, so existing databases pick it up on the next start. */
const SEED_VERSION = 1;

export async function seed(db: Database, options: SeedOptions): Promise<void> {
  const { logger } = options;
  await seedStep(db, logger, 'reference', SEED_VERSION, () => seedReference(db));
  await seedStep(db, logger, 'statistics', SEED_VERSION, () => seedStatistics(db));
  await seedStep(db, logger, 'incidents', SEED_VERSION, () => seedIncidents(db));
  await seedStep(db, logger, 'hotels', SEED_VERSION, () => seedHotels(db));
  // Licences and guide cards follow the population: a larger one re-runs these steps.
  const populationVersion = `${SEED_VERSION}:${options.people}`;
  await seedStep(db, logger, 'tour-licences', populationVersion, () => seedTourLicences(db, options));
  await seedStep(db, logger, 'tour-guides', populationVersion, () => seedGuides(db, options));
}
