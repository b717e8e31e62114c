import {
  ERRORS,
  isCompositeType,
  isListType,
  isNonNullType,
  isObjectType,
  isValidLeafValue,
  type CompositeType,
  type OutputType,
  type Schema,
} from '@apollo/federation-internals';
import type { GraphQLError } from 'graphql';
import { fragmentApplies, isSkipped, type Projection, type Step } from './projection';

type Data = Record<string, unknown>;
type Path = (string | number)[];

interface Writing {
  schema: Schema;
  variables: Readonly<Record<string, unknown>>;
  errors: GraphQLError[];
}

const BUBBLE_UP = Symbol('null bubbles up');

/**
 * Writes the client's answer from the fetched data by walking the compiled selections: aliases, `__typename`,
 * fragments on abstract types, `@skip`/`@include`, and non-null propagation, with the very messages and paths the
 * stock gateway's result shaping produces (it decides equality, so the rules are the same, step for step).
 */
export function writeResponse(projection: Projection, input: Data, requestVariables: Readonly<Record<string, unknown>> | undefined) {
  const writing: Writing = {
    schema: projection.schema,
    variables: { __proto__: null, ...projection.defaults, ...requestVariables },
    errors: [],
  };
  const data: Data = Object.create(null);
  const result = writeSelections(writing, input, projection.steps, data, [], projection.rootType);
  return { data: result === BUBBLE_UP ? null : data, errors: writing.errors };
}

function writeSelections(
  writing: Writing,
  input: Data,
  steps: readonly Step[],
  output: Data,
  path: Path,
  parentType: CompositeType,
): typeof BUBBLE_UP | undefined {
  for (const step of steps) {
    if ((step.skip !== undefined || step.include !== undefined) && isSkipped(step, writing.variables)) continue;
    if (step.kind === 'fragment') {
      const typename = input.__typename;
      if (typename !== undefined && typename !== null && typeof typename !== 'string')
        throw new Error(`Got unexpected value for __typename: ${typename}`);
      if (!fragmentApplies(step, writing.schema, typename || undefined, parentType)) continue;
      const written = writeSelections(writing, input, step.selections, output, path, step.typeCondition ?? parentType);
      if (written === BUBBLE_UP) return BUBBLE_UP;
      continue;
    }
    const { responseName } = step;
    const outputValue = output[responseName];
    let inputValue = Object.hasOwn(input, responseName) ? (input[responseName] ?? null) : null;
    if (step.isTypename) {
      if (outputValue !== undefined) continue;
      if (inputValue === null && responseName !== '__typename') inputValue = input.__typename ?? null;
      const type = typeof inputValue === 'string' ? (writing.schema.type(inputValue) ?? parentType) : parentType;
      if (!isObjectType(type)) return BUBBLE_UP;
      output[responseName] = type.name;
      continue;
    }
    path.push(responseName);
    const value = writeValue(writing, outputValue, step.type, inputValue, step.selections, path, parentType);
    output[responseName] = value.updated;
    path.pop();
    if (value.isInvalid) return BUBBLE_UP;
  }
  return undefined;
}

interface Written {
  updated: unknown;
  isInvalid?: boolean;
  hasErrors?: boolean;
}

function describeLast(path: Path, currentType: OutputType, parentType: CompositeType): string {
  const element = path[path.length - 1];
  return typeof element === 'string' ? `field ${parentType}.${element}` : `array element of type ${currentType} at index ${element}`;
}

function completionError(writing: Writing, message: string, path: Path): void {
  writing.errors.push(ERRORS.INVALID_GRAPHQL.err(message, { path: Array.from(path) }));
}

function writeValue(
  writing: Writing,
  outputValue: unknown,
  type: OutputType,
  inputValue: unknown,
  steps: readonly Step[] | undefined,
  path: Path,
  parentType: CompositeType,
): Written {
  if (outputValue === null || (outputValue !== undefined && !steps)) return { updated: outputValue };
  if (isNonNullType(type)) {
    const inner = writeValue(writing, outputValue, type.ofType, inputValue, steps, path, parentType);
    if (inner.updated !== null) return { updated: inner.updated };
    if (!inner.hasErrors) completionError(writing, `Cannot return null for non-nullable ${describeLast(path, type.ofType, parentType)}.`, path);
    return { updated: null, isInvalid: true, hasErrors: true };
  }
  if (inputValue === null) return { updated: null };
  if (isListType(type)) return writeList(writing, outputValue, type.ofType, inputValue, steps, path, parentType);
  if (isCompositeType(type)) return writeObject(writing, outputValue, type, inputValue as Data, steps as readonly Step[], path, parentType);
  const valid = isValidLeafValue(writing.schema, inputValue, type);
  if (!valid) completionError(writing, `Invalid value found for ${describeLast(path, type, parentType)}.`, path);
  return { updated: valid ? inputValue : null, hasErrors: !valid };
}

function writeList(
  writing: Writing,
  outputValue: unknown,
  itemType: OutputType,
  inputValue: unknown,
  steps: readonly Step[] | undefined,
  path: Path,
  parentType: CompositeType,
): Written {
  if (!Array.isArray(inputValue)) throw new Error(`Invalid non-list value ${inputValue} returned by subgraph for list type`);
  const existing = outputValue as unknown[] | undefined;
  const updated = new Array<unknown>(inputValue.length);
  let nullify = false;
  let hasErrors = false;
  for (let index = 0; index < inputValue.length; index++) {
    path.push(index);
    const item = writeValue(writing, existing?.[index], itemType, inputValue[index], steps, path, parentType);
    path.pop();
    nullify ||= !!item.isInvalid;
    hasErrors ||= !!item.hasErrors;
    updated[index] = item.updated;
  }
  return { updated: nullify ? null : updated, hasErrors };
}

function writeObject(
  writing: Writing,
  outputValue: unknown,
  type: CompositeType,
  inputValue: Data,
  steps: readonly Step[],
  path: Path,
  parentType: CompositeType,
): Written {
  const typename = inputValue.__typename;
  let objectType: CompositeType = type;
  if (typename) {
    const named = writing.schema.type(typename as string);
    if (!named || !isCompositeType(named)) {
      completionError(writing, `Invalid __typename found for object at ${describeLast(path, type, parentType)}.`, path);
      return { updated: null, hasErrors: true };
    }
    objectType = named;
  }
  const output = (outputValue as Data | undefined) ?? Object.create(null);
  const invalid = writeSelections(writing, inputValue, steps, output, path, objectType) === BUBBLE_UP;
  return { updated: invalid ? null : output, hasErrors: invalid };
}
