import { defineSubgraph, packageDir } from '@govhub/shared';
import { createLoaders } from './loaders';
import { resolvers } from './resolvers';
import { seed } from './seed';

/** Citizens and government services (lead DOPA): the civil registry, houses, linked person data, services, documents. */
export const citizen = defineSubgraph({
  name: 'citizen',
  dir: packageDir(__dirname),
  resolvers,
  createLoaders,
  seed,
});
