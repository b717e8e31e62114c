import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startRoundRobinProxy, type RoundRobinProxy } from './support/roundRobinProxy';

/**
 * The replica tests' proxy on its own, before they rely on it: round robin, a refused connection goes on to the
 * next upstream, a reset one too for a query only.
 */
const servers: Server[] = [];
let proxy: RoundRobinProxy | undefined;
afterEach(async () => {
  await proxy?.stop();
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

async function upstream(behaviour: 'answer' | 'reset'): Promise<string> {
  const server = createServer((request, response) => {
    request.resume();
    request.once('end', () => (behaviour === 'reset' ? request.socket.resetAndDestroy() : response.end(JSON.stringify({ data: { ok: true } }))));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

/** An address nothing listens on: a server started and stopped. */
async function closedPort(): Promise<string> {
  const url = await upstream('answer');
  await new Promise((resolve) => servers.pop()?.close(resolve));
  return url;
}

const statusOf = (url: string, body: object) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((response) => response.status);

it('takes the upstreams in turn, and passes a refused connection on to the next', async () => {
  const [up, down] = [await upstream('answer'), await closedPort()];
  proxy = await startRoundRobinProxy([up, down]);
  const statuses = await Promise.all([1, 2, 3, 4].map(() => statusOf(proxy!.url, { query: 'mutation { act }' })));
  expect(statuses).toEqual([200, 200, 200, 200]);
  expect(proxy.counts).toMatchObject({ answeredBy: { [new URL(up).origin]: 4 }, refused: 2, failed: 0 });
});

it('tries a reset query again on the next upstream, but never a reset mutation', async () => {
  const [reset, up] = [await upstream('reset'), await upstream('answer')];
  proxy = await startRoundRobinProxy([reset, up]);
  const send = (body: object) => statusOf(proxy!.url, body);
  // Each request is followed by one that starts at the answering upstream, so the next starts at the resetting one.
  const fromReset = async (body: object) => [await send(body), await send({ query: '{ ok }' })][0];
  const twoOperations = 'query Q { ok } mutation M { act }';
  expect(await fromReset({ query: '{ ok }' })).toBe(200);
  expect(await fromReset({ query: 'mutation { act }' })).toBe(502);
  expect(await fromReset({ query: twoOperations, operationName: 'Q' })).toBe(200);
  expect(await fromReset({ query: twoOperations, operationName: 'M' })).toBe(502);
  expect(proxy.counts).toMatchObject({ resetRetried: 2, failed: 2, brokenBy: { [new URL(reset).origin]: 4 } });
});
