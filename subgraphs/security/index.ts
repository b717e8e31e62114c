import { defineSubgraph, packageDir } from '@govhub/shared';
import { createLoaders } from './loaders';
import { resolvers } from './resolvers';
import { seed } from './seed';

/** The security committee's subgraph: security database catalogue, border incidents and tips, aerial imagery, identity DB. */
export const security = defineSubgraph({
  name: 'security',
  dir: packageDir(__dirname),
  resolvers,
  createLoaders,
  seed,
});
