import Fastify from 'fastify';
import { createLogger, graphqlShapedHttpErrors, registerHealthRoutes } from '@govhub/shared';
import { AuthenticationError } from '../src/auth/tokens';
import { registerAuthentication } from '../src/auth/authenticate';
import { isLoopbackAddress, isLoopbackHost } from '../src/http/loopbackOnly';
import { DEFAULT_LIMITS } from '../src/limits/config';
import { registerHttpLimits } from '../src/limits/http';

const servers: ReturnType<typeof Fastify>[] = [];
afterAll(() => Promise.all(servers.map((server) => server.close())));

/** Serves the routes over real HTTP and returns a fetch bound to them. */
async function app(ready: boolean) {
  const server = Fastify({ bodyLimit: 64 });
  servers.push(server);
  server.setErrorHandler(graphqlShapedHttpErrors(createLogger('test')));
  registerHealthRoutes(server, [
    { name: 'supergraph', check: () => true },
    { name: 'database', check: async () => ready },
    {
      name: 'flaky',
      check: async () => {
        if (!ready) throw new Error('down');
        return true;
      },
    },
  ]);
  server.post('/graphql', async () => ({ data: {} }));
  server.get('/boom', async () => {
    throw new Error('SELECT secret FROM table');
  });
  const base = await server.listen({ port: 0, host: '127.0.0.1' });
  return (path: string, init?: RequestInit) => fetch(`${base}${path}`, init);
}

describe('gateway routes', () => {
  it('reports readiness per check, 503 when one fails or throws', async () => {
    const up = await (await app(true))('/readyz');
    expect(up.status).toBe(200);
    const down = await (await app(false))('/readyz');
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: 'not ready', checks: { supergraph: true, database: false, flaky: false } });
    expect((await (await app(false))('/healthz')).status).toBe(200);
  });

  it.each([
    ['malformed JSON', '{"query": ', 'application/json', 400, 'MALFORMED_JSON'],
    ['an oversized body', JSON.stringify({ query: 'x'.repeat(100) }), 'application/json', 413, 'PAYLOAD_TOO_LARGE', { limit: 64 }],
    ['a form-encoded body', 'query=%7Bx%7D', 'application/x-www-form-urlencoded', 415, 'UNSUPPORTED_MEDIA_TYPE'],
  ])('answers %s with a GraphQL-shaped error', async (_, payload, contentType, status, code, details = {}) => {
    const response = await (await app(true))('/graphql', { method: 'POST', body: payload, headers: { 'content-type': contentType } });
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({ errors: [{ message: expect.any(String), extensions: { code, ...details } }] });
  });

  it('masks unexpected failures: no stack trace, no SQL text', async () => {
    const response = await (await app(true))('/boom');
    expect(response.status).toBe(500);
    const body = await response.text();
    expect(body).not.toContain('SELECT');
    expect(JSON.parse(body).errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
  });
});

describe('loopback-only routes', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['10.0.0.5', false],
    ['::ffff:10.0.0.5', false],
    ['0.0.0.0', false],
    ['fe80::1', false],
    ['1127.0.0.1', false],
    [undefined, false],
  ] as const)('take the peer %s as this machine: %s', (address, loopback) => {
    expect(isLoopbackAddress(address)).toBe(loopback);
  });

  it('take only a loopback name at the port the connection came in on as this machine', () => {
    expect(isLoopbackHost('localhost:4000', 4000)).toBe(true);
    expect(isLoopbackHost('localhost', 80)).toBe(true);
    expect(isLoopbackHost('localhost:4001', 4000)).toBe(false);
    expect(isLoopbackHost('localhost', 4000)).toBe(false);
    expect(isLoopbackHost(undefined, 4000)).toBe(false);
  });
});

describe('controls on the GraphQL route', () => {
  it('hang on the matched route: a spelling the router decodes to /graphql gets them too', async () => {
    const server = Fastify();
    servers.push(server);
    registerAuthentication(
      server,
      async () => {
        throw new AuthenticationError('bad signature');
      },
      (route) => route === '/graphql',
    );
    registerHttpLimits(server, '/graphql', { ...DEFAULT_LIMITS, documentCharacters: 20 });
    server.post('/graphql', async () => ({ data: {} }));
    const base = await server.listen({ port: 0, host: '127.0.0.1' });
    // fetch sends these paths as written: the WHATWG URL parser keeps percent-escapes.
    const send = (path: string, headers: Record<string, string> = {}) =>
      fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: '{ users { name } } # padding' }),
      });
    for (const path of ['/graphql', '/%67raphql', '/graph%71l?x=1']) {
      expect(((await (await send(path)).json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe(
        'DOCUMENT_TOO_LARGE',
      );
      expect((await send(path, { authorization: 'Bearer x' })).status).toBe(401);
    }
  });
});
