import {
  isSubtype,
  type CompositeType,
  type Field,
  type FragmentElement,
  type Operation,
  type OutputType,
  type Schema,
  type SelectionSet,
  type Variable,
} from '@apollo/federation-internals';

/** A `@skip`/`@include` argument: a literal, or the name of the variable that decides it. */
export type ConditionValue = boolean | string;

interface Conditioned {
  skip?: ConditionValue;
  include?: ConditionValue;
}

export interface FieldStep extends Conditioned {
  kind: 'field';
  responseName: string;
  isTypename: boolean;
  type: OutputType;
  selections?: readonly Step[];
}

export interface FragmentStep extends Conditioned {
  kind: 'fragment';
  typeCondition?: CompositeType;
  selections: readonly Step[];
  /** Whether the condition applies to an object of each `__typename` met so far (decided once, as the stock shaper does). */
  appliesTo: Map<string, boolean>;
}

export type Step = FieldStep | FragmentStep;

/**
 * What the response writer walks: the operation's selections (as the planner normalised them: fragments expanded,
 * same-named fields merged) compiled once per operation, so a request reads plain objects and never asks the
 * federation schema to evaluate directives or list selections again.
 */
export interface Projection {
  schema: Schema;
  rootType: CompositeType;
  steps: readonly Step[];
  /** Variables with a default value: the values `@skip`/`@include` and plan conditions use when a request omits them. */
  defaults: Readonly<Record<string, unknown>>;
}

export function compileProjection(operation: Operation): Projection {
  const schema = operation.schema();
  const rootType = schema.schemaDefinition.rootType(operation.rootKind);
  if (!rootType) throw new Error(`the schema has no ${operation.rootKind} type`);
  return { schema, rootType, steps: compileSelections(schema, operation.selectionSet), defaults: operation.collectDefaultedVariableValues() };
}

function compileSelections(schema: Schema, selectionSet: SelectionSet): Step[] {
  return selectionSet.selections().map((selection): Step => {
    const conditions = conditionsOf(schema, selection.element);
    if (selection.kind === 'FieldSelection') {
      const field = selection.element;
      return {
        kind: 'field',
        responseName: field.responseName(),
        isTypename: field.name === '__typename',
        type: field.definition.type as OutputType,
        selections: selection.selectionSet ? compileSelections(schema, selection.selectionSet) : undefined,
        ...conditions,
      };
    }
    return {
      kind: 'fragment',
      typeCondition: selection.element.typeCondition,
      selections: compileSelections(schema, selection.selectionSet),
      appliesTo: new Map(),
      ...conditions,
    };
  });
}

function conditionsOf(schema: Schema, element: Field | FragmentElement): Conditioned {
  const skip = element.appliedDirectivesOf(schema.skipDirective())[0];
  const include = element.appliedDirectivesOf(schema.includeDirective())[0];
  return {
    ...(skip ? { skip: conditionValue(skip.arguments().if) } : {}),
    ...(include ? { include: conditionValue(include.arguments().if) } : {}),
  };
}

function conditionValue(argument: unknown): ConditionValue {
  if (typeof argument === 'boolean') return argument;
  return (argument as Variable).name;
}

/** The stock shaper's rule: a step is left out when `@skip` holds or `@include` does not. */
export function isSkipped(step: Conditioned, variables: Readonly<Record<string, unknown>>): boolean {
  return (step.skip !== undefined && evaluate(step.skip, variables)) || (step.include !== undefined && !evaluate(step.include, variables));
}

function evaluate(value: ConditionValue, variables: Readonly<Record<string, unknown>>): boolean {
  if (typeof value === 'boolean') return value;
  const bound = variables[value];
  if (typeof bound !== 'boolean') throw new Error(`Unexpected value ${String(bound)} for variable $${value}`);
  return bound;
}

/** Whether a fragment's type condition applies to an object typed `typename` (or to its parent's type without one). */
export function fragmentApplies(step: FragmentStep, schema: Schema, typename: string | undefined, parentType: CompositeType): boolean {
  const condition = step.typeCondition;
  if (!condition) return true;
  if (!typename) return isSubtype(condition, parentType);
  let applies = step.appliesTo.get(typename);
  if (applies === undefined) {
    const type = schema.type(typename);
    applies = !!type && isSubtype(condition, type);
    step.appliesTo.set(typename, applies);
  }
  return applies;
}
