import pino from 'pino';
import { startFixtureHub, type FixtureHub } from './fixtures/authz';
import { rawRequest } from './support/rawHttp';

/**
 * The request id every log line, subgraph call and exchange-log entry names is always the hub's own; a caller's
 * `x-request-id` is at most logged beside it, as a correlation id, when it is a plain token.
 */
const lines: string[] = [];
let hub: FixtureHub;
let port: number;
beforeAll(async () => {
  hub = await startFixtureHub({ logger: pino({ level: 'info' }, { write: (line: string) => void lines.push(line) }) });
  port = hub.gateway.port;
});
afterAll(() => hub?.stop());

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const query = (requestId: string) =>
  rawRequest(port, {
    target: '/graphql',
    headers: { 'content-type': 'application/json', 'x-request-id': requestId },
    body: '{"query":"{ users { name } }"}',
  });
/** The access-log line of the request the hub answered under `requestId`, once it is written. */
async function accessLine(requestId: string): Promise<Record<string, unknown>> {
  for (let tries = 0; tries < 50; tries++) {
    const line = lines.map((text) => JSON.parse(text)).find((entry) => entry.msg === 'request' && entry.requestId === requestId);
    if (line) return line;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no access-log line for ${requestId}`);
}

describe('request ids', () => {
  it("mint the hub's own id, and log a plain caller id beside it as the correlation id", async () => {
    const response = await query('client-7.retry:2');
    expect(response.status).toBe(200);
    const id = response.headers['x-request-id'];
    expect(id).toMatch(UUID);
    expect(await accessLine(id)).toMatchObject({ requestId: id, correlationId: 'client-7.retry:2' });
  });

  it("never take another request's id as this one's", async () => {
    const first = (await query('client-1')).headers['x-request-id'];
    const reused = (await query(first)).headers['x-request-id'];
    expect(reused).toMatch(UUID);
    expect(reused).not.toBe(first);
  });

  it.each([
    ['a newline', 'abc\ninjected'],
    ['a carriage return', 'abc\rinjected'],
    ['10 kB', 'x'.repeat(10_240)],
    ['unicode', 'คำขอ-١٢٣'],
    ['65 characters', 'a'.repeat(65)],
    ['spaces and quotes', 'a "b" c'],
  ])('neither echo nor log an id with %s', async (_, requestId) => {
    const response = await query(requestId);
    const id = response.headers['x-request-id'];
    // Node refuses a bare CR or LF in a header outright (400, no hub code runs); anything else gets the hub's own id.
    if (response.status === 400 && id === undefined) return;
    expect(id).toMatch(UUID);
    const line = await accessLine(id);
    expect(line.correlationId).toBeUndefined();
    expect(lines.join('\n')).not.toContain(requestId.slice(0, 40));
  });
});
