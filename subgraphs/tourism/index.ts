import { defineSubgraph, packageDir } from '@govhub/shared';
import { createLoaders } from './loaders';
import { resolvers } from './resolvers';
import { seed } from './seed';

/** Tourism (MOTS): visitor statistics, tourist safety, tour and hotel licences, guide cards, the TIC. */
export const tourism = defineSubgraph({
  name: 'tourism',
  dir: packageDir(__dirname),
  resolvers,
  createLoaders,
  seed,
});
