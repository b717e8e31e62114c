import { DEMO_PEOPLE } from '@govhub/shared';
import { CALLERS, startTestHub, type TestHub } from './support/hub';

/** The gateway's HTTP surface as a browser or an attacker meets it: CORS, security headers, CSRF, request ids. */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
}, 120_000);
afterAll(() => hub?.stop());

const graphql = (init: RequestInit & { search?: string } = {}) => fetch(`${hub.url}${init.search ?? ''}`, init);
const SOMCHAI = DEMO_PEOPLE[0].nationalId;

describe('CORS', () => {
  const preflight = (origin: string) =>
    graphql({
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
    });

  it('lets a local development page call the hub, with the headers it needs', async () => {
    const response = await preflight('http://localhost:5173');
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(response.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('gives any other origin no CORS permission', async () => {
    for (const origin of ['https://evil.example', 'http://localhost.evil.example', 'null']) {
      const response = await preflight(origin);
      expect({ origin, allowed: response.headers.get('access-control-allow-origin') }).toEqual({ origin, allowed: null });
    }
  });
});

it("answers with no tracing or debugging extensions (graphql-cop's trace probe)", async () => {
  const response = await graphql({
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ province(code: "10") { nameEn } }' }),
  });
  const { extensions } = (await response.json()) as { extensions?: Record<string, unknown> };
  expect(Object.keys(extensions ?? {})).toEqual(['cost']);
});

it('sends security headers on every response', async () => {
  const response = await graphql({
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
  expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  expect(response.headers.get('strict-transport-security')).toBeNull();
});

describe('cross-site requests and mutations over GET', () => {
  it('refuses a mutation over GET', async () => {
    const mutation = encodeURIComponent(
      `mutation { grantConsent(agencyCode: "TAT", purpose: "WELFARE_ELIGIBILITY", datasets: ["dopa.civil-registry"]) { agency { code } } }`,
    );
    const response = await graphql({
      search: `?query=${mutation}`,
      headers: { 'apollo-require-preflight': 'true', ...(await hub.as(CALLERS.citizen(SOMCHAI))) },
    });
    expect(response.status).toBe(405);
    const consents = await hub.subgraphs.governance.db.query(`SELECT 1 FROM governance.consent WHERE consumer_code = 'TAT'`);
    expect(consents).toEqual([]);
  });

  it('refuses a simple (CSRF-able) GET and a form-encoded POST, and serves a GET query with a preflight header', async () => {
    const query = encodeURIComponent('{ province(code: "10") { nameEn } }');
    const simple = await graphql({ search: `?query=${query}` });
    expect(simple.status).toBe(400);
    expect(await simple.text()).toContain('CSRF');
    const form = await graphql({ method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `query=${query}` });
    expect(form.status).toBe(415);
    expect(((await form.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const get = await graphql({ search: `?query=${query}`, headers: { 'apollo-require-preflight': 'true' } });
    expect(await get.json()).toMatchObject({ data: { province: { nameEn: 'Bangkok' } } });
  });
});

describe('request ids', () => {
  it("records the hub's own request id in the exchange log, never the caller's", async () => {
    const callerId = `test-${Date.now()}`;
    const response = await graphql({
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': callerId, ...(await hub.as(CALLERS.dopaWelfare)) },
      body: JSON.stringify({ query: `{ person(nationalId: "${SOMCHAI}") { firstNameTh } }` }),
    });
    const requestId = response.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(((await response.json()) as { data: { person: unknown } }).data.person).toEqual({ firstNameTh: DEMO_PEOPLE[0].firstNameTh });
    const logged = (id: string | null) =>
      hub.subgraphs.governance.db.query(`SELECT DISTINCT consumer_code FROM governance.exchange_log WHERE request_id = $1`, [id]);
    expect(await logged(requestId)).toEqual([{ consumer_code: 'DOPA' }]);
    expect(await logged(callerId)).toEqual([]);
  });

  it('replaces a request id that is not a plain token with a new one', async () => {
    const response = await graphql({
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'x'.repeat(200) },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
