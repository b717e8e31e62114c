import type { GraphQLError } from 'graphql';
import { fieldError } from './errorCatalogue';

/** Stable error codes the hub returns in `extensions.code` (docs/errors.md). */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  UNAUTHORIZED_FIELD_OR_TYPE: 'UNAUTHORIZED_FIELD_OR_TYPE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export function badUserInput(message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return fieldError(ErrorCode.BAD_USER_INPUT, message, extensions);
}
