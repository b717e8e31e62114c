import type { Database, SeedOptions } from '@govhub/shared';
import { seedStep } from '@govhub/shared';
import { seedEvents } from './events';
import { seedProfiles } from './profiles';
import { seedReference } from './reference';
import { seedReliefStock } from './reliefStock';
import { seedVictims } from './victims';

/** Bump when the disaster seed data changes, so existing databases pick it up on the next start. */
const SEED_VERSION = 1;

export async function seed(db: Database, options: SeedOptions): Promise<void> {
  await seedStep(db, options.logger, 'reference', SEED_VERSION, () => seedReference(db));
  await seedStep(db, options.logger, 'events', SEED_VERSION, () => seedEvents(db));
  await seedStep(db, options.logger, 'profiles', SEED_VERSION, () => seedProfiles(db));
  await seedStep(db, options.logger, 'relief-stock', SEED_VERSION, () => seedReliefStock(db));
  // victims depend on the population size: a larger population seeds again
  await seedStep(db, options.logger, 'victims', `${SEED_VERSION}:${options.people}`, () => seedVictims(db, options.people, options.logger));
}
