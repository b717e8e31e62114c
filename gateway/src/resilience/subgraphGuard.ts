import type { Logger } from '@govhub/shared';
import { backoffMs } from './backoff';
import { CircuitBreaker, type CircuitState } from './circuitBreaker';
import { subgraphTimeoutMs, type ResilienceConfig } from './config';
import { callTimeoutMs } from './deadline';
import { classifyFailure, failureError, SubgraphFailure } from './failures';
import { RetryBudget } from './retryBudget';

export interface GuardedCall {
  /** Queries may be retried; mutations never. */
  retryable: boolean;
  /** The request's deadline (epoch ms): no attempt outlives it. */
  deadline?: number;
  /** The request's logger (the guard's own without one). */
  logger?: Logger;
}

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
  random(): number;
}

const REAL_CLOCK: Clock = { now: Date.now, sleep: (ms) => new Promise((done) => setTimeout(done, ms)), random: Math.random };

/**
 * Every call to one subgraph goes through here: a timeout cut to the request's deadline, the circuit breaker,
 * and for queries up to `maxRetries` retries with jittered backoff while the retry budget allows. A failure leaves
 * as a GraphQL error naming the domain (SUBGRAPH_UNAVAILABLE, SUBGRAPH_TIMEOUT or SUBGRAPH_BAD_RESPONSE).
 */
export class SubgraphGuard {
  readonly breaker: CircuitBreaker;
  private readonly budget: RetryBudget;
  private readonly timeoutMs: number;

  constructor(
    readonly domain: string,
    private readonly config: ResilienceConfig,
    private readonly logger: Logger,
    private readonly clock: Clock = REAL_CLOCK,
  ) {
    this.timeoutMs = subgraphTimeoutMs(config, domain);
    this.budget = new RetryBudget(config.retryBudget, clock.now);
    this.breaker = new CircuitBreaker(config.circuit, clock.now, (state) =>
      this.logger[state === 'closed' ? 'info' : 'warn']({ domain, circuit: state }, `circuit of the ${domain} subgraph is ${state}`),
    );
  }

  async call<T>(attempt: (signal: AbortSignal) => Promise<T>, call: GuardedCall): Promise<T> {
    this.budget.recordCall();
    for (let retry = 0; ; retry++) {
      try {
        return await this.attempt(attempt, call.deadline);
      } catch (error) {
        const failure = error as SubgraphFailure;
        (call.logger ?? this.logger).debug(
          { domain: this.domain, code: failure.code, reason: failure.reason, retry, err: failure.cause },
          'subgraph call failed',
        );
        const wait = backoffMs(retry, this.config.backoff, this.clock.random);
        if (!this.mayRetry(failure, retry, wait, call)) throw failureError(this.domain, failure);
        await this.clock.sleep(wait);
      }
    }
  }

  private mayRetry(failure: SubgraphFailure, retry: number, wait: number, call: GuardedCall): boolean {
    return (
      call.retryable &&
      failure.retryable &&
      retry < this.config.maxRetries &&
      (call.deadline === undefined || this.clock.now() + wait < call.deadline) &&
      this.budget.trySpend()
    );
  }

  private async attempt<T>(attempt: (signal: AbortSignal) => Promise<T>, deadline: number | undefined): Promise<T> {
    const timeoutMs = callTimeoutMs(this.timeoutMs, deadline, this.clock.now());
    if (timeoutMs <= 0) throw new SubgraphFailure('SUBGRAPH_TIMEOUT', 'request deadline reached');
    const permit = this.breaker.acquire();
    if (!permit) throw new SubgraphFailure('SUBGRAPH_UNAVAILABLE', 'circuit open');
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const result = await attempt(controller.signal);
      this.breaker.record(permit, true);
      return result;
    } catch (error) {
      const failure = classifyFailure(error, controller.signal.aborted ? { afterMs: timeoutMs } : null);
      this.breaker.record(permit, !failure.countsAgainstCircuit);
      throw failure;
    } finally {
      clearTimeout(timer);
    }
  }
}

/** One guard per subgraph name, kept across supergraph updates; their circuits are reported by `/readyz`. */
export class SubgraphGuards {
  private readonly guards = new Map<string, SubgraphGuard>();

  constructor(
    private readonly config: ResilienceConfig,
    private readonly logger: Logger,
  ) {}

  for(domain: string): SubgraphGuard {
    let guard = this.guards.get(domain);
    if (!guard) {
      guard = new SubgraphGuard(domain, this.config, this.logger);
      this.guards.set(domain, guard);
    }
    return guard;
  }

  circuits(): Record<string, CircuitState> {
    return Object.fromEntries([...this.guards].map(([domain, guard]) => [domain, guard.breaker.state]));
  }
}
