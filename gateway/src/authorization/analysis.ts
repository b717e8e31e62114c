import { createHash } from 'node:crypto';
import { Kind, print, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { Decisions } from './decide';
import { filterOperation, operationRequirements, TYPENAME_ALIAS, type FilteredOperation } from './filter';
import { inlineOperation } from './operation';
import type { AuthorizationRules, Requirement } from './rules';
import { withSubjectKeys } from '../audit/releases';
import { selectsLoggedField, SUBJECT_ALIAS } from '../audit/loggedFields';
import { BoundedCache } from '../boundedCache';

/** The caller-independent part of authorizing an operation: its inlined form and every requirement it touches. */
export interface OperationAnalysis {
  operation: OperationDefinitionNode;
  requirements: Requirement[];
  /** The fields it uses, `Type.field`. */
  coordinates: string[];
}

/** The operation to execute: filtered, with the ids the exchange log needs (see audit/releases). */
export interface FilteredDocument extends FilteredOperation {
  document: DocumentNode;
  /** Hash of the filtered document: the gateway's plan cache key must follow the document it plans. */
  queryHash: string;
  /** It selects a field whose released values are judged and logged (PERSONAL or higher): answers go through the release guard. */
  guardsReleases: boolean;
  /** The keys the hub added to the operation for itself, to strip from every answer (none: the answer is left as it is). */
  internalKeys: readonly string[];
}

/**
 * Caches the analysis per operation and the filtered document per (operation, decisions): callers of the same
 * shape share the work, and the cost of authorization stays small on a hot path.
 */
export class AuthorizationCache {
  private readonly analyses = new BoundedCache<OperationAnalysis | null>(2_000);
  private readonly filtered = new BoundedCache<FilteredDocument>(10_000);

  analyse(
    schema: GraphQLSchema,
    rules: AuthorizationRules,
    document: DocumentNode,
    queryHash: string,
    operationName: string | null,
  ): OperationAnalysis | null {
    return this.analyses.get(`${queryHash}:${operationName ?? ''}`, schema, () => {
      const operation = inlineOperation(document, operationName);
      return operation ? { operation, ...operationRequirements(schema, rules, operation) } : null;
    });
  }

  filter(schema: GraphQLSchema, rules: AuthorizationRules, analysis: OperationAnalysis, key: string, decisions: Decisions): FilteredDocument {
    return this.filtered.get(`${key}:${decisions.signature}`, schema, () => {
      const filtered = filterOperation(schema, rules, analysis.operation, decisions);
      const subjects = withSubjectKeys(schema, filtered.operation);
      const document: DocumentNode = { kind: Kind.DOCUMENT, definitions: [subjects.operation] };
      return {
        ...filtered,
        operation: subjects.operation,
        document,
        queryHash: createHash('sha256').update(print(document)).digest('hex'),
        guardsReleases: selectsLoggedField(schema, rules, subjects.operation),
        internalKeys: [...(subjects.added ? [SUBJECT_ALIAS] : []), ...(filtered.addedTypename ? [TYPENAME_ALIAS] : [])],
      };
    });
  }
}
