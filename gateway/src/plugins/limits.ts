import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { badUserInput } from '@govhub/shared';
import type { HubContext } from '../context';
import type { OperationLimits } from '../limits/config';
import { costEstimator, NO_COST_WEIGHTS, type CostWeights } from '../limits/cost';
import { LimitCode, LimitExceeded } from '../limits/errors';
import { pageSizeGuard } from '../limits/pageSize';
import { BoundedCache } from '../boundedCache';

export interface LimitsOptions {
  limits: OperationLimits;
  /** The cost directives read from the supergraph behind this API schema (none: the defaults alone). */
  weightsFor(schema: GraphQLSchema): CostWeights | undefined;
}

/**
 * The limits that need the variables: page sizes and cost, once the operation is resolved and before it is planned;
 * `extensions.cost` on every answer; and the hub's codes on limits refused by validation rules
 * (limits/validationRules.ts; Apollo files those under GRAPHQL_VALIDATION_FAILED). It is the first request stage
 * (plugins/stages.ts), so that a refused operation goes no further.
 */
export function limitsPlugin({ limits, weightsFor }: LimitsOptions): ApolloServerPlugin<HubContext> {
  const costs = new BoundedCache<number>(COSTS_CACHED);
  return {
    async requestDidStart() {
      let requested: number | undefined;
      return {
        async didResolveOperation({ schema, document, operation, request, queryHash }) {
          if (!operation) return;
          const cost = () =>
            operationCost({
              schema,
              query: document,
              operationName: operation.name?.value,
              variables: request.variables,
              // The page guard first: it refuses a page out of range and otherwise leaves the estimate to the cost.
              estimators: [pageSizeGuard(limits.pageSize), costEstimator(weightsFor(schema) ?? NO_COST_WEIGHTS, limits.assumedListSize)],
            });
          const key = costKey(queryHash, operation.name?.value, request.variables);
          requested = key ? costs.get(key, schema, cost) : cost();
          if (requested > limits.cost) {
            throw new LimitExceeded(LimitCode.OPERATION_TOO_COSTLY, `The operation costs ${requested} points; at most ${limits.cost}`, {
              limit: limits.cost,
              actual: requested,
            });
          }
        },
        async willSendResponse({ response, errors }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          if (result.errors && errors) {
            result.errors = result.errors.map((formatted, index) => {
              const original = errors[index]?.originalError;
              return original instanceof LimitExceeded
                ? { ...formatted, extensions: { ...formatted.extensions, code: original.extensions.code } }
                : formatted;
            });
          }
          if (requested !== undefined) result.extensions = { ...result.extensions, cost: { requested, limit: limits.cost } };
        },
      };
    },
  };
}

/** How many (operation, variables) costs are kept: a refused one is never kept, it is computed again. */
const COSTS_CACHED = 5_000;
/** Variables longer than this as JSON are not worth keying a cache on: their cost is computed each time. */
const CACHED_VARIABLES_CHARS = 2_000;

/**
 * The cost of an operation depends on its document, which operation runs and the variables (page sizes, skip and
 * include): the same three always cost the same on one schema, so the walk is made once for them.
 */
function costKey(queryHash: string, operationName: string | undefined, variables: Record<string, unknown> | undefined): string | null {
  const json = variables ? JSON.stringify(variables) : '';
  return json.length > CACHED_VARIABLES_CHARS ? null : `${queryHash}:${operationName ?? ''}:${json}`;
}

/** graphql-query-complexity's walk, its failures answered as the client's mistakes. */
function operationCost(options: Parameters<typeof getComplexity>[0]): number {
  try {
    return getComplexity(options);
  } catch (error) {
    // Variables that do not fit their types: Apollo Server's own answer to them, given before planning.
    if (error instanceof GraphQLError && !error.extensions.code) throw badUserInput(error.message, { http: { status: 400 } });
    throw error;
  }
}
