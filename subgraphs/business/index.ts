import { defineSubgraph, packageDir } from '@govhub/shared';
import { createLoaders } from './loaders';
import { resolvers } from './resolvers';
import { seed } from './seed';

/** Business facilitation (MOC): juristic persons and their directors, VAT, factory licences, prices and trade. */
export const business = defineSubgraph({
  name: 'business',
  dir: packageDir(__dirname),
  resolvers,
  createLoaders,
  seed,
});
