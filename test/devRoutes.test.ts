import { startFixtureHub, type FixtureHub } from './fixtures/authz';
import { rawRequest } from './support/rawHttp';

/**
 * The development routes (minting tokens, the development key) answer only a caller on this machine that addressed
 * the hub by a loopback name: a page on a rebound DNS name sends its own name as `Host`.
 */
let hub: FixtureHub;
let port: number;
beforeAll(async () => {
  hub = await startFixtureHub();
  port = hub.gateway.port;
});
afterAll(() => hub?.stop());

const mint = (host: string) =>
  rawRequest(port, {
    target: '/dev/tokens',
    headers: { host, 'content-type': 'application/json' },
    body: '{"identity":"dopaWelfare"}',
  });
const jwks = (host: string) => rawRequest(port, { method: 'GET', target: '/.well-known/jwks.json', headers: { host } });

describe('development routes', () => {
  it.each(['localhost:PORT', 'LOCALHOST:PORT', '127.0.0.1:PORT', '[::1]:PORT'])('answer Host %s', async (host) => {
    const minted = await mint(host.replace('PORT', String(port)));
    expect(minted.status).toBe(200);
    expect(minted.json).toMatchObject({ token: expect.any(String) });
    expect((await jwks(host.replace('PORT', String(port)))).status).toBe(200);
  });

  it.each([
    'evil.example',
    'evil.example:PORT',
    'localhost.evil.example:PORT',
    'localhost',
    'localhost:1',
    '127.0.0.2:PORT',
    '0.0.0.0:PORT',
    '[::ffff:127.0.0.1]:PORT',
    'localhost:PORT@evil.example',
  ])('refuse Host %s: 403 LOOPBACK_ONLY', async (host) => {
    for (const response of [await mint(host.replace('PORT', String(port))), await jwks(host.replace('PORT', String(port)))]) {
      expect(response.status).toBe(403);
      expect(response.json).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'LOOPBACK_ONLY' } }] });
      expect(response.body).not.toContain('token');
    }
  });

  it('ignore X-Forwarded-Host: the socket and the Host header decide', async () => {
    const response = await rawRequest(port, {
      target: '/dev/tokens',
      headers: { host: 'evil.example', 'x-forwarded-host': `localhost:${port}`, 'content-type': 'application/json' },
      body: '{"identity":"dopaWelfare"}',
    });
    expect(response.status).toBe(403);
  });
});
