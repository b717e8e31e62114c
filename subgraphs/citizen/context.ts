import type { SubgraphContext } from '@govhub/shared';
import type { Loaders } from './loaders';

export type Context = SubgraphContext<Loaders>;
