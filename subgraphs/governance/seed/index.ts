import type { Database, SeedOptions } from '@govhub/shared';
import { seedStep } from '@govhub/shared';
import { seedAgreements } from './agreements';
import { seedCatalogue } from './catalogue';
import { seedReference } from './reference';

/** Bump when the governance seed data changes, so existing databases pick it up on the next start. */
const SEED_VERSION = 3;

export async function seed(db: Database, options: SeedOptions): Promise<void> {
  await seedStep(db, options.logger, 'reference', SEED_VERSION, () => seedReference(db));
  await seedStep(db, options.logger, 'catalogue', SEED_VERSION, () => seedCatalogue(db, options.logger));
  await seedStep(db, options.logger, 'agreements', SEED_VERSION, () => seedAgreements(db));
}
