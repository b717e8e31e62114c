import {
  Kind,
  getNamedType,
  isInterfaceType,
  isObjectType,
  parse,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type TypeNode,
} from 'graphql';
import { HUB_KEY_PREFIX } from '../authorization/reservedKeys';

/**
 * @apollo/query-planner 2.14 merges a field the client selects with the same field a `@requires` selects, even
 * when their arguments differ (`comments(limit: 1)` beside a requirement on `comments(limit: 3)`): one of the two
 * gets the other's answer. Giving the client's selection an alias of the hub's keeps them apart; the answer's keys
 * are renamed back before anything else reads them.
 */
const ALIAS_PREFIX = `${HUB_KEY_PREFIX}args_`;

/** `Type.field` of every field that some `@requires` of the supergraph selects with arguments. */
export function fieldsRequiredWithArguments(supergraphSdl: string): ReadonlySet<string> {
  const fieldTypes = new Map<string, string>();
  const requirements: { type: string; selectionSet: SelectionSetNode }[] = [];
  for (const definition of parse(supergraphSdl).definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.INTERFACE_TYPE_DEFINITION) continue;
    for (const field of definition.fields ?? []) {
      fieldTypes.set(`${definition.name.value}.${field.name.value}`, namedTypeName(field.type));
      for (const directive of field.directives ?? []) {
        const requires =
          directive.name.value === 'join__field' ? directive.arguments?.find((argument) => argument.name.value === 'requires') : undefined;
        if (requires?.value.kind === Kind.STRING) requirements.push({ type: definition.name.value, selectionSet: fieldSet(requires.value.value) });
      }
    }
  }
  const found = new Set<string>();
  const visit = (set: SelectionSetNode, type: string) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet, selection.typeCondition?.name.value ?? type);
      if (selection.kind !== Kind.FIELD) continue;
      const coordinate = `${type}.${selection.name.value}`;
      if (selection.arguments?.length) found.add(coordinate);
      const next = fieldTypes.get(coordinate);
      if (selection.selectionSet && next) visit(selection.selectionSet, next);
    }
  };
  for (const { type, selectionSet } of requirements) visit(selectionSet, type);
  return found;
}

/** The operation with the hub's alias on each selection, with arguments, of a field in `fields` (itself if none). */
export function aliasFieldsRequiredWithArguments(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  root: GraphQLCompositeType,
  fields: ReadonlySet<string>,
): OperationDefinitionNode {
  if (fields.size === 0) return operation;
  let changed = false;
  const visit = (set: SelectionSetNode, parent: GraphQLCompositeType): SelectionSetNode => ({
    ...set,
    selections: set.selections.map((selection) => {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? (schema.getType(selection.typeCondition.name.value) as GraphQLCompositeType) : parent;
        return { ...selection, selectionSet: visit(selection.selectionSet, type) };
      }
      if (selection.kind !== Kind.FIELD || !('getFields' in parent)) return selection;
      const definition = parent.getFields()[selection.name.value];
      if (!definition) return selection;
      const aliased = selection.arguments?.length && ownersOf(schema, parent).some((owner) => fields.has(`${owner}.${selection.name.value}`));
      changed ||= Boolean(aliased);
      const field: FieldNode = aliased
        ? { ...selection, alias: { kind: Kind.NAME, value: ALIAS_PREFIX + (selection.alias?.value ?? selection.name.value) } }
        : selection;
      return field.selectionSet
        ? { ...field, selectionSet: visit(field.selectionSet, getNamedType(definition.type) as GraphQLCompositeType) }
        : field;
    }),
  });
  const selectionSet = visit(operation.selectionSet, root);
  // The same operation when nothing was aliased: its answer then needs no renaming.
  return changed ? { ...operation, selectionSet } : operation;
}

/** The data with the client's own keys back where the hub's aliases were (in the client's order). */
export function withoutHubAliases<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutHubAliases) as T;
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, child]) => [clientKey(key), withoutHubAliases(child)])) as T;
}

/** An error's path with the client's own keys. */
export function pathWithoutHubAliases(path: readonly (string | number)[]): (string | number)[] {
  return path.map((segment) => (typeof segment === 'string' ? clientKey(segment) : segment));
}

const clientKey = (key: string): string => (key.startsWith(ALIAS_PREFIX) ? key.slice(ALIAS_PREFIX.length) : key);

/** The type itself, the interfaces it implements, and for an interface the types that implement it. */
function ownersOf(schema: GraphQLSchema, parent: GraphQLCompositeType): string[] {
  if (isObjectType(parent)) return [parent.name, ...parent.getInterfaces().map((itf) => itf.name)];
  return isInterfaceType(parent) ? [parent.name, ...schema.getPossibleTypes(parent).map((type) => type.name)] : [parent.name];
}

function fieldSet(fields: string): SelectionSetNode {
  const [definition] = parse(`{ ${fields} }`).definitions;
  return (definition as OperationDefinitionNode).selectionSet;
}

function namedTypeName(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedTypeName(type.type);
}
