import type { Resolvers } from '../generated';
import { registry } from './person';
import { services } from './services';

export const entities: Omit<Resolvers, 'Query'> = { ...registry, ...services };
