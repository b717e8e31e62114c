import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphQLError } from 'graphql';
import { createLogger } from '@govhub/shared';
import { backoffMs } from '../src/resilience/backoff';
import { CircuitBreaker, type CircuitState } from '../src/resilience/circuitBreaker';
import { resilienceConfigFromEnv, subgraphTimeoutMs, type ResilienceConfig } from '../src/resilience/config';
import { callTimeoutMs } from '../src/resilience/deadline';
import { assertGraphQLResponse, classifyFailure, SubgraphFailure } from '../src/resilience/failures';
import { subgraphFetcher } from '../src/resilience/httpFetcher';
import { RetryBudget } from '../src/resilience/retryBudget';
import { SlidingWindow } from '../src/resilience/slidingWindow';
import { SubgraphGuard, type Clock } from '../src/resilience/subgraphGuard';

/** A clock the test moves by hand. */
function fakeClock(start = 1_000_000): Clock & { advance(ms: number): void; slept: number[] } {
  let now = start;
  const slept: number[] = [];
  return {
    now: () => now,
    advance: (ms) => void (now += ms),
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
    random: () => 0.5,
    slept,
  };
}

describe('the sliding window', () => {
  it('forgets what happened more than a window ago', () => {
    const clock = fakeClock();
    const window = new SlidingWindow(['hit'], 10_000, 1_000, clock.now);
    window.add('hit');
    clock.advance(5_000);
    window.add('hit');
    expect(window.count('hit')).toBe(2);
    clock.advance(5_500);
    expect(window.count('hit')).toBe(1);
    clock.advance(5_000);
    expect(window.count('hit')).toBe(0);
  });
});

describe('the circuit breaker', () => {
  const options = { failureRatio: 0.5, minimumCalls: 20, windowMs: 10_000, openMs: 5_000 };

  function breaker() {
    const clock = fakeClock();
    const changes: CircuitState[] = [];
    return { clock, changes, circuit: new CircuitBreaker(options, clock.now, (state) => changes.push(state)) };
  }

  function calls(circuit: CircuitBreaker, failures: number, successes: number): void {
    for (let i = 0; i < failures + successes; i++) circuit.record(circuit.acquire()!, i >= failures);
  }

  it('stays closed below 20 calls, however many fail', () => {
    const { circuit } = breaker();
    calls(circuit, 19, 0);
    expect(circuit.state).toBe('closed');
    calls(circuit, 1, 0);
    expect(circuit.state).toBe('open');
  });

  it('stays closed below half failures, opens at half', () => {
    const { circuit } = breaker();
    calls(circuit, 9, 11);
    expect(circuit.state).toBe('closed');
    calls(circuit, 2, 0);
    expect(circuit.state).toBe('open');
  });

  it('counts only the last 10 s', () => {
    const { circuit, clock } = breaker();
    calls(circuit, 15, 0);
    clock.advance(11_000);
    calls(circuit, 9, 11);
    expect(circuit.state).toBe('closed');
  });

  it('fails fast while open, lets exactly one probe through after 5 s, and closes when it succeeds', () => {
    const { circuit, clock, changes } = breaker();
    calls(circuit, 20, 0);
    expect(circuit.acquire()).toBeNull();
    clock.advance(4_999);
    expect(circuit.state).toBe('open');
    expect(circuit.acquire()).toBeNull();
    clock.advance(1);
    expect(circuit.state).toBe('half-open');
    const probe = circuit.acquire();
    expect(probe).toEqual({ probe: true });
    expect(circuit.acquire()).toBeNull();
    circuit.record(probe!, true);
    expect(circuit.state).toBe('closed');
    expect(changes).toEqual(['open', 'half-open', 'closed']);
    // Closing forgets the failures that opened it: one more failure does not reopen it.
    calls(circuit, 1, 0);
    expect(circuit.state).toBe('closed');
  });

  it('opens again for 5 s when the probe fails', () => {
    const { circuit, clock } = breaker();
    calls(circuit, 20, 0);
    clock.advance(5_000);
    circuit.record(circuit.acquire()!, false);
    expect(circuit.state).toBe('open');
    clock.advance(4_999);
    expect(circuit.acquire()).toBeNull();
    clock.advance(1);
    expect(circuit.acquire()).toEqual({ probe: true });
  });

  it('ignores calls admitted before it opened that finish later', () => {
    const { circuit, clock } = breaker();
    const late = circuit.acquire()!;
    calls(circuit, 20, 0);
    clock.advance(5_000);
    const probe = circuit.acquire()!;
    circuit.record(late, true);
    expect(circuit.state).toBe('half-open');
    circuit.record(probe, false);
    expect(circuit.state).toBe('open');
  });
});

describe('the retry budget', () => {
  it('allows retries of at most 20% of the calls over the window, with a floor of 10', () => {
    const clock = fakeClock();
    const budget = new RetryBudget({ ratio: 0.2, minimumPerWindow: 10, windowMs: 10_000 }, clock.now);
    const spend = () => Array.from({ length: 1_000 }, () => budget.trySpend()).filter(Boolean).length;
    expect(spend()).toBe(10);
    for (let i = 0; i < 100; i++) budget.recordCall();
    expect(spend()).toBe(10);
    clock.advance(11_000);
    for (let i = 0; i < 200; i++) budget.recordCall();
    expect(spend()).toBe(40);
  });
});

describe('jittered backoff', () => {
  it.each([
    [0, 25, 50],
    [1, 50, 100],
    [2, 100, 200],
    [6, 500, 1_000],
  ])('retry %i waits between %i and %i ms', (retry, low, high) => {
    const options = { baseMs: 50, maxMs: 1_000 };
    expect(backoffMs(retry, options, () => 0)).toBe(low);
    expect(backoffMs(retry, options, () => 0.999999)).toBeLessThan(high);
    expect(backoffMs(retry, options, () => 0.999999)).toBeGreaterThan(high * 0.99);
    for (let i = 0; i < 100; i++) {
      const wait = backoffMs(retry, options);
      expect(wait).toBeGreaterThanOrEqual(low);
      expect(wait).toBeLessThan(high);
    }
  });
});

describe('timeouts and deadlines', () => {
  it('cuts a call short at the request deadline, and refuses one after it', () => {
    expect(callTimeoutMs(5_000, undefined, 1_000)).toBe(5_000);
    expect(callTimeoutMs(5_000, 1_000 + 10_000, 1_000)).toBe(5_000);
    expect(callTimeoutMs(5_000, 1_000 + 10_000, 1_000 + 8_000)).toBe(2_000);
    expect(callTimeoutMs(5_000, 1_000, 1_000)).toBe(0);
    expect(callTimeoutMs(5_000, 1_000, 1_500)).toBeLessThan(0);
  });

  it('reads the timeouts from the environment, per subgraph, and refuses nonsense', () => {
    const config = resilienceConfigFromEnv({ GOVHUB_SUBGRAPH_TIMEOUT_MS_WATER: '800', GOVHUB_SUBGRAPH_TIMEOUT_MS_ROAD_WORKS: '900' });
    expect(config).toMatchObject({ subgraphTimeoutMs: 5_000, requestDeadlineMs: 10_000, maxRetries: 2 });
    expect(subgraphTimeoutMs(config, 'water')).toBe(800);
    expect(subgraphTimeoutMs(config, 'road-works')).toBe(900);
    expect(subgraphTimeoutMs(config, 'citizen')).toBe(5_000);
    expect(resilienceConfigFromEnv({ GOVHUB_SUBGRAPH_TIMEOUT_MS: '2000', GOVHUB_REQUEST_DEADLINE_MS: '3000' })).toMatchObject({
      subgraphTimeoutMs: 2_000,
      requestDeadlineMs: 3_000,
    });
    expect(() => resilienceConfigFromEnv({ GOVHUB_REQUEST_DEADLINE_MS: '10s' })).toThrow(
      'GOVHUB_REQUEST_DEADLINE_MS must be a positive whole number',
    );
    expect(() => resilienceConfigFromEnv({ GOVHUB_SUBGRAPH_TIMEOUT_MS_WATER: '-1' })).toThrow('GOVHUB_SUBGRAPH_TIMEOUT_MS_WATER');
  });
});

describe('failures', () => {
  const connectionRefused = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
  const httpError = (status: number) => new GraphQLError(`${status}`, { extensions: { response: { status } } });

  it.each([
    ['a refused connection', connectionRefused, null, 'SUBGRAPH_UNAVAILABLE', 'connection failed (ECONNREFUSED)', true, true],
    ['a 502', httpError(502), null, 'SUBGRAPH_UNAVAILABLE', 'HTTP 502', true, true],
    ['a 500', httpError(500), null, 'SUBGRAPH_BAD_RESPONSE', 'HTTP 500', false, true],
    ['a 401 (the subgraph refused the gateway)', httpError(401), null, 'SUBGRAPH_BAD_RESPONSE', 'HTTP 401', false, false],
    ['HTML', new Error('Expected JSON response body, but received: <html>'), null, 'SUBGRAPH_BAD_RESPONSE', 'response is not JSON', false, true],
    ['broken JSON', new SyntaxError('Unexpected token'), null, 'SUBGRAPH_BAD_RESPONSE', 'response is not JSON', false, true],
    ['the timer', new Error('aborted'), { afterMs: 300 }, 'SUBGRAPH_TIMEOUT', 'no answer within 300 ms', false, true],
  ])('%s is classified', (_, error, timedOut, code, reason, retryable, counts) => {
    const failure = classifyFailure(error, timedOut);
    expect({ code: failure.code, reason: failure.reason, retryable: failure.retryable, counts: failure.countsAgainstCircuit }).toEqual({
      code,
      reason,
      retryable,
      counts,
    });
  });

  it('a response must be GraphQL-shaped', () => {
    expect(() => assertGraphQLResponse({ data: { a: 1 } })).not.toThrow();
    expect(() => assertGraphQLResponse({ data: null, errors: [{ message: 'x' }] })).not.toThrow();
    expect(() => assertGraphQLResponse({})).toThrow('response has neither data nor errors');
    expect(() => assertGraphQLResponse({ data: 'yes' })).toThrow('response is not shaped as GraphQL');
    expect(() => assertGraphQLResponse({ data: {}, errors: 'no' })).toThrow('response is not shaped as GraphQL');
  });
});

describe('the subgraph guard', () => {
  const config: ResilienceConfig = {
    ...resilienceConfigFromEnv({}),
    subgraphTimeoutMs: 100,
    retryBudget: { ratio: 0.2, minimumPerWindow: 10, windowMs: 10_000 },
  };
  const logger = createLogger('test');
  const refused = () => Promise.reject(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }));

  function guard() {
    const clock = fakeClock(Date.now());
    return { clock, guard: new SubgraphGuard('water', config, logger, clock) };
  }

  it('retries a query twice with backoff, then names the domain', async () => {
    const { guard: water, clock } = guard();
    const attempt = jest.fn(refused);
    await expect(water.call(attempt, { retryable: true })).rejects.toMatchObject({
      message: '[water] the water subgraph is unavailable',
      extensions: { code: 'SUBGRAPH_UNAVAILABLE', domain: 'water', reason: 'connection failed (ECONNREFUSED)' },
    });
    expect(attempt).toHaveBeenCalledTimes(3);
    expect(clock.slept).toEqual([37.5, 75]);
  });

  it('never retries a mutation, nor a garbage answer', async () => {
    const { guard: water } = guard();
    const mutation = jest.fn(refused);
    await expect(water.call(mutation, { retryable: false })).rejects.toMatchObject({ extensions: { code: 'SUBGRAPH_UNAVAILABLE' } });
    expect(mutation).toHaveBeenCalledTimes(1);
    const garbage = jest.fn(() => Promise.reject(new SyntaxError('Unexpected token <')));
    await expect(water.call(garbage, { retryable: true })).rejects.toMatchObject({ extensions: { code: 'SUBGRAPH_BAD_RESPONSE' } });
    expect(garbage).toHaveBeenCalledTimes(1);
  });

  it('does not retry past the request deadline', async () => {
    const { guard: water, clock } = guard();
    const attempt = jest.fn(refused);
    await expect(water.call(attempt, { retryable: true, deadline: clock.now() + 30 })).rejects.toMatchObject({
      extensions: { code: 'SUBGRAPH_UNAVAILABLE' },
    });
    expect(attempt).toHaveBeenCalledTimes(1);
  });

  it('stops retrying when the budget is spent', async () => {
    const { guard: water } = guard();
    const attempt = jest.fn(refused);
    for (let i = 0; i < 10; i++) await water.call(attempt, { retryable: true }).catch(() => undefined);
    // 10 calls, 10 retries at most (the floor): the 20 attempts a budget-less retry would make are not made.
    expect(attempt).toHaveBeenCalledTimes(20);
  });

  it('times an attempt out, aborting its signal, and opens the circuit after 20 failures', async () => {
    const { guard: water } = guard();
    let aborted = 0;
    const hang = (signal: AbortSignal) =>
      new Promise<never>((_, reject) =>
        signal.addEventListener('abort', () => {
          aborted++;
          reject(new Error('aborted'));
        }),
      );
    const started = Date.now();
    await expect(water.call(hang, { retryable: true })).rejects.toMatchObject({
      extensions: { code: 'SUBGRAPH_TIMEOUT', reason: 'no answer within 100 ms' },
    });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(aborted).toBe(1);
    for (let i = 0; i < 19; i++) await water.call(() => refused(), { retryable: false }).catch(() => undefined);
    expect(water.breaker.state).toBe('open');
    const notCalled = jest.fn(refused);
    await expect(water.call(notCalled, { retryable: true })).rejects.toMatchObject({
      extensions: { code: 'SUBGRAPH_UNAVAILABLE', reason: 'circuit open' },
    });
    expect(notCalled).not.toHaveBeenCalled();
  });

  it('refuses a call whose request deadline has passed, without calling', async () => {
    const { guard: water, clock } = guard();
    const attempt = jest.fn(() => Promise.resolve('ok'));
    await expect(water.call(attempt, { retryable: true, deadline: clock.now() - 1 })).rejects.toMatchObject({
      extensions: { code: 'SUBGRAPH_TIMEOUT', reason: 'request deadline reached' },
    });
    expect(attempt).not.toHaveBeenCalled();
  });
});

const portOf = (server: Server) => (server.address() as AddressInfo).port;

describe('the subgraph fetcher', () => {
  it('follows no redirect: a 3xx is a bad response, and its target hears nothing', async () => {
    let reached = 0;
    const elsewhere = createServer((_, response) => {
      reached++;
      response.end('{"data":{}}');
    });
    const redirecting = createServer((_, response) => response.writeHead(307, { location: `http://127.0.0.1:${portOf(elsewhere)}/` }).end());
    await Promise.all([elsewhere, redirecting].map((server) => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))));
    try {
      const failure = await subgraphFetcher(`http://127.0.0.1:${portOf(redirecting)}/graphql`, { method: 'POST', body: '{}' }).catch(
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(SubgraphFailure);
      expect(failure).toMatchObject({ code: 'SUBGRAPH_BAD_RESPONSE', details: { status: 307 } });
      expect(reached).toBe(0);
    } finally {
      elsewhere.close();
      redirecting.close();
    }
  });
});
