import { Kind, type GraphQLSchema } from 'graphql';
import { getResponseName, type FetchNode, type QueryPlanSelectionNode } from '@apollo/query-planner';
import { applyRewrites, deepMerge, isObjectOfType } from './merge';

type Data = Record<string, unknown>;

/**
 * The entities an entity fetch asks for, each representation sent once: `unique` goes to the subgraph, and for the
 * n-th representation the stock gateway would have sent, `entityOf[n]` is the entity it stands for and
 * `uniqueOf[n]` the answer (in `_entities`) that belongs to it; `firstEntityOf[u]` is the first entity of `unique[u]`.
 */
export interface Representations {
  unique: Data[];
  firstEntityOf: number[];
  entityOf: number[];
  uniqueOf: number[];
}

export function collectRepresentations(schema: GraphQLSchema, entities: readonly Data[], fetch: FetchNode): Representations {
  const requires = fetch.requires as QueryPlanSelectionNode[];
  const seen = new Map<string, number>();
  const collected: Representations = { unique: [], firstEntityOf: [], entityOf: [], uniqueOf: [] };
  entities.forEach((entity, index) => {
    const representation = representationOf(schema, entity, requires);
    if (!representation?.__typename) return;
    applyRewrites(schema, fetch.inputRewrites, representation);
    const key = JSON.stringify(representation);
    let unique = seen.get(key);
    if (unique === undefined) {
      unique = collected.unique.push(representation) - 1;
      collected.firstEntityOf.push(index);
      seen.set(key, unique);
    }
    collected.entityOf.push(index);
    collected.uniqueOf.push(unique);
  });
  return collected;
}

/** The same representations as the stock gateway sends them: one for each entity, duplicates included. */
export function withDuplicates(representations: Representations): Representations {
  const { unique, entityOf, uniqueOf } = representations;
  return { unique: uniqueOf.map((index) => unique[index]), firstEntityOf: entityOf, entityOf, uniqueOf: uniqueOf.map((_, n) => n) };
}

/** The entity's fields a fetch `requires` (its key and `@requires` fields), or null when one of them is missing. */
function representationOf(schema: GraphQLSchema, source: unknown, selections: readonly QueryPlanSelectionNode[]): Data | null {
  if (source === null) return null;
  const object = source as Data;
  const result: Data = Object.create(null);
  for (const selection of selections) {
    if (selection.kind === Kind.FIELD) {
      const responseName = getResponseName(selection);
      const value = Object.hasOwn(object, responseName) ? object[responseName] : undefined;
      if (value === undefined) return null;
      const nested = selection.selections;
      if (Array.isArray(value)) result[responseName] = value.map((item) => (nested ? representationOf(schema, item, nested) : item));
      else result[responseName] = nested ? representationOf(schema, value, nested) : value;
    } else if (selection.typeCondition && isObjectOfType(schema, object, selection.typeCondition)) {
      deepMerge(result, representationOf(schema, object, selection.selections));
    }
  }
  return result;
}
