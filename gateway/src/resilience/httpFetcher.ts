import { AsyncLocalStorage } from 'node:async_hooks';
import type { RemoteGraphQLDataSource } from '@apollo/gateway';

const attemptSignal = new AsyncLocalStorage<AbortSignal>();

/**
 * Subgraph HTTP through Node's own fetch (undici): a keep-alive connection pool per subgraph origin, without a cap
 * on connections, idle sockets closed after 4 s, before Node HTTP servers' 5 s keep-alive timeout, so a pooled
 * socket is not reused just as the subgraph closes it. (The gateway's default, make-fetch-happen, adds an HTTP
 * cache layer and cannot be aborted per call.) Each call is aborted by the signal of the attempt it belongs to:
 * RemoteGraphQLDataSource gives the fetcher no way to pass one, so the attempt's async context carries it.
 */
export const subgraphFetcher: RemoteGraphQLDataSource['fetcher'] = (url, init) =>
  fetch(url, { ...init, signal: attemptSignal.getStore() });

/** Runs one attempt with `signal` aborting its HTTP call (request and body). */
export function withAttemptSignal<T>(signal: AbortSignal, attempt: () => Promise<T>): Promise<T> {
  return attemptSignal.run(signal, attempt);
}
