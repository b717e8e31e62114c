import { defineSubgraph, packageDir } from '@govhub/shared';
import { createLoaders } from './loaders';
import { resolvers } from './resolvers';
import { seed } from './seed';

/** Water and climate (HAII): the national water data warehouse, telemetry, rain forecasts, situation reports. */
export const water = defineSubgraph({
  name: 'water',
  dir: packageDir(__dirname),
  resolvers,
  createLoaders,
  seed,
});
