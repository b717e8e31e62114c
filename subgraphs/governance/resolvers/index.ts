import type { Resolvers } from '../generated';
import { entities } from './entities';
import { people } from './people';
import { Query } from './query';

export const resolvers: Resolvers = { Query, ...entities, ...people };
