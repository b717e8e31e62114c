import { Kind, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';

/** How big an operation is once its fragments are expanded where they are spread. */
export interface OperationShape {
  /** The deepest field; an introspection field (`__schema`, `__type`) counts one, its subtree is bounded apart. */
  depth: number;
  /** Every alias, `__typename`'s included. */
  aliases: number;
  /** Every field selection, duplicates included. */
  fields: number;
  /** Field selections at the top of the selection set. */
  topFields: number;
  /** The most directives on one selection (field, fragment spread or inline fragment). */
  directivesOnOneSelection: number;
}

const EMPTY: OperationShape = { depth: 0, aliases: 0, fields: 0, topFields: 0, directivesOnOneSelection: 0 };
const INTROSPECTION_ROOTS = new Set(['__schema', '__type']);

/**
 * Measures a selection set in one walk. A fragment is measured once and counted at every spread, so a fragment used
 * twice counts its fields twice (that is what executes) without walking it twice; a fragment cycle (invalid, and
 * reported by graphql-js's own rule) counts nothing.
 */
export function shapeOf(selectionSet: SelectionSetNode, fragment: (name: string) => FragmentDefinitionNode | null | undefined): OperationShape {
  const measured = new Map<string, OperationShape>();

  function measure(set: SelectionSetNode): OperationShape {
    const shape = { ...EMPTY };
    for (const selection of set.selections) {
      shape.directivesOnOneSelection = Math.max(shape.directivesOnOneSelection, selection.directives?.length ?? 0);
      if (selection.kind === Kind.FIELD) {
        const inner = selection.selectionSet ? measure(selection.selectionSet) : EMPTY;
        const innerDepth = INTROSPECTION_ROOTS.has(selection.name.value) ? 0 : inner.depth;
        add(shape, { ...inner, depth: 1 + innerDepth, fields: inner.fields + 1, topFields: 1, aliases: inner.aliases + (selection.alias ? 1 : 0) });
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        add(shape, measure(selection.selectionSet));
      } else {
        add(shape, spread(selection.name.value));
      }
    }
    return shape;
  }

  function spread(name: string): OperationShape {
    const known = measured.get(name);
    if (known) return known;
    const definition = fragment(name);
    if (!definition) return EMPTY;
    measured.set(name, EMPTY);
    const shape = measure(definition.selectionSet);
    measured.set(name, shape);
    return shape;
  }

  return measure(selectionSet);
}

/** Selections side by side: counts add up, depth and directives take the larger. */
function add(shape: OperationShape, other: OperationShape): void {
  shape.depth = Math.max(shape.depth, other.depth);
  shape.aliases += other.aliases;
  shape.fields += other.fields;
  shape.topFields += other.topFields;
  shape.directivesOnOneSelection = Math.max(shape.directivesOnOneSelection, other.directivesOnOneSelection);
}
