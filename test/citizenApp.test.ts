import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { projectRoot } from '@govhub/shared';
import { counts, describeInBrowser, inLanguage, launchLoopbackChromium, reads, shows } from './support/browser';
import { CALLERS, startTestHub, type TestHub } from './support/hub';
import { until } from './support/until';

/**
 * The citizen app (/app/) in a real browser (Debian's chromium, driven by playwright-core) against the whole hub:
 * sign-in as each demo citizen, the dashboard in one persisted request, an agency's read in the timeline, consent
 * granted and withdrawn, both languages, keyboard only, expired sessions, a network outage and a subgraph outage.
 * Screenshots of the main screens go to test/artifacts/citizen-app/.
 */
const APP_DIR = join(projectRoot(), 'web', 'dist', 'app');
const ARTIFACTS = join(projectRoot(), 'test', 'artifacts', 'citizen-app');
const JS_BUDGET_BYTES = 200 * 1024;

const BANGKOK = '1101700203450';
const PHAYAO = '5601200333441';
const SURAT_THANI = '8410100555669';
const TAT_TOURISM = { agency: 'TAT', sub: 'tat-officer-2', purpose: 'TOURISM_LICENSING', scope: ['agency', 'personal:read'] };

describe('the built citizen app', () => {
  it(`ships at most ${JS_BUDGET_BYTES / 1024} KB of JavaScript gzipped, and loads nothing from elsewhere`, () => {
    if (!existsSync(join(APP_DIR, 'index.html'))) throw new Error(`${APP_DIR} is not built: run npm run build`);
    const assets = readdirSync(join(APP_DIR, 'assets'));
    const scripts = assets.filter((file) => file.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    const gzipped = scripts.reduce((sum, file) => sum + gzipSync(readFileSync(join(APP_DIR, 'assets', file)), { level: 9 }).length, 0);
    process.stdout.write(`citizen app: ${(gzipped / 1024).toFixed(1)} KB of JavaScript gzipped (budget ${JS_BUDGET_BYTES / 1024} KB)\n`);
    expect(gzipped).toBeLessThanOrEqual(JS_BUDGET_BYTES);
    for (const file of ['index.html', ...assets.filter((asset) => !/\.(br|gz)$/.test(asset)).map((asset) => join('assets', asset))]) {
      expect({ file, external: /(src|href)=["']?(https?:)?\/\//.test(readFileSync(join(APP_DIR, file), 'utf8')) }).toEqual({ file, external: false });
    }
  });
});

describeInBrowser('the citizen app in a browser', () => {
  let hub: TestHub;
  let browser: Browser;
  let base: string;
  const contexts: BrowserContext[] = [];
  const offHub: string[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    [hub, browser] = await Promise.all([startTestHub(), launchLoopbackChromium()]);
    base = `http://127.0.0.1:${new URL(hub.url).port}`;
  }, 60_000);
  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    await browser?.close();
    await hub?.stop();
  });
  afterEach(() => expect(offHub).toEqual([]));

  /** A fresh browser profile (its own storage) on a phone-sized screen, refusing any request off the hub. */
  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('request', (request) => {
      if (!request.url().startsWith(`${base}/`) && !request.url().startsWith('data:')) offHub.push(request.url());
    });
    return page;
  }

  /** The requests to /graphql from now on. */
  function graphqlRequests(page: Page): Request[] {
    const requests: Request[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/graphql') requests.push(request);
    });
    return requests;
  }

  async function signIn(page: Page, nationalId: string): Promise<void> {
    await page.goto(`${base}/app/`);
    await page.locator(`input[name=citizen][value="${nationalId}"]`).check();
    await page.locator('form button[type=submit]').click();
    await page.locator('.dashboard [data-part=profile] dd').first().waitFor();
  }

  const part = (page: Page, name: string) => page.locator(`[data-part=${name}]`);
  const shoot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

  it('signs in as each demo citizen and shows their record joined across domains', async () => {
    const page = await newPage();
    const requests = graphqlRequests(page);
    await page.goto(`${base}/app/`);
    await inLanguage(page, 'th');
    await shoot(page, 'sign-in-th');
    for (const nationalId of [BANGKOK, PHAYAO, SURAT_THANI]) {
      const { data } = await hub.query(
        `{ me { firstNameTh lastNameTh address { province { code nameTh activeWarnings { id } } }
        businesses { nameTh } disasterAssistance { amountBaht } } }`,
        {},
        await hub.as(CALLERS.citizen(nationalId)),
      );
      const me = data!.me;
      await page.evaluate('sessionStorage.clear()');
      await signIn(page, nationalId);
      await reads(page.locator('h1'), `สวัสดี คุณ${me.firstNameTh}`);
      await shows(part(page, 'profile'), `${me.firstNameTh} ${me.lastNameTh}`);
      const province = me.address.province.code === '10' ? me.address.province.nameTh : `จังหวัด${me.address.province.nameTh}`;
      await reads(part(page, 'water').locator('h2'), `สถานการณ์น้ำ ${province}`);
      await shows(part(page, 'health'), 'หลักประกันสุขภาพถ้วนหน้า');
      await shows(part(page, 'services').locator('details summary'), 'บริการ');
      for (const business of me.businesses) await shows(part(page, 'businesses'), business.nameTh);
      await counts(part(page, 'assistance').locator('li'), me.disasterAssistance.length);
      await counts(part(page, 'warnings').locator('li'), me.address.province.activeWarnings.length);
      if (nationalId === BANGKOK) {
        // The hub had never run the document, but trusts it from the app's manifest: the hash alone suffices.
        await page.waitForLoadState('networkidle');
        expect(requests.map((request) => 'query' in request.postDataJSON())).toEqual([false]);
        expect(me.businesses.length).toBeGreaterThan(0);
        await shows(part(page, 'welfare'), 'มีสิทธิ');
        await shows(part(page, 'businesses'), '0105550000007');
      }
      if (nationalId === PHAYAO) await shows(part(page, 'warnings'), 'อุทกภัย');
      if (nationalId === SURAT_THANI) {
        expect(me.disasterAssistance.length).toBeGreaterThan(0);
        await shows(part(page, 'assistance'), 'อุทกภัยภาคใต้');
        await shoot(page, 'dashboard-th');
      }
      await page.locator('nav button').click();
      await page.locator('form input[name=citizen]').first().waitFor();
    }
  });

  it("loads the dashboard with one persisted request: the hash alone, the document being in the app's manifest", async () => {
    const page = await newPage();
    const requests = graphqlRequests(page);
    await signIn(page, PHAYAO);
    await page.waitForLoadState('networkidle');
    expect(requests).toHaveLength(1);
    requests.length = 0;
    await page.reload();
    await part(page, 'profile').locator('dd').first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(requests).toHaveLength(1);
    const body = requests[0].postDataJSON();
    expect(body).toEqual({
      operationName: 'CitizenDashboard',
      variables: {},
      extensions: { persistedQuery: { version: 1, sha256Hash: expect.stringMatching(/^[0-9a-f]{64}$/) } },
    });
    expect(requests[0].headers().authorization).toMatch(/^Bearer /);
    expect(page.url()).not.toContain('eyJ');
  });

  it("shows an agency's read of the citizen's record in the timeline after a reload, filtered by agency and dataset", async () => {
    const page = await newPage();
    await signIn(page, BANGKOK);
    await page.locator('nav a[href="/app/access"]').click();
    await shows(page.locator('.access'), 'ยังไม่มีหน่วยงานใดเข้าถึงข้อมูลของคุณ');

    const read = await hub.query(
      `query ($id: ID!) { person(nationalId: $id) { firstNameTh lowIncomeRegistration { status } } }`,
      { id: BANGKOK },
      await hub.as(CALLERS.dopaWelfare),
    );
    expect(read.data?.person?.lowIncomeRegistration?.status).toBe('ELIGIBLE');

    await page.reload();
    await counts(page.locator('.timeline li'), 2);
    const newest = page.locator('.timeline li').first();
    await shows(newest, 'กรมการปกครอง');
    await shows(newest, 'ตรวจสอบสิทธิสวัสดิการ');
    const times = await page.locator('.timeline time').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('datetime')!));
    expect(times).toEqual([...times].sort().reverse());
    await shows(page.locator('.timeline'), 'ฐานข้อมูลผู้ลงทะเบียนเพื่อสวัสดิการแห่งรัฐ (ผู้มีรายได้น้อย)');
    await shows(page.locator('.timeline'), 'lowIncomeRegistration');
    await shoot(page, 'timeline-th');

    await page.locator('#filter-dataset').selectOption('cgd.low-income-register');
    await counts(page.locator('.timeline li'), 1);
    await shows(page.locator('.timeline li'), 'Person.lowIncomeRegistration');
    await page.locator('#filter-dataset').selectOption('');
    await page.locator('#filter-agency').selectOption('DOPA');
    await counts(page.locator('.timeline li'), 2);
  });

  it('grants consent to TAT, whose read then succeeds; withdrawn in the app, the next read is refused', async () => {
    const tatReads = async () => {
      const response = await hub.query(
        'query ($id: ID!) { person(nationalId: $id) { firstNameTh } }',
        { id: SURAT_THANI },
        await hub.as(TAT_TOURISM),
      );
      return response.data?.person?.firstNameTh ?? response.errors?.[0]?.extensions?.code;
    };
    expect(await tatReads()).toBe('UNAUTHORIZED_FIELD_OR_TYPE');

    const page = await newPage();
    await signIn(page, SURAT_THANI);
    await page.locator('nav a[href="/app/consents"]').click();
    await page.locator('#grant-agency').selectOption('TAT');
    await page.locator('#grant-purpose').selectOption('TOURISM_LICENSING');
    await page.locator('input[name=dataset][value="dopa.civil-registry"]').check();
    await page.locator('form.grant button[type=submit]').click();
    await reads(page.locator('.outcome'), 'ให้ความยินยอมแล้ว มีผลตั้งแต่คำขอถัดไป');
    const consent = page.locator('[data-consent="TAT:TOURISM_LICENSING:dopa.civil-registry"]');
    await shows(consent, 'การท่องเที่ยวแห่งประเทศไทย');
    await shoot(page, 'consent-th');
    expect(await until(async () => ((await tatReads()) === 'ประเสริฐ' ? true : undefined), 5_000)).toBe(true);

    await consent.getByRole('button').click();
    await reads(page.locator('.outcome'), 'ถอนความยินยอมแล้ว มีผลตั้งแต่คำขอถัดไป');
    await counts(consent, 0);
    expect(await until(async () => ((await tatReads()) === 'UNAUTHORIZED_FIELD_OR_TYPE' ? true : undefined), 5_000)).toBe(true);

    await page.locator('nav a[href="/app/access"]').click();
    await shows(page.locator('.timeline li').first(), 'ด้วยความยินยอมของคุณ');
  });

  it('switches to English, remembers it, and back to Thai', async () => {
    const page = await newPage();
    await page.goto(`${base}/app/`);
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await inLanguage(page, 'en');
    await reads(page.locator('h1'), 'Sign in');
    await shoot(page, 'sign-in-en');
    await signIn(page, SURAT_THANI);
    await reads(part(page, 'assistance').locator('h2'), 'Disaster assistance received');
    await reads(part(page, 'water').locator('h2'), 'Water situation in Surat Thani');
    await shows(part(page, 'assistance'), 'Southern floods');
    await shoot(page, 'dashboard-en');
    await page.reload();
    await shows(page.locator('nav'), 'Who accessed my data');
    await page.locator('nav a[href="/app/access"]').click();
    await reads(page.locator('h1'), 'Who accessed my data');
    await page.locator('.access [role=status]').waitFor();
    await shoot(page, 'timeline-en');
    await page.locator('nav a[href="/app/consents"]').click();
    await reads(page.locator('h1'), 'Consent');
    await page.locator('#grant-agency').waitFor();
    await shoot(page, 'consent-en');
    await page.getByRole('button', { name: 'เปลี่ยนเป็นภาษาไทย' }).click();
    await reads(page.locator('h1'), 'การให้ความยินยอม');
    await inLanguage(page, 'th');
  });

  it('signs in with the keyboard alone, with a visible focus', async () => {
    const page = await newPage();
    await page.goto(`${base}/app/`);
    await page.locator('input[name=citizen]').first().waitFor();
    for (let press = 0; press < 10 && (await page.evaluate('document.activeElement?.name')) !== 'citizen'; press++) {
      await page.keyboard.press('Tab');
    }
    expect(await page.evaluate('getComputedStyle(document.activeElement).outlineStyle')).toBe('solid');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate('document.activeElement.value')).toBe(PHAYAO);
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.type')).toBe('submit');
    await page.keyboard.press('Enter');
    await reads(page.locator('h1'), 'สวัสดี คุณบัวคำ');
  });

  it('goes back to sign-in when the token is refused, and says so', async () => {
    const page = await newPage();
    await signIn(page, PHAYAO);
    await page.evaluate(`sessionStorage.setItem('govhub.token', 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl')`);
    await page.reload();
    await reads(page.locator('[role=alert]'), 'การเข้าสู่ระบบหมดอายุแล้ว กรุณาเข้าสู่ระบบอีกครั้ง');
    expect(await page.evaluate(`sessionStorage.getItem('govhub.token')`)).toBeNull();
  });

  it('says the hub cannot be reached while the network is down, and recovers on retry', async () => {
    const page = await newPage();
    await signIn(page, PHAYAO);
    await page.route('**/graphql', (route) => route.abort('internetdisconnected'));
    await page.reload();
    await shows(page.locator('[role=alert]'), 'ติดต่อศูนย์กลางข้อมูลไม่ได้');
    await page.unroute('**/graphql');
    await page.locator('[role=alert] button').click();
    await reads(page.locator('h1'), 'สวัสดี คุณบัวคำ');
  });

  it('says in words which part is missing when a subgraph is down, and shows the rest', async () => {
    const page = await newPage();
    await signIn(page, PHAYAO);
    await hub.subgraphs.water.stop();
    await page.reload();
    await shows(part(page, 'water'), 'ระบบข้อมูลน้ำและภูมิอากาศไม่ตอบสนองในขณะนี้');
    await shows(part(page, 'warnings'), 'อุทกภัย');
    await shows(part(page, 'profile'), 'บัวคำ ใจงาม');
    await shoot(page, 'dashboard-partial-th');
  });
});
