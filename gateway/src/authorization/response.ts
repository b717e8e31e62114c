import { valueFromAST, GraphQLBoolean, type DirectiveNode, type GraphQLFormattedError } from 'graphql';
import { TYPENAME_ALIAS, type PathSegment, type Removal } from './filter';

export const UNAUTHORIZED = { message: 'Unauthorized field or type', code: 'UNAUTHORIZED_FIELD_OR_TYPE' } as const;

type Variables = Record<string, unknown> | undefined;
type Data = Record<string, unknown>;

/** Whether `@skip`/`@include` exclude a selection for these variables (then it is neither fetched nor reported). */
export function isExcluded(conditions: readonly DirectiveNode[], variables: Variables): boolean {
  return conditions.some((directive) => {
    const argument = directive.arguments?.find((arg) => arg.name.value === 'if');
    const value = argument ? valueFromAST(argument.value, GraphQLBoolean, variables) : undefined;
    return directive.name.value === 'skip' ? value === true : value === false;
  });
}

/** The path in Apollo Router's form: response keys, with `@` for each list level on the way to the field. */
export function errorPath(path: readonly PathSegment[]): string[] {
  return path.flatMap((segment, index) => (index === path.length - 1 ? [segment.key] : [segment.key, ...segment.items.map(() => '@')]));
}

/** One error per denied field that these variables do not exclude. */
export function unauthorizedErrors(removals: readonly Removal[], variables: Variables): GraphQLFormattedError[] {
  return removals
    .filter((removal) => removal.deniedCoordinate !== null && !isExcluded(removal.conditions, variables))
    .map((removal) => ({ message: UNAUTHORIZED.message, path: errorPath(removal.path), extensions: { code: UNAUTHORIZED.code } }));
}

/**
 * Puts `null` where removed selections would have answered, with GraphQL's null propagation: a removed non-null
 * field nulls its parent, up to the nearest nullable field. Returns the data (null when it propagates to the root).
 */
export function nullRemovedFields(data: Data | null | undefined, removals: readonly Removal[], variables: Variables): Data | null {
  if (!data) return data ?? null;
  for (const removal of removals) {
    if (isExcluded(removal.conditions, variables)) continue;
    if (nullAt(data, removal.path, 0)) return null;
  }
  return data;
}

/** Returns true when the object holding `path[index]` must itself become null. */
function nullAt(holder: Data, path: readonly PathSegment[], index: number): boolean {
  const segment = path[index];
  if (segment.holderTypes && !segment.holderTypes.includes(holder[TYPENAME_ALIAS] as string)) return false;
  if (index === path.length - 1) {
    if (holder[segment.key] !== undefined) return false;
    holder[segment.key] = null;
    return segment.nonNull;
  }
  const value = holder[segment.key];
  if (value === null || value === undefined) return false;
  if (nullInside(value, segment.items, 0, path, index)) {
    holder[segment.key] = null;
    return segment.nonNull;
  }
  return false;
}

/** Walks the list levels of a segment's value; true when the value itself must become null. */
function nullInside(value: unknown, items: readonly boolean[], level: number, path: readonly PathSegment[], index: number): boolean {
  if (level === items.length) return typeof value === 'object' && value !== null && nullAt(value as Data, path, index + 1);
  if (!Array.isArray(value)) return false;
  for (let i = 0; i < value.length; i++) {
    if (value[i] === null || !nullInside(value[i], items, level + 1, path, index)) continue;
    if (items[level]) return true;
    value[i] = null;
  }
  return false;
}

/** Removes keys the hub added to the operation for its own use (type names, subjects), everywhere in the data. */
export function stripInternalKeys(value: unknown, keys: readonly string[]): void {
  if (Array.isArray(value)) {
    for (const item of value) stripInternalKeys(item, keys);
  } else if (value && typeof value === 'object') {
    for (const key of keys) delete (value as Data)[key];
    for (const child of Object.values(value)) stripInternalKeys(child, keys);
  }
}
