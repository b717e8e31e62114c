import type { RegisteredSubgraph } from './registry';
import { subgraphModel, type FieldFacts } from './subgraphModel';

/** One registered subgraph's definition of a field, with the agency that owns that subgraph. */
export interface OwnedDefinition extends FieldFacts {
  subgraph: string;
  owner: string;
}

/**
 * Who owns each field of the registry: the owner of every subgraph that resolves it (declares it without
 * `@external`). The candidate's own current version is left out: a publish replaces it.
 */
export class FieldOwners {
  private readonly byCoordinate = new Map<string, OwnedDefinition[]>();

  constructor(registered: readonly RegisteredSubgraph[], replacing: string) {
    for (const source of registered.filter((subgraph) => subgraph.name !== replacing)) {
      for (const facts of subgraphModel(source)?.fields ?? []) {
        if (facts.external) continue;
        const definition = { ...facts, subgraph: source.name, owner: source.owner };
        this.byCoordinate.set(facts.coordinate, [...(this.byCoordinate.get(facts.coordinate) ?? []), definition]);
      }
    }
  }

  /** The definitions of `Type.field` by subgraphs of another agency than `agency`; empty when it owns them all. */
  ofOthers(coordinate: string, agency: string): OwnedDefinition[] {
    return (this.byCoordinate.get(coordinate) ?? []).filter((definition) => definition.owner !== agency);
  }

  /** Whether `agency` resolves `Type.field` in one of its own other subgraphs. */
  ownedBy(coordinate: string, agency: string): boolean {
    return (this.byCoordinate.get(coordinate) ?? []).some((definition) => definition.owner === agency);
  }

  /** The other agencies' definitions of fields of a type that has no key anywhere (a value type). */
  valueTypeOfOthers(type: string, agency: string): OwnedDefinition[] {
    const definitions = [...this.byCoordinate.values()].flat().filter((definition) => definition.type === type);
    return definitions.some((definition) => definition.entity) ? [] : definitions.filter((definition) => definition.owner !== agency);
  }

  /** Every owner of `Type.field`, for messages about the composed supergraph. */
  ownersOf(coordinate: string): string[] {
    return [...new Set((this.byCoordinate.get(coordinate) ?? []).map((definition) => `${definition.owner} (subgraph ${definition.subgraph})`))];
  }
}

/** "DOPA (subgraph citizen)" for the first definition: who a message says owns a field. */
export function ownerLabel(definitions: readonly OwnedDefinition[]): string {
  return [...new Set(definitions.map((definition) => `${definition.owner} (subgraph ${definition.subgraph})`))].join(', ');
}
