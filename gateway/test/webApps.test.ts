import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { createLogger, createSigningKey, DEMO_PEOPLE, graphqlShapedHttpErrors } from '@govhub/shared';
import { createTokenVerifier } from '../src/auth/tokens';
import { registerHttpSecurity } from '../src/http/security';
import { citizenAppConfig, oidcSettingsFromEnv, registerCitizenApp } from '../src/routes/citizenApp';
import { registerDevTokenRoute } from '../src/routes/devTokens';
import { registerWebApps } from '../src/routes/webApps';

const servers: ReturnType<typeof Fastify>[] = [];
afterAll(() => Promise.all(servers.map((server) => server.close())));

/** A built app as Vite lays it out: index.html and content-hashed assets. */
function builtApp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'web-app-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>app</title><script type="module" src="/app/assets/index-abc123.js"></script>');
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log("app")');
  writeFileSync(join(dir, '.env'), 'SECRET=1');
  return dir;
}

/** Serves over real HTTP, behind the hub's own security headers, and returns a fetch bound to it. */
async function serve(register: (app: ReturnType<typeof Fastify>) => Promise<void> | void) {
  const app = Fastify();
  servers.push(app);
  app.setErrorHandler(graphqlShapedHttpErrors(createLogger('test')));
  await registerHttpSecurity(app, []);
  await register(app);
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  return (path: string, init?: RequestInit) => fetch(`${base}${path}`, { redirect: 'manual', ...init });
}

describe('web apps', () => {
  it('serves the page at its path and for its own routes, revalidated; hashed assets cached for good', async () => {
    const get = await serve((app) => registerWebApps(app, [{ path: '/app/', dir: builtApp() }]));
    for (const path of ['/app/', '/app/consents', '/app/access?agency=DOPA']) {
      const page = await get(path);
      expect({ path, status: page.status, type: page.headers.get('content-type'), cache: page.headers.get('cache-control') }).toEqual({
        path,
        status: 200,
        type: 'text/html; charset=utf-8',
        cache: 'no-cache',
      });
      expect(await page.text()).toContain('<title>app</title>');
    }
    const asset = await get('/app/assets/index-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-security-policy')).toContain("script-src 'self'");
    const redirect = await get('/app');
    expect([redirect.status, redirect.headers.get('location')]).toEqual([301, '/app/']);
  });

  it('serves the compressed copy the build wrote when the browser takes it', async () => {
    const dir = builtApp();
    const script = 'console.log("app")';
    writeFileSync(join(dir, 'assets', 'index-abc123.js.br'), brotliCompressSync(script));
    writeFileSync(join(dir, 'assets', 'index-abc123.js.gz'), gzipSync(script));
    const get = await serve((app) => registerWebApps(app, [{ path: '/app/', dir }]));
    for (const [accepted, encoding] of [
      ['br, gzip', 'br'],
      ['gzip', 'gzip'],
      ['identity', null],
    ] as const) {
      const asset = await get('/app/assets/index-abc123.js', { headers: { 'accept-encoding': accepted } });
      expect({ accepted, encoding: asset.headers.get('content-encoding'), text: await asset.text() }).toEqual({ accepted, encoding, text: script });
    }
  });

  it('answers a missing asset, a dotfile and a climb out of the folder with 404, never the page or the file', async () => {
    const get = await serve((app) => registerWebApps(app, [{ path: '/app/', dir: builtApp() }]));
    for (const path of ['/app/assets/index-old999.js', '/app/.env', '/app/../package.json', '/app/%2e%2e/%2e%2e/package.json']) {
      const response = await get(path);
      const body = await response.text();
      expect({ path, refused: response.status === 404 || response.status === 403 }).toEqual({ path, refused: true });
      expect(body).not.toContain('SECRET');
      expect(body).not.toContain('<title>app</title>');
    }
  });

  it('says how to build an app that is not built', async () => {
    const get = await serve((app) => registerWebApps(app, [{ path: '/app/', dir: join(tmpdir(), 'never-built-app') }]));
    const response = await get('/app/');
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('Run `npm run build`');
  });

  it('lets the page connect to its identity provider, and only that page', async () => {
    const dir = builtApp();
    writeFileSync(join(dir, 'index.html.br'), brotliCompressSync('<!doctype html><title>app</title>'));
    const get = await serve((app) => registerWebApps(app, [{ path: '/app/', dir, connectOrigins: ['https://login.example.go.th'] }]));
    for (const encoding of ['identity', 'br']) {
      const page = await get('/app/', { headers: { 'accept-encoding': encoding } });
      expect({ encoding, served: page.headers.get('content-encoding'), policy: page.headers.get('content-security-policy') }).toEqual({
        encoding,
        served: encoding === 'br' ? 'br' : null,
        policy: expect.stringContaining("connect-src 'self' https://login.example.go.th"),
      });
    }
    const policy = (await get('/app/')).headers.get('content-security-policy') ?? '';
    expect(policy).toContain("frame-ancestors 'none'");
    expect((await get('/app/assets/index-abc123.js')).headers.get('content-security-policy')).toContain("connect-src 'self';");
  });

  it('serves several apps side by side, each with its own fallback page', async () => {
    const other = builtApp();
    writeFileSync(join(other, 'index.html'), '<title>docs</title>');
    const get = await serve((app) =>
      registerWebApps(app, [
        { path: '/app/', dir: builtApp() },
        { path: '/docs/', dir: other },
      ]),
    );
    expect(await (await get('/docs/Province')).text()).toBe('<title>docs</title>');
    expect(await (await get('/app/consents')).text()).toContain('<title>app</title>');
  });
});

describe('citizen app sign-in settings (/app/config.json)', () => {
  it('offers the demo citizens in development', async () => {
    const get = await serve((app) => registerCitizenApp(app, { oidc: null, production: false, dir: builtApp() }));
    const response = await get('/app/config.json');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const config = await response.json();
    expect(config.signIn).toBe('demo');
    expect(config.demoCitizens.map((citizen: { nationalId: string }) => citizen.nationalId)).toEqual(DEMO_PEOPLE.map((person) => person.nationalId));
    expect(config.demoCitizens[1]).toEqual({
      nationalId: '5601200333441',
      nameTh: 'นางบัวคำ ใจงาม',
      provinceCode: '56',
      provinceNameTh: 'พะเยา',
      provinceNameEn: 'Phayao',
    });
  });

  it('gives production only the OpenID Connect provider, or says sign-in is not configured', () => {
    const oidc = oidcSettingsFromEnv({ GOVHUB_OIDC_ISSUER: 'https://login.example.go.th/realms/citizens/', GOVHUB_OIDC_CLIENT_ID: 'govhub-citizen' });
    expect(citizenAppConfig(true, oidc)).toEqual({
      signIn: 'oidc',
      oidc: { issuer: 'https://login.example.go.th/realms/citizens', clientId: 'govhub-citizen', scope: 'openid citizen:self' },
    });
    expect(citizenAppConfig(true, null)).toEqual({ signIn: 'none' });
    expect(citizenAppConfig(false, oidc)).toMatchObject({ signIn: 'demo', oidc });
  });

  it.each([
    [{}, null],
    [
      { GOVHUB_OIDC_ISSUER: 'http://127.0.0.1:8080/realms/dev', GOVHUB_OIDC_CLIENT_ID: 'app', GOVHUB_OIDC_SCOPE: 'openid govhub' },
      { issuer: 'http://127.0.0.1:8080/realms/dev', clientId: 'app', scope: 'openid govhub' },
    ],
    [{ GOVHUB_OIDC_ISSUER: 'http://login.example.go.th', GOVHUB_OIDC_CLIENT_ID: 'app' }, 'must be an https URL'],
    [{ GOVHUB_OIDC_ISSUER: 'login.example.go.th', GOVHUB_OIDC_CLIENT_ID: 'app' }, 'must be a URL'],
    [{ GOVHUB_OIDC_ISSUER: 'https://login.example.go.th' }, 'GOVHUB_OIDC_CLIENT_ID is required'],
  ])('reads the provider from %j', (env, expected) => {
    if (typeof expected === 'string') expect(() => oidcSettingsFromEnv(env)).toThrow(expected);
    else expect(oidcSettingsFromEnv(env)).toEqual(expected);
  });
});

describe('development tokens (POST /dev/tokens)', () => {
  it('mints a short-lived citizen:self token for a demo citizen, and for nobody else', async () => {
    const key = await createSigningKey();
    const settings = { key, issuer: 'https://govhub.test/dev', audience: 'govhub-test' };
    const post = await serve((app) => registerDevTokenRoute(app, settings));
    const call = (body: string, contentType = 'application/json') =>
      post('/dev/tokens', { method: 'POST', headers: { 'content-type': contentType }, body });

    const minted = await call(JSON.stringify({ nationalId: '8410100555669' }));
    expect(minted.status).toBe(200);
    expect(minted.headers.get('cache-control')).toBe('no-store');
    const { token, expiresIn } = await minted.json();
    expect(expiresIn).toBe(900);
    const verify = createTokenVerifier({
      keys: { jwks: { keys: [key.publicJwk] } },
      issuer: settings.issuer,
      audience: settings.audience,
      scopeClaim: 'scope',
    });
    const identity = await verify(token);
    expect({ kind: identity.kind, sub: identity.sub, agency: identity.agency, scopes: [...identity.scopes] }).toEqual({
      kind: 'citizen',
      sub: '8410100555669',
      agency: null,
      scopes: ['citizen:self'],
    });
    const { exp, iat } = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    expect(exp - iat).toBe(900);

    const agency = await (await call('{"identity":"dopaWelfare"}')).json();
    const officer = await verify(agency.token);
    expect({ kind: officer.kind, agency: officer.agency, purpose: officer.purpose, scopes: [...officer.scopes] }).toEqual({
      kind: 'agency',
      agency: 'DOPA',
      purpose: 'WELFARE_ELIGIBILITY',
      scopes: ['agency', 'personal:read', 'sensitive:read'],
    });

    for (const body of [
      '{"nationalId":"1101700203451"}',
      '{"nationalId":"3100100000001"}',
      '{"sub":"DOPA"}',
      '{"nationalId":["1101700203450"]}',
      '{"identity":"admin"}',
      '{"identity":"toString"}',
    ]) {
      const refused = await call(body);
      expect({ body, status: refused.status, code: (await refused.json()).errors[0].extensions }).toEqual({
        body,
        status: 400,
        code: { code: 'BAD_USER_INPUT', reason: 'NOT_A_DEMO_IDENTITY' },
      });
    }
    expect((await call('nationalId=1101700203450', 'application/x-www-form-urlencoded')).status).toBe(415);
    expect((await call('{"nationalId":')).status).toBe(400);
  });
});
