import type { GraphQLDataSource } from '@apollo/gateway';

interface ServiceDefinition {
  name: string;
  url?: string;
}

/**
 * The data sources the stock gateway builds for each subgraph, kept by name so that the lean executor calls the
 * very same ones (identity signing, guards and metrics run for every subgraph call, whichever executor sends it).
 */
export class DataSources {
  private readonly byName = new Map<string, GraphQLDataSource>();

  /** Wraps the gateway's `buildService`, recording each data source it builds (a new URL replaces the old one). */
  track(build: (definition: ServiceDefinition) => GraphQLDataSource): (definition: ServiceDefinition) => GraphQLDataSource {
    return (definition) => {
      const dataSource = build(definition);
      this.byName.set(definition.name, dataSource);
      return dataSource;
    };
  }

  get(name: string): GraphQLDataSource | undefined {
    return this.byName.get(name);
  }
}
