import {
  Kind,
  getNamedType,
  isCompositeType,
  isListType,
  isNonNullType,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLFormattedError,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';
import { namesOwnSubject, SUBJECT_KEY, type Classification, type FieldClassification, type ReleaseBasis } from '@govhub/shared';
import type { AuthorizationRules } from '../authorization/rules';
import { rootType } from '../authorization/filter';
import { UNAUTHORIZED } from '../authorization/response';
import { loggedClassification, SUBJECT_ALIAS, type LoggedClassification } from './loggedFields';

/** One released value of PERSONAL or higher data, and why it was released. */
export interface Release {
  dataset: string;
  classification: Classification;
  coordinate: string;
  subject: string | null;
  /** Where in the response the data was, when it names no subject (SECRET data about no one, e.g. an incident). */
  subjectRef: string | null;
  /** `dry-run` when the hub only reported a denial (authorization dry-run mode) and released it anyway. */
  basis: ReleaseBasis | 'dry-run';
  agreementId: string | null;
}

/** Decides one value: on which basis may this field about this subject be released (null: it may not). */
export type ReleaseJudge = (
  classification: FieldClassification & { dataset: string },
  coordinate: string,
  subject: string | null,
) => { basis: ReleaseBasis; agreementId: string | null } | null;

export interface GuardOptions {
  judge: ReleaseJudge;
  /** False in dry-run mode: denials are reported and logged as `dry-run`, nothing is withheld. */
  enforce: boolean;
  variables?: Record<string, unknown>;
  /** Whom a mutation's root fields act on when they name nobody (a citizen's own consent). */
  mutationSubject?: string | null;
}

export interface GuardedAnswer {
  /** The data with every denied value null (GraphQL null propagation applied); null when it reached the root. */
  data: Record<string, unknown> | null;
  releases: Release[];
  denials: GraphQLFormattedError[];
}

/**
 * The operation with `__govhub_subject: nationalId` in every selection set of a type that names a subject, and
 * whether it added any (then the answer carries keys to strip).
 */
export function withSubjectKeys(schema: GraphQLSchema, operation: OperationDefinitionNode): { operation: OperationDefinitionNode; added: boolean } {
  let added = false;
  const visit = (set: SelectionSetNode, parent: GraphQLCompositeType): SelectionSetNode => {
    const selections: SelectionNode[] = set.selections.map((selection) => {
      if (selection.kind === Kind.FIELD && selection.selectionSet && 'getFields' in parent) {
        const definition = parent.getFields()[selection.name.value];
        return definition
          ? { ...selection, selectionSet: visit(selection.selectionSet, getNamedType(definition.type) as GraphQLCompositeType) }
          : selection;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? (schema.getType(selection.typeCondition.name.value) as GraphQLCompositeType) : parent;
        return { ...selection, selectionSet: visit(selection.selectionSet, type) };
      }
      return selection;
    });
    if (namesOwnSubject(parent)) {
      selections.push(SUBJECT_FIELD);
      added = true;
    }
    return { ...set, selections };
  };
  const selectionSet = visit(operation.selectionSet, rootType(schema, operation));
  return { operation: { ...operation, selectionSet }, added };
}

const SUBJECT_FIELD: FieldNode = {
  kind: Kind.FIELD,
  alias: { kind: Kind.NAME, value: SUBJECT_ALIAS },
  name: { kind: Kind.NAME, value: SUBJECT_KEY },
};

/**
 * Judges every value of PERSONAL or higher data in an answer for the person it is about, before it leaves: the
 * subject of a record is its own national ID when its type has one, otherwise the subject of the record it was
 * reached through (at the root: the `nationalId` argument). A list of people is judged person by person, so
 * another person's national ID is a release about that person. A value whose subject cannot be named is not
 * released (SECRET data about no one excepted). Denied values become null with one error each; what is released
 * is returned for the exchange log.
 */
export function guardReleases(
  schema: GraphQLSchema,
  rules: AuthorizationRules,
  operation: OperationDefinitionNode,
  data: Record<string, unknown> | null | undefined,
  options: GuardOptions,
): GuardedAnswer {
  const releases: Release[] = [];
  const denials: GraphQLFormattedError[] = [];
  if (!data) return { data: data ?? null, releases, denials };
  const variables = options.variables ?? {};

  const judged = (
    classification: FieldClassification & { dataset: string },
    coordinate: string,
    subject: string | null,
    path: readonly (string | number)[],
  ): boolean => {
    const decision = subject === null && classification.level !== 'SECRET' ? null : options.judge(classification, coordinate, subject);
    if (decision || !options.enforce) {
      releases.push({
        dataset: classification.dataset,
        classification: classification.level,
        coordinate,
        subject,
        subjectRef: subject === null ? path.filter((segment) => typeof segment === 'string').join('.') : null,
        basis: decision?.basis ?? 'dry-run',
        agreementId: decision?.agreementId ?? null,
      });
      return true;
    }
    denials.push({ message: UNAUTHORIZED.message, path: [...path], extensions: { code: UNAUTHORIZED.code } });
    return false;
  };

  /** Judges and walks one value of a field; true when it must become null (and, if non-null, its holder too). */
  const visitValue = (
    value: unknown,
    type: GraphQLOutputType,
    field: FieldNode,
    coordinate: string,
    classification: LoggedClassification | null,
    subject: string | null,
    path: (string | number)[],
  ): boolean => {
    if (value === null || value === undefined) return false;
    const nullable = isNonNullType(type) ? type.ofType : type;
    if (isListType(nullable)) {
      if (!Array.isArray(value)) return false;
      for (let index = 0; index < value.length; index++) {
        if (!visitValue(value[index], nullable.ofType, field, coordinate, classification, subject, [...path, index])) continue;
        if (isNonNullType(nullable.ofType)) return true;
        value[index] = null;
      }
      return false;
    }
    const record = typeof value === 'object' ? (value as Record<string, unknown>) : null;
    const own = record && typeof record[SUBJECT_ALIAS] === 'string' ? (record[SUBJECT_ALIAS] as string) : null;
    const about = own ?? subject;
    if (classification && !judged(classification, coordinate, about, path)) return true;
    const named = getNamedType(type);
    return (
      record !== null && field.selectionSet !== undefined && isCompositeType(named) && visitObject(field.selectionSet, named, record, about, path)
    );
  };

  /** Walks a record's selections; true when a non-null field of it was withheld, so the record becomes null. */
  const visitObject = (
    set: SelectionSetNode,
    type: GraphQLCompositeType,
    record: Record<string, unknown>,
    subject: string | null,
    path: (string | number)[],
    root = false,
  ): boolean => {
    let withheld = false;
    for (const selection of set.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? (schema.getType(selection.typeCondition.name.value) as GraphQLCompositeType) : type;
        withheld = visitObject(selection.selectionSet, condition, record, subject, path, root) || withheld;
        continue;
      }
      if (selection.kind !== Kind.FIELD || !('getFields' in type) || selection.name.value.startsWith('__')) continue;
      if (selection.alias?.value === SUBJECT_ALIAS) continue;
      const definition = type.getFields()[selection.name.value];
      const key = selection.alias?.value ?? selection.name.value;
      if (!definition || record[key] === null || record[key] === undefined) continue;
      const coordinate = `${type.name}.${selection.name.value}`;
      const fieldSubject =
        subjectArgument(selection, variables) ?? (root && operation.operation === 'mutation' ? (options.mutationSubject ?? null) : subject);
      if (visitValue(record[key], definition.type, selection, coordinate, loggedClassification(rules, coordinate), fieldSubject, [...path, key])) {
        record[key] = null;
        if (isNonNullType(definition.type)) withheld = true;
      }
    }
    return withheld;
  };

  const withheld = visitObject(operation.selectionSet, rootType(schema, operation), data, null, [], true);
  return { data: withheld ? null : data, releases, denials };
}

/** A field asked about one person by national ID (`identityRecord(nationalId: ...)`) is about that person. */
function subjectArgument(field: FieldNode, variables: Record<string, unknown>): string | null {
  const argument = field.arguments?.find((arg) => arg.name.value === SUBJECT_KEY);
  if (!argument) return null;
  const value =
    argument.value.kind === Kind.VARIABLE ? variables[argument.value.name.value] : argument.value.kind === Kind.STRING ? argument.value.value : null;
  return typeof value === 'string' ? value : null;
}
