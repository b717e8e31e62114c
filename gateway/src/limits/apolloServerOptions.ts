import type { ApolloServerOptions } from '@apollo/server';
import type { OperationLimits } from './config';
import { limitValidationRules } from './validationRules';

type LimitOptions = Pick<ApolloServerOptions<never>, 'validationRules' | 'validationOptions' | 'allowBatchedHttpRequests'>;

/** The limits Apollo Server applies itself: the validation rules, the number of validation errors, batching. */
export function apolloServerLimits(limits: OperationLimits): LimitOptions {
  return {
    validationRules: limitValidationRules(limits),
    // graphql-js stops after `maxErrors` and adds its own "validation aborted" error: `validationErrors` in all.
    validationOptions: { maxErrors: limits.validationErrors - 1 },
    // Batch length is checked on the HTTP body (http.ts), before Apollo Server runs any of it.
    allowBatchedHttpRequests: limits.batch > 0,
  };
}
