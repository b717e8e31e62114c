import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';

/** One subgraph of the benchmark: its federation 2 SDL and its resolvers. */
export interface BenchSubgraph {
  name: 'accounts' | 'inventory' | 'products' | 'reviews';
  sdl: string;
  resolvers: GraphQLResolverMap<unknown>;
}

/** The federation 2 `@link` each subgraph starts with, importing the directives it uses. */
export function federationLink(...directives: string[]): string {
  return `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: [${directives.map((d) => `"${d}"`).join(', ')}])`;
}
