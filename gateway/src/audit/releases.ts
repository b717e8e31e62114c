import {
  Kind, getNamedType, isCompositeType, isListType, isNonNullType,
  type FieldNode, type GraphQLCompositeType, type GraphQLOutputType, type GraphQLSchema,
  type OperationDefinitionNode, type SelectionNode, type SelectionSetNode,
} from 'graphql';
import { CLASSIFICATIONS, type Classification } from '@govhub/shared';
import type { AuthorizationRules } from '../authorization/rules';
import { rootType } from '../authorization/filter';

/** The entity whose national ID makes a record personal data about someone. */
const SUBJECT_TYPE = 'Person';
const SUBJECT_KEY = 'nationalId';
/** Added to every selection of a Person, so each release names its subject even when the client did not ask. */
export const SUBJECT_ALIAS = '__govhub_subject';

const LOGGED_LEVELS: ReadonlySet<Classification> = new Set(CLASSIFICATIONS.slice(CLASSIFICATIONS.indexOf('PERSONAL')));

export interface Release {
  dataset: string;
  classification: Classification;
  coordinate: string;
  subject: string | null;
  /** Where in the response the data was, when no subject could be named. */
  subjectRef: string | null;
}

/** The operation with `__govhub_subject: nationalId` in every selection set of a Person. */
export function withSubjectKeys(schema: GraphQLSchema, operation: OperationDefinitionNode): OperationDefinitionNode {
  if (!schema.getType(SUBJECT_TYPE)) return operation;
  const visit = (set: SelectionSetNode, parent: GraphQLCompositeType): SelectionSetNode => {
    const selections: SelectionNode[] = set.selections.map((selection) => {
      if (selection.kind === Kind.FIELD && selection.selectionSet && !isUnion(parent)) {
        const definition = 'getFields' in parent ? parent.getFields()[selection.name.value] : undefined;
        return definition ? { ...selection, selectionSet: visit(selection.selectionSet, getNamedType(definition.type) as GraphQLCompositeType) } : selection;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? (schema.getType(selection.typeCondition.name.value) as GraphQLCompositeType) : parent;
        return { ...selection, selectionSet: visit(selection.selectionSet, type) };
      }
      return selection;
    });
    if (parent.name === SUBJECT_TYPE) selections.push(SUBJECT_FIELD);
    return { ...set, selections };
  };
  return { ...operation, selectionSet: visit(operation.selectionSet, rootType(schema, operation)) };
}

const SUBJECT_FIELD: FieldNode = {
  kind: Kind.FIELD,
  alias: { kind: Kind.NAME, value: SUBJECT_ALIAS },
  name: { kind: Kind.NAME, value: SUBJECT_KEY },
};

/**
 * Every released field classified PERSONAL or higher, with the national ID of the person it is about (the nearest
 * Person at or above it in the response).
 */
export function releasesIn(
  schema: GraphQLSchema,
  rules: AuthorizationRules,
  operation: OperationDefinitionNode,
  data: Record<string, unknown> | null | undefined,
  variables: Record<string, unknown> = {},
): Release[] {
  const releases: Release[] = [];
  if (!data) return releases;
  const walk = (set: SelectionSetNode, parent: GraphQLCompositeType, value: Record<string, unknown>, subject: string | null, path: string) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? (schema.getType(selection.typeCondition.name.value) as GraphQLCompositeType) : parent;
        walk(selection.selectionSet, type, value, subject, path);
        continue;
      }
      if (selection.kind !== Kind.FIELD || isUnion(parent) || selection.name.value.startsWith('__')) continue;
      // The hub's own subject key names whom a release is about; it is not released to the caller.
      if (selection.alias?.value === SUBJECT_ALIAS) continue;
      const key = selection.alias?.value ?? selection.name.value;
      const fieldValue = value[key];
      if (fieldValue === undefined || fieldValue === null) continue;
      const definition = parent.getFields()[selection.name.value];
      if (!definition) continue;
      const coordinate = `${parent.name}.${selection.name.value}`;
      const named = getNamedType(definition.type);
      const ownSubject = (named.name === SUBJECT_TYPE && !isListOutput(definition.type) ? subjectOf(fieldValue) : null)
        ?? subjectArgument(selection, variables) ?? subject;
      for (const requirement of rules.fields.get(coordinate) ?? []) {
        if (requirement.kind !== 'classified' || !LOGGED_LEVELS.has(requirement.classification.level)) continue;
        releases.push({
          dataset: requirement.classification.dataset ?? coordinate,
          classification: requirement.classification.level,
          coordinate,
          subject: ownSubject,
          subjectRef: ownSubject ? null : `${path}${key}`,
        });
      }
      if (!selection.selectionSet || !isCompositeType(named)) continue;
      for (const item of flatten(fieldValue)) {
        if (item && typeof item === 'object') {
          const itemSubject = named.name === SUBJECT_TYPE ? subjectOf(item) ?? subject : subject;
          walk(selection.selectionSet, named as GraphQLCompositeType, item as Record<string, unknown>, itemSubject, `${path}${key}.`);
        }
      }
    }
  };
  walk(operation.selectionSet, rootType(schema, operation), data, null, '');
  return releases;
}

/** A field asked about one person by national ID (`identityRecord(nationalId: ...)`) is about that person. */
function subjectArgument(field: FieldNode, variables: Record<string, unknown>): string | null {
  const argument = field.arguments?.find((arg) => arg.name.value === SUBJECT_KEY);
  if (!argument) return null;
  const value = argument.value.kind === Kind.VARIABLE ? variables[argument.value.name.value] : argument.value.kind === Kind.STRING ? argument.value.value : null;
  return typeof value === 'string' ? value : null;
}

function subjectOf(value: unknown): string | null {
  const subject = value && typeof value === 'object' ? (value as Record<string, unknown>)[SUBJECT_ALIAS] : undefined;
  return typeof subject === 'string' ? subject : null;
}

function flatten(value: unknown): unknown[] {
  return Array.isArray(value) ? value.flatMap(flatten) : [value];
}

function isListOutput(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

function isUnion(type: GraphQLCompositeType): type is Extract<GraphQLCompositeType, { getTypes(): unknown }> {
  return 'getTypes' in type;
}
