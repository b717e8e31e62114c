import {
  baseType,
  isInterfaceType,
  isObjectType,
  parseContext,
  type FieldDefinition,
  type NamedType,
  type ObjectType,
  type Schema,
} from '@apollo/federation-internals';
import { Kind, parse, type SelectionSetNode } from 'graphql';
import type { SubgraphModel } from './subgraphModel';

/** A selection the gateway fetches elsewhere and sends to the candidate's subgraph. */
export interface PulledSelection {
  /** The candidate's element that asks for it (`Person.x`, or the type for a key). */
  at: string;
  via: '@key' | '@requires' | '@provides' | '@fromContext';
  /** Every `Type.field` the selection reaches, nested ones included. */
  coordinates: string[];
}

/** The selections of the candidate's `@key`s, `@requires`, `@provides` and `@fromContext`s. */
export function pulledSelections({ subgraph }: SubgraphModel): PulledSelection[] {
  const metadata = subgraph.metadata();
  const schema = subgraph.schema;
  const pulled: PulledSelection[] = [];
  for (const key of metadata.keyDirective().applications()) {
    const type = key.parent as unknown as NamedType;
    pulled.push({ at: type.name, via: '@key', coordinates: reached(schema, type, String(key.arguments().fields)) });
  }
  for (const requires of metadata.requiresDirective().applications()) {
    const field = requires.parent as unknown as FieldDefinition<ObjectType>;
    pulled.push({ at: field.coordinate, via: '@requires', coordinates: reached(schema, field.parent, String(requires.arguments().fields)) });
  }
  for (const provides of metadata.providesDirective().applications()) {
    const field = provides.parent as unknown as FieldDefinition<ObjectType>;
    pulled.push({ at: field.coordinate, via: '@provides', coordinates: reached(schema, baseType(field.type!), String(provides.arguments().fields)) });
  }
  const contextTypes = new Map<string, NamedType[]>();
  for (const context of metadata.contextDirective().applications()) {
    const name = context.arguments().name;
    contextTypes.set(name, [...(contextTypes.get(name) ?? []), context.parent as unknown as NamedType]);
  }
  for (const fromContext of metadata.fromContextDirective().applications()) {
    const { context, selection } = parseContext(fromContext.arguments().field);
    const argument = fromContext.parent as unknown as { coordinate: string };
    const coordinates = (contextTypes.get(context ?? '') ?? []).flatMap((type) => reached(schema, type, selection ?? ''));
    pulled.push({ at: argument.coordinate, via: '@fromContext', coordinates });
  }
  return pulled;
}

/** The `Type.field` coordinates a field set reaches from `parent`, following nested selections and inline fragments. */
function reached(schema: Schema, parent: NamedType, selection: string): string[] {
  const coordinates = new Set<string>();
  const walk = (type: NamedType | undefined, set: SelectionSetNode) => {
    for (const node of set.selections) {
      if (node.kind === Kind.INLINE_FRAGMENT) walk(node.typeCondition ? schema.type(node.typeCondition.name.value) : type, node.selectionSet);
      if (node.kind !== Kind.FIELD || !type || !(isObjectType(type) || isInterfaceType(type))) continue;
      const field = type.field(node.name.value);
      coordinates.add(`${type.name}.${node.name.value}`);
      if (field?.type && node.selectionSet) walk(baseType(field.type), node.selectionSet);
    }
  };
  try {
    const [operation] = parse(`{ ${selection.replace(/^\s*\{([\s\S]*)\}\s*$/, '$1')} }`).definitions;
    if (operation.kind === Kind.OPERATION_DEFINITION) walk(parent, operation.selectionSet);
  } catch {
    // An unparsable selection fails the subgraph's own validation and composition.
  }
  return [...coordinates];
}
