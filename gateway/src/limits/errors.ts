import { GraphQLError, type ASTNode } from 'graphql';

/** The stable codes of a refused operation (docs/errors.md). */
export const LimitCode = {
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  DOCUMENT_TOO_LARGE: 'DOCUMENT_TOO_LARGE',
  OPERATION_TOO_DEEP: 'OPERATION_TOO_DEEP',
  TOO_MANY_ALIASES: 'TOO_MANY_ALIASES',
  TOO_MANY_ROOT_FIELDS: 'TOO_MANY_ROOT_FIELDS',
  TOO_MANY_DIRECTIVES: 'TOO_MANY_DIRECTIVES',
  TOO_MANY_FIELDS: 'TOO_MANY_FIELDS',
  OPERATION_TOO_COSTLY: 'OPERATION_TOO_COSTLY',
  BATCH_TOO_LARGE: 'BATCH_TOO_LARGE',
} as const;
export type LimitCode = (typeof LimitCode)[keyof typeof LimitCode];

/**
 * An operation over one of the hub's limits: HTTP 400 with the limit and what was found. Apollo Server files errors
 * from validation rules under GRAPHQL_VALIDATION_FAILED; the limits plugin gives this class's back its own code.
 */
export class LimitExceeded extends GraphQLError {
  constructor(code: LimitCode, message: string, extent: { limit: number; actual: number } | null, nodes?: readonly ASTNode[]) {
    super(message, { nodes, extensions: { code, ...extent, http: { status: 400 } } });
    this.name = 'LimitExceeded';
  }
}
