import { postGraphQL, type GraphQLResponse } from '@govhub/shared/dist/testing';
import { startFaultyHub, type Behaviour, type FaultyHub } from './fixtures/faultySubgraph';
import { startTestHub, type TestHub } from './support/hub';
import { until } from './support/until';

/**
 * Faults between the gateway and its subgraphs: a subgraph that dies under load, that is slow, that answers
 * garbage; retries, the circuit breaker, the request deadline and draining on stop (what SIGTERM runs).
 */
type Answer = GraphQLResponse<Record<string, any>>;
const errorOf = (response: Answer, domain: string) => response.errors?.find((error) => error.extensions?.domain === domain);

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await work();
  return { result, ms: performance.now() - started };
}

describe('a misbehaving subgraph', () => {
  let hub: FaultyHub;
  beforeAll(async () => {
    hub = await startFaultyHub({ resilience: { subgraphTimeoutsMs: { flaky: 300 } } });
  });
  afterAll(() => hub?.stop());
  beforeEach(() => {
    hub.flaky.behaviour = 'graphql';
    hub.flaky.calls = 0;
  });

  it('answers normally when it behaves, over one kept-alive connection', async () => {
    const connections = hub.flaky.connections;
    for (let i = 0; i < 20; i++) {
      const response = await postGraphQL(hub.url, '{ steady flaky }');
      expect(response).toMatchObject({ status: 200, data: { steady: 'steady', flaky: 'flaky' } });
      expect(response.errors).toBeUndefined();
    }
    expect(hub.flaky.calls).toBe(20);
    expect(hub.flaky.connections - connections).toBeLessThanOrEqual(1);
  });

  it('too slow: partial data and SUBGRAPH_TIMEOUT after its own timeout, not after the subgraph', async () => {
    Object.assign(hub.flaky, { behaviour: 'slow', delayMs: 3_000 });
    const { result, ms } = await timed(() => postGraphQL(hub.url, '{ steady flaky }'));
    expect(result).toMatchObject({ status: 200, data: { steady: 'steady', flaky: null } });
    expect(result.errors).toEqual([
      expect.objectContaining({
        message: '[flaky] the flaky subgraph did not answer in time',
        extensions: expect.objectContaining({ code: 'SUBGRAPH_TIMEOUT', domain: 'flaky', reason: 'no answer within 300 ms' }),
      }),
    ]);
    expect(ms).toBeGreaterThanOrEqual(300);
    expect(ms).toBeLessThan(1_500);
    // A slow subgraph is not asked again: that would only add to its load.
    expect(hub.flaky.calls).toBe(1);
  });

  it.each<[Behaviour, string, string, number]>([
    ['html', 'SUBGRAPH_BAD_RESPONSE', 'response is not JSON', 1],
    ['invalid-json', 'SUBGRAPH_BAD_RESPONSE', 'response is not JSON', 1],
    ['no-data', 'SUBGRAPH_BAD_RESPONSE', 'response has neither data nor errors', 1],
    // A 502 from the proxy in front of the subgraph is worth retrying: a query is tried three times in all.
    ['bad-gateway', 'SUBGRAPH_UNAVAILABLE', 'HTTP 502', 3],
  ])('answering %s: partial data and %s (%s), %i call(s)', async (behaviour, code, reason, calls) => {
    hub.flaky.behaviour = behaviour;
    const { result, ms } = await timed(() => postGraphQL(hub.url, '{ steady flaky }'));
    expect(result).toMatchObject({ status: 200, data: { steady: 'steady', flaky: null } });
    expect(result.errors).toHaveLength(1);
    expect(errorOf(result, 'flaky')).toMatchObject({
      message: expect.stringContaining('[flaky]'),
      extensions: { code, domain: 'flaky', reason },
    });
    expect(JSON.stringify(result)).not.toContain('<html>');
    expect(hub.flaky.calls).toBe(calls);
    expect(ms).toBeLessThan(1_000);
  });

  it('a mutation is never retried', async () => {
    expect(await postGraphQL(hub.url, 'mutation { bump }')).toMatchObject({ status: 200, data: { bump: 1 } });
    expect(hub.flaky.calls).toBe(1);
    hub.flaky.behaviour = 'bad-gateway';
    const failed = await postGraphQL(hub.url, 'mutation { bump }');
    expect(failed).toMatchObject({ status: 200, data: { bump: null } });
    expect(errorOf(failed, 'flaky')?.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', status: 502 });
    expect(hub.flaky.calls).toBe(2);
  });
});

describe('the request deadline', () => {
  let hub: FaultyHub;
  beforeAll(async () => {
    hub = await startFaultyHub({ resilience: { subgraphTimeoutMs: 5_000, requestDeadlineMs: 400 } });
  });
  afterAll(() => hub?.stop());

  it('cuts a subgraph call short, whatever its own timeout', async () => {
    Object.assign(hub.flaky, { behaviour: 'slow', delayMs: 3_000 });
    const { result, ms } = await timed(() => postGraphQL(hub.url, '{ steady flaky }'));
    expect(result).toMatchObject({ status: 200, data: { steady: 'steady', flaky: null } });
    expect(errorOf(result, 'flaky')?.extensions).toMatchObject({
      code: 'SUBGRAPH_TIMEOUT',
      reason: expect.stringMatching(/^no answer within (3\d\d|400) ms$/),
    });
    expect(ms).toBeLessThan(1_500);
  });
});

describe('stopping the gateway (what SIGTERM runs)', () => {
  it('drains: a request in flight gets its whole answer, new connections are refused', async () => {
    const hub = await startFaultyHub();
    try {
      Object.assign(hub.flaky, { behaviour: 'slow', delayMs: 600 });
      const inFlight = postGraphQL(hub.url, '{ steady flaky }');
      await until(async () => (hub.flaky.calls > 0 ? true : undefined), 5_000);
      const stopped = hub.gateway.stop();
      expect(await inFlight).toMatchObject({ status: 200, data: { steady: 'steady', flaky: 'flaky' } });
      // Its keep-alive connection does not hold the stop up.
      expect((await timed(() => stopped)).ms).toBeLessThan(2_000);
      await expect(postGraphQL(hub.url, '{ steady }')).rejects.toThrow();
    } finally {
      await Promise.all([hub.steady.stop(), hub.flaky.stop()]);
    }
  });
});

describe('a subgraph killed under load', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
  }, 120_000);
  afterAll(() => hub?.stop());

  const DASHBOARD = '{ province(code: "10") { code nameTh waterSituation { floodStatus } businessCount } }';
  const readiness = async () => {
    const response = await fetch(hub.url.replace('/graphql', '/readyz'));
    return { status: response.status, body: (await response.json()) as { status: string; subgraphs: Record<string, string> } };
  };

  it('gives partial data naming the domain, never a 5xx, opens the circuit, and recovers when the subgraph is back', async () => {
    const answers: { at: number; ms: number; response: Answer }[] = [];
    let clientsRun = true;
    const client = async () => {
      while (clientsRun) {
        const { result, ms } = await timed(() => hub.query(DASHBOARD));
        answers.push({ at: Date.now(), ms, response: result });
      }
    };
    const clients = Array.from({ length: 20 }, client);
    await until(async () => (answers.length >= 100 ? true : undefined), 20_000);
    expect(answers.every(({ response }) => response.errors === undefined)).toBe(true);

    const stoppedAt = Date.now();
    await hub.subgraphs.water.stop();
    const open = await until(async () => ((await readiness()).body.subgraphs.water === 'open' ? Date.now() : undefined), 10_000);
    // Fail fast while open: let the clients see the open circuit for a moment.
    const failsFast = ({ response }: { response: Answer }) => errorOf(response, 'water')?.extensions?.reason === 'circuit open';
    await until(async () => (answers.some(failsFast) ? true : undefined), 5_000);
    clientsRun = false;
    await Promise.all(clients);

    // An open circuit degrades the hub but does not make it unready.
    expect(await readiness()).toMatchObject({ status: 200, body: { status: 'ready', subgraphs: { water: 'open', citizen: 'closed' } } });
    expect(answers.every(({ response }) => response.status === 200)).toBe(true);
    expect(answers.every(({ response }) => response.data?.province.code === '10')).toBe(true);
    expect(answers.every(({ response }) => typeof response.data?.province.businessCount === 'number')).toBe(true);
    const afterStop = answers.filter(({ at }) => at > open);
    expect(afterStop.length).toBeGreaterThan(0);
    for (const { response } of afterStop) {
      expect(response.data?.province.waterSituation).toBeNull();
      expect(response.errors).toEqual([
        expect.objectContaining({
          message: '[water] the water subgraph is unavailable',
          extensions: expect.objectContaining({ code: 'SUBGRAPH_UNAVAILABLE', domain: 'water' }),
        }),
      ]);
    }
    const median = (ms: number[]) => ms.sort((a, b) => a - b)[Math.floor(ms.length / 2)].toFixed(0);
    const healthy = median(answers.filter(({ at }) => at < stoppedAt).map(({ ms }) => ms));
    const failingFast = median(answers.filter(failsFast).map(({ ms }) => ms));

    // Back on the same port: the half-open probe (after 5 s) finds it, and the hub heals by itself.
    await hub.subgraphs.water.restart();
    const restartedAt = Date.now();
    const healed = await until(async () => {
      const response = await hub.query(DASHBOARD);
      return response.errors === undefined && response.data?.province.waterSituation ? response : undefined;
    }, 10_000);
    expect(healed.status).toBe(200);
    expect((await readiness()).body.subgraphs.water).toBe('closed');
    console.info(
      `${answers.length} answers, median ${healthy} ms; circuit open ${open - stoppedAt} ms after the stop, then median ${failingFast} ms; ` +
        `healed ${Date.now() - restartedAt} ms after the restart`,
    );
  }, 60_000);
});
