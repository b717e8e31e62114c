import {
  Kind,
  getNamedType,
  isCompositeType,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { CLASSIFICATIONS, type Classification, type FieldClassification } from '@govhub/shared';
import type { AuthorizationRules } from '../authorization/rules';
import { rootType } from '../authorization/filter';

/**
 * Added to every selection of a type that names a subject (see audit/releases), so each release names its subject
 * even when the client did not ask.
 */
export const SUBJECT_ALIAS = '__govhub_subject';

const LOGGED_LEVELS: ReadonlySet<Classification> = new Set(CLASSIFICATIONS.slice(CLASSIFICATIONS.indexOf('PERSONAL')));

export type LoggedClassification = FieldClassification & { dataset: string };

/** The field's classification when its release is judged and logged (PERSONAL or higher, with a dataset). */
export function loggedClassification(rules: AuthorizationRules, coordinate: string): LoggedClassification | null {
  for (const requirement of rules.fields.get(coordinate) ?? []) {
    if (requirement.kind !== 'classified' || !LOGGED_LEVELS.has(requirement.classification.level)) continue;
    const { level, dataset } = requirement.classification;
    return { level, dataset: dataset ?? coordinate };
  }
  return null;
}

/**
 * Whether any selection of the operation is a field whose values the release guard judges (PERSONAL or higher), on
 * the same walk the guard makes over an answer (fields by the type they are selected on, inline fragments by their
 * condition). Decided once per filtered operation: an operation that selects none has nothing to judge or log in
 * any answer, and its answers are not walked at all.
 */
export function selectsLoggedField(schema: GraphQLSchema, rules: AuthorizationRules, operation: OperationDefinitionNode): boolean {
  const visit = (set: SelectionSetNode, type: GraphQLCompositeType): boolean =>
    set.selections.some((selection) => {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? (schema.getType(selection.typeCondition.name.value) as GraphQLCompositeType) : type;
        return visit(selection.selectionSet, condition);
      }
      if (selection.kind !== Kind.FIELD || !('getFields' in type) || selection.name.value.startsWith('__')) return false;
      if (selection.alias?.value === SUBJECT_ALIAS) return false;
      const definition = type.getFields()[selection.name.value];
      if (!definition) return false;
      if (loggedClassification(rules, `${type.name}.${selection.name.value}`)) return true;
      const named = getNamedType(definition.type);
      return selection.selectionSet !== undefined && isCompositeType(named) && visit(selection.selectionSet, named);
    });
  return visit(operation.selectionSet, rootType(schema, operation));
}
