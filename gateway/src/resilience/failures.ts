import { GraphQLError } from 'graphql';
import { fieldError } from '@govhub/shared';

export type SubgraphFailureCode = 'SUBGRAPH_UNAVAILABLE' | 'SUBGRAPH_TIMEOUT' | 'SUBGRAPH_BAD_RESPONSE';

/** Statuses by which a subgraph (or the proxy in front of it) says it cannot serve now: worth a retry. */
const UNAVAILABLE_STATUSES = new Set([502, 503, 504]);

/** Why one call to a subgraph failed, in the hub's terms. `reason` is ours: it never carries addresses or bodies. */
export class SubgraphFailure extends Error {
  constructor(
    readonly code: SubgraphFailureCode,
    readonly reason: string,
    readonly details: {
      /** A query may be tried again (a connection that failed, a 502/503/504). */
      retryable?: boolean;
      /** Counts as the subgraph's failure for its circuit (not a 4xx, not our own spent deadline). */
      countsAgainstCircuit?: boolean;
      status?: number;
      cause?: unknown;
    } = {},
  ) {
    super(reason, { cause: details.cause });
  }

  get retryable(): boolean {
    return this.details.retryable ?? false;
  }

  get countsAgainstCircuit(): boolean {
    return this.details.countsAgainstCircuit ?? true;
  }
}

/** What went wrong with one attempt; `timedOut` says whether the attempt's own timer fired. */
export function classifyFailure(error: unknown, timedOut: { afterMs: number } | null): SubgraphFailure {
  if (error instanceof SubgraphFailure) return error;
  if (timedOut) return new SubgraphFailure('SUBGRAPH_TIMEOUT', `no answer within ${Math.round(timedOut.afterMs)} ms`, { cause: error });
  const status = httpStatusOf(error);
  if (status !== undefined) {
    return UNAVAILABLE_STATUSES.has(status)
      ? new SubgraphFailure('SUBGRAPH_UNAVAILABLE', `HTTP ${status}`, { status, retryable: true, cause: error })
      : new SubgraphFailure('SUBGRAPH_BAD_RESPONSE', `HTTP ${status}`, { status, countsAgainstCircuit: status >= 500, cause: error });
  }
  // By name, not instanceof: fetch's errors may come from another realm (Node's own undici, a test sandbox).
  const { name, message, cause } = (typeof error === 'object' && error !== null ? error : {}) as {
    name?: unknown;
    message?: unknown;
    cause?: { code?: unknown };
  };
  if (name === 'SyntaxError' || String(message).startsWith('Expected JSON response body')) {
    return new SubgraphFailure('SUBGRAPH_BAD_RESPONSE', 'response is not JSON', { cause: error });
  }
  // fetch rejects with a TypeError when the connection is refused, reset or closed mid-answer.
  if (name === 'TypeError') {
    const code = cause?.code;
    return new SubgraphFailure('SUBGRAPH_UNAVAILABLE', typeof code === 'string' ? `connection failed (${code})` : 'connection failed', {
      retryable: true,
      cause: error,
    });
  }
  return new SubgraphFailure('SUBGRAPH_UNAVAILABLE', 'request failed', { cause: error });
}

/** @apollo/gateway's RemoteGraphQLDataSource reports a non-2xx answer as a GraphQLError carrying the response. */
function httpStatusOf(error: unknown): number | undefined {
  const status = error instanceof GraphQLError ? (error.extensions.response as { status?: unknown } | undefined)?.status : undefined;
  return typeof status === 'number' ? status : undefined;
}

const MESSAGES: Record<SubgraphFailureCode, (domain: string) => string> = {
  SUBGRAPH_UNAVAILABLE: (domain) => `[${domain}] the ${domain} subgraph is unavailable`,
  SUBGRAPH_TIMEOUT: (domain) => `[${domain}] the ${domain} subgraph did not answer in time`,
  SUBGRAPH_BAD_RESPONSE: (domain) => `[${domain}] the ${domain} subgraph sent a response that is not GraphQL`,
};

/** The error the client sees: partial data elsewhere, this error for the domain's fields. */
export function failureError(domain: string, failure: SubgraphFailure): GraphQLError {
  return fieldError(failure.code, MESSAGES[failure.code](domain), {
    domain,
    serviceName: domain,
    reason: failure.reason,
    ...(failure.details.status !== undefined ? { status: failure.details.status } : {}),
  });
}

/** A subgraph's answer must be a GraphQL response: an object with `data` (an object or null) and/or an `errors` list. */
export function assertGraphQLResponse(response: { data?: unknown; errors?: unknown }): void {
  const { data, errors } = response;
  if (data === undefined && errors === undefined) {
    throw new SubgraphFailure('SUBGRAPH_BAD_RESPONSE', 'response has neither data nor errors');
  }
  if ((data !== undefined && (typeof data !== 'object' || Array.isArray(data))) || (errors !== undefined && !Array.isArray(errors))) {
    throw new SubgraphFailure('SUBGRAPH_BAD_RESPONSE', 'response is not shaped as GraphQL');
  }
}
