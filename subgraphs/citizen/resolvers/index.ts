import type { Resolvers } from '../generated';
import { entities } from './entities';
import { Query } from './query';

export const resolvers: Resolvers = { Query, ...entities };
