import { DOMAIN_NAMES } from '@govhub/shared';
import { DEMO_AGENCY_CALLERS } from '@govhub/gateway/dist/auth/demoIdentities';
import { EXAMPLE_CITIZEN, EXAMPLES, type ExampleCaller } from '@govhub/gateway/dist/docs/examples';
import { CALLERS, startTestHub, type TestHub } from './support/hub';

/** `/docs/`: generated from the live supergraph, saying who may read what; every example runs as its caller. */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
}, 120_000);
afterAll(() => hub?.stop());

const page = async (path: string) => {
  const response = await fetch(hub.url.replace('/graphql', path));
  return { status: response.status, type: response.headers.get('content-type'), html: await response.text() };
};

const callers: Record<ExampleCaller, Parameters<TestHub['as']>[0] | null> = {
  anonymous: null,
  citizen: CALLERS.citizen(EXAMPLE_CITIZEN),
  ...DEMO_AGENCY_CALLERS,
};

it('lists every domain with its committee and lead agency', async () => {
  const index = await page('/docs/');
  expect(index).toMatchObject({ status: 200, type: expect.stringContaining('text/html') });
  for (const name of DOMAIN_NAMES) expect(index.html).toContain(`href="/docs/${name}/"`);
  expect(index.html).toContain('Hydro and Agro Informatics Institute (Public Organization) (HAII)');
  expect(index.html).toContain('คณะกรรมการบูรณาการฐานข้อมูลน้ำและภูมิอากาศแห่งชาติ');
});

it('says for each field its classification and who may read it, agreements included', async () => {
  const citizen = await page('/docs/citizen/');
  expect(citizen.status).toBe(200);
  const row = citizen.html.slice(citizen.html.indexOf('id="Person.lowIncomeRegistration"'));
  expect(row.slice(0, 1500)).toMatch(/SENSITIVE|PERSONAL/);
  expect(row.slice(0, 1500)).toContain('cgd.low-income-register');
  expect(row.slice(0, 1500)).toContain('DOPA (HUB-0002, for WELFARE_ELIGIBILITY)');
  const security = await page('/docs/security/');
  expect(security.html).toContain('need-to-know clearance');
  expect((await page('/docs/nowhere/')).status).toBe(404);
});

it('runs every example as its caller, without errors', async () => {
  const domains = Object.keys(EXAMPLES);
  expect(domains.sort()).toEqual([...DOMAIN_NAMES].sort());
  for (const [domain, examples] of Object.entries(EXAMPLES)) {
    const html = (await page(`/docs/${domain}/`)).html;
    for (const example of examples) {
      expect(html).toContain(example.title.replace(/'/g, '&#39;'));
      const caller = callers[example.caller];
      const { data, errors } = await hub.query(example.query, example.variables, caller ? await hub.as(caller) : {});
      expect({ domain, example: example.title, errors }).toEqual({ domain, example: example.title, errors: undefined });
      expect(Object.values(data ?? {}).some((value) => value !== null && (!Array.isArray(value) || value.length > 0))).toBe(true);
    }
  }
});
