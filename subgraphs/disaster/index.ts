import { defineSubgraph, packageDir } from '@govhub/shared';
import { createLoaders } from './loaders';
import { resolvers } from './resolvers';
import { seed } from './seed';

/** Disaster and natural hazards (DDPM): events, warnings, victims and their relief, relief stock, province profiles. */
export const disaster = defineSubgraph({
  name: 'disaster',
  dir: packageDir(__dirname),
  resolvers,
  createLoaders,
  seed,
});
