import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { DEMO_PEOPLE, projectRoot } from '@govhub/shared';
import { describeInBrowser, launchLoopbackChromium, reads } from './support/browser';
import { startFakeOidcProvider, type FakeOidcProvider } from './support/fakeOidc';
import { startTestHub, type TestHub } from './support/hub';

/**
 * The citizen app's production sign-in, end to end in a browser: `HUB_ENV=production`, an OpenID Connect provider
 * on loopback, the authorization code flow with PKCE, and the hub verifying the provider's token by its JWKS.
 */
const ARTIFACTS = join(projectRoot(), 'test', 'artifacts', 'citizen-app');
const CITIZEN = DEMO_PEOPLE[0];
const CLIENT_ID = 'govhub-citizen-app';
const AUDIENCE = 'govhub';

describeInBrowser('the citizen app signing in with an OpenID Connect provider', () => {
  let provider: FakeOidcProvider;
  let hub: TestHub;
  let browser: Browser;
  const saved = { ...process.env };

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    provider = await startFakeOidcProvider({ clientId: CLIENT_ID, subject: CITIZEN.nationalId, audience: AUDIENCE, scope: 'openid citizen:self' });
    Object.assign(process.env, {
      HUB_ENV: 'production',
      GOVHUB_JWKS_URL: provider.jwksUrl,
      GOVHUB_JWT_ISSUER: provider.issuer,
      GOVHUB_JWT_AUDIENCE: AUDIENCE,
      GOVHUB_OIDC_ISSUER: provider.issuer,
      GOVHUB_OIDC_CLIENT_ID: CLIENT_ID,
    });
    [hub, browser] = await Promise.all([
      startTestHub({ auth: { keys: { url: provider.jwksUrl }, issuer: provider.issuer, audience: AUDIENCE } }),
      launchLoopbackChromium(),
    ]);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
    await provider?.close();
    for (const name of ['HUB_ENV', 'GOVHUB_JWKS_URL', 'GOVHUB_JWT_ISSUER', 'GOVHUB_JWT_AUDIENCE', 'GOVHUB_OIDC_ISSUER', 'GOVHUB_OIDC_CLIENT_ID']) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });

  it('signs in through the provider, keeps the code and the token out of the address bar, and shows the dashboard', async () => {
    const base = `http://127.0.0.1:${new URL(hub.url).port}`;
    const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    page.setDefaultTimeout(15_000);
    const addresses: string[] = [];
    page.on('request', (request) => {
      if (request.isNavigationRequest()) addresses.push(request.url());
    });
    await page.goto(`${base}/app/`);
    await page.getByRole('button', { name: `เข้าสู่ระบบด้วย ${new URL(provider.issuer).host}` }).click();
    await reads(page.locator('h1'), `สวัสดี คุณ${CITIZEN.firstNameTh}`);
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-oidc-th.png'), fullPage: true });

    expect(provider.exchanges).toEqual([{ clientId: CLIENT_ID, verifier: expect.stringMatching(/^[A-Za-z0-9_-]{43,128}$/) }]);
    expect(addresses.some((address) => address.startsWith(`${provider.issuer}/authorize`))).toBe(true);
    expect(page.url()).toBe(`${base}/app/`);
    expect(addresses.filter((address) => address.includes('eyJ'))).toEqual([]);
    expect(await page.evaluate('document.documentElement.lang')).toBe('th');
  });
});
