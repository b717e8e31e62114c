export interface BackoffOptions {
  /** The first retry waits between half of this and this (50 ms); each further retry doubles it ... */
  baseMs: number;
  /** ... up to this (1 s). */
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 50, maxMs: 1_000 };

/**
 * Exponential backoff with "equal jitter": the wait before retry `retry` (0 for the first) is between half of
 * `baseMs * 2^retry` and all of it (capped at `maxMs`), so clients that failed together do not retry together.
 */
export function backoffMs(retry: number, options: BackoffOptions = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** retry);
  return ceiling / 2 + random() * (ceiling / 2);
}
