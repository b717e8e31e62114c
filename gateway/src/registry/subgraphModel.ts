import { buildSubgraph, type FieldDefinition, type ObjectType, type Subgraph } from '@apollo/federation-internals';
import { Kind, type FieldDefinitionNode } from 'graphql';
import { CLASSIFICATIONS, fieldClassification, keyFieldNames, type FieldClassification, type SubgraphSource } from '@govhub/shared';

/** What the ownership rules need to know about one field a subgraph declares. */
export interface FieldFacts {
  /** `Type.field` */
  coordinate: string;
  type: string;
  field: string;
  classification: FieldClassification | null;
  /** Declared `@external`: the subgraph names the field (for a key, requires or provides) but does not resolve it. */
  external: boolean;
  /** A top-level field of one of its type's `@key`s in this subgraph. */
  key: boolean;
  /** Its type has a `@key` in this subgraph. */
  entity: boolean;
}

/** A subgraph parsed the way composition reads it (renamed imports, `@link(as:)`, Federation 1 extensions). */
export interface SubgraphModel {
  name: string;
  subgraph: Subgraph;
  fields: FieldFacts[];
}

/** The model of a subgraph, or null when it is not a valid subgraph (composition then refuses it anyway). */
export function subgraphModel(source: SubgraphSource): SubgraphModel | null {
  let subgraph: Subgraph;
  try {
    subgraph = buildSubgraph(source.name, source.url, source.sdl);
  } catch {
    return null;
  }
  return { name: source.name, subgraph, fields: fieldFacts(subgraph) };
}

function fieldFacts(subgraph: Subgraph): FieldFacts[] {
  const metadata = subgraph.metadata();
  const keyFields = new Set<string>();
  for (const key of metadata.keyDirective().applications()) {
    const type = key.parent as ObjectType;
    for (const field of keyFieldNames(String(key.arguments().fields))) keyFields.add(`${type.name}.${field}`);
  }
  const entities = new Set([...metadata.keyDirective().applications()].map((key) => (key.parent as ObjectType).name));
  return subgraph.schema.objectTypes().flatMap((type) =>
    type
      .fields()
      .filter((field) => field.sourceAST?.kind === Kind.FIELD_DEFINITION)
      .map((field: FieldDefinition<ObjectType>) => ({
        coordinate: field.coordinate,
        type: type.name,
        field: field.name,
        classification: fieldClassification(field.sourceAST as FieldDefinitionNode),
        external: metadata.isFieldExternal(field),
        key: keyFields.has(field.coordinate),
        entity: entities.has(type.name),
      })),
  );
}

/** Levels as numbers, least restricted first, so that levels compare; no classification ranks above SECRET (deny by default). */
export function rank(classification: FieldClassification | null): number {
  return classification ? CLASSIFICATIONS.indexOf(classification.level) : CLASSIFICATIONS.length;
}

export function labelOf(classification: FieldClassification | null): string {
  if (!classification) return 'unclassified';
  return `${classification.level}${classification.dataset ? ` (${classification.dataset})` : ''}`;
}
