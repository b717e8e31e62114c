import { MaxIntrospectionDepthRule, TypeInfo, ValidationContext, type ValidationRule } from 'graphql';
import type { OperationLimits } from './config';
import { LimitCode, LimitExceeded } from './errors';
import { shapeOf, type OperationShape } from './operationShape';

interface ShapeCheck {
  code: LimitCode;
  limit: keyof OperationLimits;
  actual(shape: OperationShape): number;
  message(actual: number, limit: number): string;
}

const SHAPE_CHECKS: readonly ShapeCheck[] = [
  {
    code: LimitCode.OPERATION_TOO_DEEP,
    limit: 'depth',
    actual: (shape) => shape.depth,
    message: (actual, limit) => `The operation nests fields ${actual} deep; at most ${limit}`,
  },
  {
    code: LimitCode.TOO_MANY_ALIASES,
    limit: 'aliases',
    actual: (shape) => shape.aliases,
    message: (actual, limit) => `The operation uses ${actual} aliases; at most ${limit}`,
  },
  {
    code: LimitCode.TOO_MANY_ROOT_FIELDS,
    limit: 'rootFields',
    actual: (shape) => shape.topFields,
    message: (actual, limit) => `The operation selects ${actual} root fields; at most ${limit}`,
  },
  {
    code: LimitCode.TOO_MANY_DIRECTIVES,
    limit: 'directivesPerField',
    actual: (shape) => shape.directivesOnOneSelection,
    message: (actual, limit) => `A field carries ${actual} directives; at most ${limit}`,
  },
  {
    code: LimitCode.TOO_MANY_FIELDS,
    limit: 'fields',
    actual: (shape) => shape.fields,
    message: (actual, limit) => `The operation selects ${actual} fields once its fragments are expanded; at most ${limit}`,
  },
];

/**
 * The hub's limits as GraphQL validation rules: they run with graphql-js's own rules, before planning.
 *
 * Why not graphql-armor's max-depth / max-aliases / max-directives: each throws a "Syntax Error: ..." with the count
 * only in its text (no way to answer `extensions.actual`), max-aliases skips `__typename` aliases and max-depth skips
 * introspection unless told otherwise, max-directives counts the whole operation rather than one field, and a fragment
 * cycle subtracts one. One walk (operationShape.ts) measures all five the same way, fragments expanded.
 */
export function limitValidationRules(limits: OperationLimits): ValidationRule[] {
  return [operationShapeRule(limits), introspectionDepthRule];
}

function operationShapeRule(limits: OperationLimits): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      const shape = shapeOf(operation.selectionSet, (name) => context.getFragment(name));
      for (const check of SHAPE_CHECKS) {
        const actual = check.actual(shape);
        const limit = limits[check.limit];
        if (actual > limit) context.reportError(new LimitExceeded(check.code, check.message(actual, limit), { limit, actual }, [operation]));
      }
      return false;
    },
  });
}

/**
 * Introspection is exempt from the depth limit (the IDE's own introspection query is 15 deep), and bounded instead by
 * graphql-js's MaxIntrospectionDepthRule: `fields`, `interfaces`, `possibleTypes` and `inputFields` nested three
 * times are refused, which stops circular introspection. Its error gets the hub's code.
 */
const introspectionDepthRule: ValidationRule = (context) =>
  MaxIntrospectionDepthRule(
    new ValidationContext(context.getSchema(), context.getDocument(), new TypeInfo(context.getSchema()), (error) =>
      context.reportError(
        new LimitExceeded(
          LimitCode.OPERATION_TOO_DEEP,
          'Introspection nests fields, interfaces, possibleTypes or inputFields three deep; at most two',
          null,
          error.nodes,
        ),
      ),
    ),
  );
