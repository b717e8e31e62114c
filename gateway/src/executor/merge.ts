import { isAbstractType, isInterfaceType, isObjectType, type GraphQLSchema } from 'graphql';
import type { FetchDataRewrite } from '@apollo/query-planner';

type Data = Record<string, unknown>;

function isPlainObject(value: unknown): value is Data {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Makes `key` an own property before it is written, so an inherited one (`constructor`) is never written through. */
function ownSlot(object: Data, key: string): void {
  if (!Object.hasOwn(object, key) && key in object)
    Object.defineProperty(object, key, { value: undefined, writable: true, enumerable: true, configurable: true });
}

/** Merges a subgraph's answer into the data fetched so far, as the stock gateway does (lists of equal length item by item). */
export function deepMerge(target: Data, source: Data | null | undefined): Data {
  if (source === undefined || source === null) return target;
  for (const key of Object.keys(source)) {
    const value = source[key];
    if (value === undefined) continue;
    ownSlot(target, key);
    const existing = target[key];
    if (existing && isPlainObject(value)) {
      deepMerge(existing as Data, value);
    } else if (Array.isArray(value) && Array.isArray(existing) && value.length === existing.length) {
      for (let index = 0; index < value.length; index++) {
        if (isPlainObject(existing[index]) && isPlainObject(value[index])) deepMerge(existing[index] as Data, value[index] as Data);
        else existing[index] = value[index];
      }
    } else {
      target[key] = value;
    }
  }
  return target;
}

/** Whether an object fetched from a subgraph is of `typeCondition`, judged on the supergraph's types. */
export function isObjectOfType(schema: GraphQLSchema, object: Data, typeCondition: string, unknownTypename = false): boolean {
  const typename = object.__typename as string | undefined;
  if (!typename) return unknownTypename;
  if (typeCondition === typename) return true;
  const type = schema.getType(typename);
  const condition = schema.getType(typeCondition);
  if (!type || !condition || !isAbstractType(condition)) return false;
  return (isObjectType(type) || isInterfaceType(type)) && schema.isSubType(condition, type);
}

const FRAGMENT_PREFIX = '... on ';

/** The plan's input and output rewrites (renamed keys, set values), at their paths through fragments and lists. */
export function applyRewrites(schema: GraphQLSchema, rewrites: readonly FetchDataRewrite[] | undefined, value: unknown): void {
  if (!rewrites) return;
  for (const rewrite of rewrites) {
    if (rewrite.path.length === 0) continue;
    const field = rewrite.path[rewrite.path.length - 1];
    applyAtPath(schema, rewrite.path.slice(0, -1), value, (object) => rewriteField(rewrite, field, object));
  }
}

function rewriteField(rewrite: FetchDataRewrite, field: string, object: Data): void {
  if (rewrite.kind === 'ValueSetter') {
    ownSlot(object, field);
    object[field] = rewrite.setValueTo;
    return;
  }
  const value = Object.hasOwn(object, field) ? object[field] : undefined;
  if (value) {
    ownSlot(object, rewrite.renameKeyTo);
    object[rewrite.renameKeyTo] = value;
    object[field] = undefined;
  }
}

function applyAtPath(schema: GraphQLSchema, path: readonly string[], value: unknown, rewrite: (object: Data) => void): void {
  if (Array.isArray(value)) {
    for (const item of value) applyAtPath(schema, path, item, rewrite);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  if (path.length === 0) {
    rewrite(value as Data);
    return;
  }
  const [first, ...rest] = path;
  if (first.startsWith(FRAGMENT_PREFIX)) {
    if (isObjectOfType(schema, value as Data, first.slice(FRAGMENT_PREFIX.length), true)) applyAtPath(schema, rest, value, rewrite);
  } else {
    applyAtPath(schema, rest, Object.hasOwn(value, first) ? (value as Data)[first] : undefined, rewrite);
  }
}
