import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger, createSigningKey, FORWARDED_IDENTITY_ALGORITHM, FORWARDED_IDENTITY_HEADER } from '@govhub/shared';
import { postGraphQL } from '@govhub/shared/dist/testing';
import { startHubGateway, type RunningGateway } from '@govhub/gateway';
import { HEADER } from './fixtures/authz';

/**
 * A subgraph that answers 307 must not make the gateway re-send the call, with its signed identity header,
 * wherever the redirect points: the call fails as a bad response naming the domain, and the other listener hears
 * nothing.
 */
const redirected: IncomingHttpHeaders[] = [];
const received: IncomingHttpHeaders[] = [];
let elsewhere: Server;
let redirecting: Server;
let gateway: RunningGateway;

const listen = async (server: Server) => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
};

beforeAll(async () => {
  elsewhere = createServer((request, response) => {
    received.push(request.headers);
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"data":{"level":1}}');
  });
  const elsewhereUrl = await listen(elsewhere);
  redirecting = createServer((request, response) => {
    redirected.push(request.headers);
    response.writeHead(307, { location: elsewhereUrl }).end();
  });
  gateway = await startHubGateway({
    subgraphs: [{ name: 'water', url: await listen(redirecting), sdl: `${HEADER}\ntype Query { level: Int @classified(level: PUBLIC) }\n` }],
    port: 0,
    logger: createLogger('redirect-gateway'),
    devKey: await createSigningKey(),
    identityKey: await createSigningKey(FORWARDED_IDENTITY_ALGORITHM),
    auth: { keys: null, mode: 'filter', reporting: 'errors', requireAuthentication: false },
  });
});
afterAll(async () => {
  await gateway?.stop();
  elsewhere?.close();
  redirecting?.close();
});

it('refuses a subgraph redirect as a bad response naming the domain, and follows it nowhere', async () => {
  const { errors } = await postGraphQL(gateway.url, '{ level }');
  expect(errors).toEqual([
    expect.objectContaining({
      message: '[water] the water subgraph sent a response that is not GraphQL',
      extensions: expect.objectContaining({ code: 'SUBGRAPH_BAD_RESPONSE', domain: 'water', status: 307 }),
    }),
  ]);
  expect(redirected.map((headers) => typeof headers[FORWARDED_IDENTITY_HEADER])).toEqual(['string']);
  expect(received).toEqual([]);
});
