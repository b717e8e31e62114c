import { badUserInput } from '@govhub/shared';
import type { ComplexityEstimator } from 'graphql-query-complexity';
import { PAGE_ARGUMENTS } from './cost';

/**
 * Refuses a page argument out of range (1 to `pageSize`) at the hub's door, whether written as a literal or passed
 * in a variable, with the subgraphs' own answer (`requirePage`: BAD_USER_INPUT, reason PAGE_SIZE). It rides on the
 * cost walk as an estimator that never estimates: that walk already has every argument coerced.
 */
export function pageSizeGuard(pageSize: number): ComplexityEstimator {
  return ({ args }) => {
    for (const name of PAGE_ARGUMENTS) {
      const value = args[name];
      if (typeof value === 'number' && (value < 1 || value > pageSize)) {
        throw badUserInput(`${name} must be between 1 and ${pageSize}`, { argumentName: name, reason: 'PAGE_SIZE', http: { status: 400 } });
      }
    }
  };
}
