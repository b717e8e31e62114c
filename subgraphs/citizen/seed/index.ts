import { seedStep, type Database, type SeedOptions } from '@govhub/shared';
import { seedKpis } from './kpis';
import { seedPeople, seedPopulation } from './people';
import { seedServices } from './services';

/** Bump when the citizen seed data changes, so existing databases pick it up on the next start. */
const SEED_VERSION = 1;

export async function seed(db: Database, options: SeedOptions): Promise<void> {
  await seedStep(db, options.logger, 'kpis', SEED_VERSION, () => seedKpis(db));
  await seedStep(db, options.logger, 'services', SEED_VERSION, () => seedServices(db));
  await seedStep(db, options.logger, 'population', SEED_VERSION, () => seedPopulation(db));
  // a larger population is a new version: the step runs again and adds the people it lacks
  await seedStep(db, options.logger, 'people', `${SEED_VERSION}:${options.people}`, () => seedPeople(db, options.people, options.logger));
}
