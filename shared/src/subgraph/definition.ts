import type { ForwardedIdentity } from '../auth/forwarded';
import type { Database } from '../db/database';
import type { Logger } from '../log';
import type { SubjectAccess } from './access';

export interface SeedOptions {
  /** Size of the synthetic population (people 0..people-1 of `personAt`). */
  people: number;
  logger: Logger;
}

/** What every resolver of a subgraph receives. Loaders are created per request, so their caches are too. */
export interface SubgraphContext<Loaders> {
  db: Database;
  loaders: Loaders;
  logger: Logger;
  requestId: string;
  /** The caller, as the gateway forwarded and signed it. */
  identity: ForwardedIdentity;
  /** Row-level checks for this caller. */
  access: SubjectAccess;
}

/** A domain subgraph: a small, boring program. Everything else (serving, migrating, seeding) is shared. */
export interface SubgraphDefinition<Loaders = unknown> {
  name: string;
  /** The package folder, holding `schema.graphql` and `migrations/`. */
  dir: string;
  // Resolver maps are typed by each subgraph's generated types; the framework only passes them on.
  // biome-ignore lint/suspicious/noExplicitAny: each subgraph's generated resolver types; the framework only passes them on
  resolvers: Record<string, any>;
  createLoaders(db: Database): Loaders;
  seed(db: Database, options: SeedOptions): Promise<void>;
}

export function defineSubgraph<Loaders>(definition: SubgraphDefinition<Loaders>): SubgraphDefinition<Loaders> {
  return definition;
}
