import { defineSubgraph, packageDir } from '@govhub/shared';
import { createLoaders } from './loaders';
import { resolvers } from './resolvers';
import { seed } from './seed';

/** Resources and government structure: NGIS core layers, Special Economic Zones, and Province extensions. */
export const resources = defineSubgraph({
  name: 'resources',
  dir: packageDir(__dirname),
  resolvers,
  createLoaders,
  seed,
});
