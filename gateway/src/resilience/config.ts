import { DEFAULT_BACKOFF, type BackoffOptions } from './backoff';
import { DEFAULT_CIRCUIT, type CircuitBreakerOptions } from './circuitBreaker';
import { DEFAULT_RETRY_BUDGET, type RetryBudgetOptions } from './retryBudget';

/** How the gateway calls its subgraphs (README, "Faults"). */
export interface ResilienceConfig {
  /** Per-call timeout of a subgraph without its own (5 s). */
  subgraphTimeoutMs: number;
  /** Per-call timeouts by subgraph name. */
  subgraphTimeoutsMs: Record<string, number>;
  /** No subgraph call of a client request outlives this (10 s from the request's start). */
  requestDeadlineMs: number;
  /** Retries of a failed query call (mutations are never retried). */
  maxRetries: number;
  retryBudget: RetryBudgetOptions;
  backoff: BackoffOptions;
  circuit: CircuitBreakerOptions;
}

const PER_SUBGRAPH_TIMEOUT = /^GOVHUB_SUBGRAPH_TIMEOUT_MS_(.+)$/;

/**
 * `GOVHUB_SUBGRAPH_TIMEOUT_MS`, `GOVHUB_SUBGRAPH_TIMEOUT_MS_<NAME>` (the subgraph's name in capitals, `-` as `_`)
 * and `GOVHUB_REQUEST_DEADLINE_MS`, in milliseconds.
 */
export function resilienceConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ResilienceConfig {
  const subgraphTimeoutsMs: Record<string, number> = {};
  for (const [name, value] of Object.entries(env)) {
    const match = PER_SUBGRAPH_TIMEOUT.exec(name);
    const timeout = match ? milliseconds(value, name) : undefined;
    if (match && timeout !== undefined) subgraphTimeoutsMs[match[1].toLowerCase()] = timeout;
  }
  return {
    subgraphTimeoutMs: milliseconds(env.GOVHUB_SUBGRAPH_TIMEOUT_MS, 'GOVHUB_SUBGRAPH_TIMEOUT_MS') ?? 5_000,
    subgraphTimeoutsMs,
    requestDeadlineMs: milliseconds(env.GOVHUB_REQUEST_DEADLINE_MS, 'GOVHUB_REQUEST_DEADLINE_MS') ?? 10_000,
    maxRetries: 2,
    retryBudget: DEFAULT_RETRY_BUDGET,
    backoff: DEFAULT_BACKOFF,
    circuit: DEFAULT_CIRCUIT,
  };
}

/** The per-call timeout of one subgraph. */
export function subgraphTimeoutMs(config: ResilienceConfig, subgraph: string): number {
  return config.subgraphTimeoutsMs[subgraph.toLowerCase().replace(/-/g, '_')] ?? config.subgraphTimeoutMs;
}

/** A positive whole number of milliseconds; undefined when unset or empty. */
function milliseconds(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0) throw new Error(`${name} must be a positive whole number of milliseconds, not "${value}"`);
  return parsed;
}
