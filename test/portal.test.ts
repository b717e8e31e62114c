import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { projectRoot } from '@govhub/shared';
import { describeInBrowser, launchLoopbackChromium, shows } from './support/browser';
import { startTestHub, type TestHub } from './support/hub';

/**
 * The developer portal in a real browser: the GraphQL IDE at /graphql (the hub's own GraphiQL build, a token picker
 * for the demo identities) and the docs at /docs/, whose examples open in the IDE.
 */
const ARTIFACTS = join(projectRoot(), 'test', 'artifacts', 'portal');

describeInBrowser('the developer portal in a browser', () => {
  let hub: TestHub;
  let browser: Browser;
  let base: string;
  const offHub: string[] = [];
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    [hub, browser] = await Promise.all([startTestHub(), launchLoopbackChromium()]);
    base = `http://127.0.0.1:${new URL(hub.url).port}`;
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
  });
  afterEach(() => expect(offHub).toEqual([]));

  async function newPage(): Promise<Page> {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    page.setDefaultTimeout(15_000);
    page.on('request', (request) => {
      if (!request.url().startsWith(`${base}/`) && !request.url().startsWith('data:')) offHub.push(request.url());
    });
    return page;
  }

  it('serves the IDE at /graphql, asks as a demo identity picked in it, and shows the answer', async () => {
    const page = await newPage();
    const query = 'query Welfare { person(nationalId: "1101700203450") { firstNameTh healthCoverage { scheme } } }';
    await page.goto(`${base}/graphql?${new URLSearchParams({ query })}`);
    await page.locator('.graphiql-container').waitFor();
    await page.getByLabel('Ask as').selectOption('dopaWelfare');
    await shows(page.locator('.govhub-bar output'), 'token set in the headers');
    await page.locator('.graphiql-execute-button').click();
    await shows(page.locator('.graphiql-response'), '"scheme": "UCS"');
    await page.screenshot({ path: join(ARTIFACTS, 'ide.png') });

    await page.getByLabel('Ask as').selectOption('anonymous');
    await shows(page.locator('.govhub-bar output'), 'no token');
    await page.locator('.graphiql-execute-button').click();
    await shows(page.locator('.graphiql-response'), 'UNAUTHORIZED_FIELD_OR_TYPE');
  });

  it('renders the docs from the live supergraph, and an example opens in the IDE', async () => {
    const page = await newPage();
    await page.goto(`${base}/docs/`);
    await shows(page.locator('h1'), "The hub's domains");
    await page.getByRole('link', { name: 'water', exact: true }).click();
    await shows(page.locator('main'), 'Hydro and Agro Informatics Institute');
    await shows(page.locator('[id="Province.waterSituation"]'), 'Anyone, without a token.');
    await page.screenshot({ path: join(ARTIFACTS, 'docs-water.png'), fullPage: false });
    await page.getByRole('link', { name: 'Open in the IDE' }).first().click();
    await page.locator('.graphiql-container').waitFor();
    await shows(page.locator('.graphiql-query-editor'), 'ProvinceWater');
  });
});
