import type { Database, SeedOptions } from '@govhub/shared';
import { seedStep } from '@govhub/shared';
import { seedLayers } from './layers';
import { seedReference } from './reference';
import { seedZones } from './zones';

/**
 * Bump when the resources seed data changes, so existing databases pick it up on the next start. Nothing here
 * depends on the size of the synthetic population: the domain holds no personal data.
 */
const SEED_VERSION = 1;

export async function seed(db: Database, options: SeedOptions): Promise<void> {
  await seedStep(db, options.logger, 'reference', SEED_VERSION, () => seedReference(db));
  await seedStep(db, options.logger, 'zones', SEED_VERSION, () => seedZones(db));
  await seedStep(db, options.logger, 'layers', SEED_VERSION, () => seedLayers(db, options.logger));
}
