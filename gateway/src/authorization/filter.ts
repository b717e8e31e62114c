import {
  type GraphQLSchema,
  Kind,
  getNamedType,
  isAbstractType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type DirectiveNode,
  type GraphQLAbstractType,
  type GraphQLField,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';
import type { Decisions } from './decide';
import type { AuthorizationRules, Requirement } from './rules';
import { HUB_KEY_PREFIX } from './reservedKeys';

/** One step of a response path: the response key, and how its value nests (for null propagation). */
export interface PathSegment {
  key: string;
  nonNull: boolean;
  /** One entry per list level: whether that level's items are non-null. */
  items: boolean[];
  /** Selected under a type condition: the concrete types the object holding this key must have. */
  holderTypes?: readonly string[];
}

/** Added where a removal sits under a type condition, so the response says which objects it applies to. */
export const TYPENAME_ALIAS = `${HUB_KEY_PREFIX}typename`;

/** A selection removed from the operation: its response path comes back null. */
export interface Removal {
  path: PathSegment[];
  /** `Type.field` of a denied field; null when the field was kept but lost every child selection. */
  deniedCoordinate: string | null;
  /** `@skip`/`@include` directives on the way: when they exclude the selection, nothing is reported. */
  conditions: DirectiveNode[];
}

export interface FilteredOperation {
  operation: OperationDefinitionNode;
  removals: Removal[];
  /** True when nothing at all is left to execute. */
  empty: boolean;
  /** True when `TYPENAME_ALIAS` was added and must be stripped from the response. */
  addedTypename: boolean;
}

const ROOT_TYPE_OF = { query: 'getQueryType', mutation: 'getMutationType', subscription: 'getSubscriptionType' } as const;

export function rootType(schema: GraphQLSchema, operation: OperationDefinitionNode): GraphQLCompositeType {
  const type = schema[ROOT_TYPE_OF[operation.operation]]();
  if (!type) throw new Error(`the schema has no ${operation.operation} type`);
  return type;
}

/** Requirements of selecting `field` on `parent`: the field's own (on every implementation when read through an interface) and those of the type it returns. */
export function fieldRequirements(
  schema: GraphQLSchema,
  rules: AuthorizationRules,
  parent: GraphQLCompositeType,
  fieldName: string,
  returnType: GraphQLNamedType,
): Requirement[] {
  const owners: readonly GraphQLNamedType[] = isInterfaceType(parent) ? [parent, ...schema.getPossibleTypes(parent)] : [parent];
  return [...owners.flatMap((owner) => rules.fields.get(`${owner.name}.${fieldName}`) ?? []), ...(rules.types.get(returnType.name) ?? [])];
}

/**
 * Every requirement an operation touches, so that decisions (some async) can be made before filtering, and every
 * field it uses (`Type.field`), so that schema changes can be judged against served traffic.
 */
export function operationRequirements(
  schema: GraphQLSchema,
  rules: AuthorizationRules,
  operation: OperationDefinitionNode,
): { requirements: Requirement[]; coordinates: string[] } {
  const found: Requirement[] = [];
  const coordinates = new Set<string>();
  const visit = (set: SelectionSetNode, parent: GraphQLCompositeType) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const definition = fieldDefinition(parent, selection);
        if (!definition) continue;
        const named = getNamedType(definition.type);
        coordinates.add(`${parent.name}.${selection.name.value}`);
        found.push(...fieldRequirements(schema, rules, parent, selection.name.value, named));
        if (selection.selectionSet) visit(selection.selectionSet, named as GraphQLCompositeType);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = fragmentType(schema, selection.typeCondition?.name.value, parent);
        found.push(...(type === parent ? [] : (rules.types.get(type.name) ?? [])));
        visit(selection.selectionSet, type);
      }
    }
  };
  visit(operation.selectionSet, rootType(schema, operation));
  return { requirements: found, coordinates: [...coordinates].sort() };
}

/**
 * Removes every selection the caller may not see, before planning, so no subgraph is asked for it. The result is
 * always a valid operation: a field whose children are all removed is removed too, and so is an emptied inline
 * fragment. Denied fields are removed whatever `@skip`/`@include` say (a cached plan serves other variables).
 */
export function filterOperation(
  schema: GraphQLSchema,
  rules: AuthorizationRules,
  operation: OperationDefinitionNode,
  decisions: Decisions,
): FilteredOperation {
  const removals: Removal[] = [];
  let addedTypename = false;

  const filterSet = (
    set: SelectionSetNode,
    parent: GraphQLCompositeType,
    path: PathSegment[],
    conditions: DirectiveNode[],
    holderTypes?: readonly string[],
  ) => {
    const firstRemoval = removals.length;
    const kept: SelectionNode[] = [];
    for (const selection of set.selections) {
      const here = [...conditions, ...conditionsOf(selection.directives)];
      if (selection.kind === Kind.FIELD) {
        const definition = fieldDefinition(parent, selection);
        if (!definition) {
          kept.push(selection);
          continue;
        }
        const named = getNamedType(definition.type);
        const fieldPath = [...path, segment(selection, definition.type, holderTypes)];
        if (!decisions.allows(fieldRequirements(schema, rules, parent, selection.name.value, named))) {
          removals.push({ path: fieldPath, deniedCoordinate: `${parent.name}.${selection.name.value}`, conditions: here });
          continue;
        }
        if (!selection.selectionSet) {
          kept.push(selection);
          continue;
        }
        const children = filterSet(selection.selectionSet, named as GraphQLCompositeType, fieldPath, here);
        if (children.length === 0) removals.push({ path: fieldPath, deniedCoordinate: null, conditions: here });
        else kept.push({ ...selection, selectionSet: { ...selection.selectionSet, selections: children } });
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = fragmentType(schema, selection.typeCondition?.name.value, parent);
        const narrowed =
          type === parent
            ? holderTypes
            : schema
                .getPossibleTypes(type as GraphQLAbstractType)
                .map((t) => t.name)
                .concat(isObjectType(type) ? [type.name] : []);
        if (type !== parent && !decisions.allows(rules.types.get(type.name) ?? [])) {
          for (const field of fieldsOf(selection.selectionSet, type)) {
            removals.push({
              path: [...path, segment(field.node, field.type, narrowed)],
              deniedCoordinate: `${type.name}.${field.node.name.value}`,
              conditions: here,
            });
          }
          continue;
        }
        const children = filterSet(selection.selectionSet, type, path, here, narrowed);
        if (children.length > 0) kept.push({ ...selection, selectionSet: { ...selection.selectionSet, selections: children } });
      }
    }
    // A removal under a type condition nulls a key only on objects of that type (not a sibling's under the same
    // response key: graphql-hive/router#1423), so the response must say each object's type.
    if (removals.slice(firstRemoval).some((removal) => removal.path[path.length]?.holderTypes)) {
      kept.push(TYPENAME_FIELD);
      addedTypename = true;
    }
    return kept;
  };

  const selections = filterSet(operation.selectionSet, rootType(schema, operation), [], []);
  return {
    operation: { ...operation, selectionSet: { ...operation.selectionSet, selections } },
    removals,
    empty: selections.length === 0,
    addedTypename,
  };
}

const TYPENAME_FIELD: FieldNode = {
  kind: Kind.FIELD,
  alias: { kind: Kind.NAME, value: TYPENAME_ALIAS },
  name: { kind: Kind.NAME, value: '__typename' },
};

/** The definition of a selected field; undefined for `__typename` and other meta fields, which are always allowed. */
function fieldDefinition(parent: GraphQLCompositeType, field: FieldNode): GraphQLField<unknown, unknown> | undefined {
  if (field.name.value.startsWith('__') || isUnionType(parent)) return undefined;
  return parent.getFields()[field.name.value];
}

function fragmentType(schema: GraphQLSchema, name: string | undefined, parent: GraphQLCompositeType): GraphQLCompositeType {
  if (!name) return parent;
  const type = schema.getType(name);
  if (!type || !(isObjectType(type) || isAbstractType(type))) throw new Error(`unknown type condition ${name}`);
  return type;
}

function segment(field: FieldNode, type: GraphQLOutputType, holderTypes?: readonly string[]): PathSegment {
  const items: boolean[] = [];
  const nonNull = isNonNullType(type);
  let inner: GraphQLOutputType = nonNull ? type.ofType : type;
  while (isListType(inner)) {
    const item: GraphQLOutputType = inner.ofType;
    items.push(isNonNullType(item));
    inner = isNonNullType(item) ? item.ofType : item;
  }
  return { key: field.alias?.value ?? field.name.value, nonNull, items, ...(holderTypes ? { holderTypes } : {}) };
}

function conditionsOf(directives: readonly DirectiveNode[] | undefined): DirectiveNode[] {
  return (directives ?? []).filter((directive) => directive.name.value === 'skip' || directive.name.value === 'include');
}

/** The fields a selection set selects at its own level (through nested inline fragments), with their types. */
function fieldsOf(set: SelectionSetNode, parent: GraphQLCompositeType): { node: FieldNode; type: GraphQLOutputType }[] {
  return set.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) {
      const definition = fieldDefinition(parent, selection);
      return definition ? [{ node: selection, type: definition.type }] : [];
    }
    return selection.kind === Kind.INLINE_FRAGMENT ? fieldsOf(selection.selectionSet, parent) : [];
  });
}
