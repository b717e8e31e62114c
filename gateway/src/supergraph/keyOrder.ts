import { Kind, type ConstDirectiveNode, type DocumentNode, type TypeDefinitionNode } from 'graphql';

/**
 * The supergraph with each type's resolvable keys listed before its `resolvable: false` ones, in every subgraph.
 * After fetching a `@requires` field's inputs, @apollo/query-planner 2.14 comes back to the subgraph with the first
 * key that subgraph declares whose fields it holds, resolvable or not; a non-resolvable one sends a representation
 * the subgraph cannot find, and the entity comes back null with no error. Key order means nothing in Federation,
 * so putting the resolvable ones first makes the planner take one of them and changes nothing else.
 */
export function resolvableKeysFirst(document: DocumentNode): DocumentNode {
  return {
    ...document,
    definitions: document.definitions.map((definition) =>
      (definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.INTERFACE_TYPE_DEFINITION) && definition.directives
        ? ({ ...definition, directives: withResolvableKeysFirst(definition.directives) } as TypeDefinitionNode)
        : definition,
    ),
  };
}

function withResolvableKeysFirst(directives: readonly ConstDirectiveNode[]): ConstDirectiveNode[] {
  const joins = directives.filter(isJoinType);
  const ordered = [...joins.filter((join) => !isUnresolvable(join)), ...joins.filter(isUnresolvable)];
  let next = 0;
  // Only the join__type directives move, among their own places: everything else keeps its position.
  return directives.map((directive) => (isJoinType(directive) ? ordered[next++] : directive));
}

const isJoinType = (directive: ConstDirectiveNode): boolean => directive.name.value === 'join__type';

function isUnresolvable(directive: ConstDirectiveNode): boolean {
  const resolvable = directive.arguments?.find((argument) => argument.name.value === 'resolvable')?.value;
  return resolvable?.kind === Kind.BOOLEAN && !resolvable.value;
}
