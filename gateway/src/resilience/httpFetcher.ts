import { AsyncLocalStorage } from 'node:async_hooks';
import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { SubgraphFailure } from './failures';

const attemptSignal = new AsyncLocalStorage<AbortSignal>();

/**
 * Subgraph HTTP through Node's own fetch (undici): a keep-alive connection pool per subgraph origin, without a cap
 * on connections, idle sockets closed after 4 s, before Node HTTP servers' 5 s keep-alive timeout, so a pooled
 * socket is not reused just as the subgraph closes it. (The gateway's default, make-fetch-happen, adds an HTTP
 * cache layer and cannot be aborted per call.) Each call is aborted by the signal of the attempt it belongs to:
 * RemoteGraphQLDataSource gives the fetcher no way to pass one, so the attempt's async context carries it. A
 * redirect is refused (redirectRefused).
 */
export const subgraphFetcher: RemoteGraphQLDataSource['fetcher'] = async (url, init) => {
  const response = await fetch(url, { ...init, redirect: 'manual', signal: attemptSignal.getStore() });
  if (response.status < 300 || response.status >= 400) return response;
  await response.body?.cancel();
  throw redirectRefused(response.status);
};

/**
 * A subgraph's redirect is never followed: the call carries the gateway's signed identity header, which a redirect
 * would hand to wherever the subgraph (or whoever took over its address) pointed. It is a bad response, and counts
 * against the subgraph's circuit: a subgraph that redirects is misconfigured.
 */
function redirectRefused(status: number): SubgraphFailure {
  return new SubgraphFailure('SUBGRAPH_BAD_RESPONSE', `redirected (HTTP ${status}); redirects are not followed`, { status });
}

/** Runs one attempt with `signal` aborting its HTTP call (request and body). */
export function withAttemptSignal<T>(signal: AbortSignal, attempt: () => Promise<T>): Promise<T> {
  return attemptSignal.run(signal, attempt);
}
