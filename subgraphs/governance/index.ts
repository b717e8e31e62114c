import { defineSubgraph, packageDir } from '@govhub/shared';
import { createLoaders } from './loaders';
import { resolvers } from './resolvers';
import { seed } from './seed';

/** The hub's own subgraph: provinces, ministries, agencies, committees, dataset catalogue, sharing agreements. */
export const governance = defineSubgraph({
  name: 'governance',
  dir: packageDir(__dirname),
  resolvers,
  createLoaders,
  seed,
});
