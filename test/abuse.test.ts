import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '@govhub/shared';
import { CALLERS, startTestHub, type TestHub } from './support/hub';

/**
 * Abuse controls end to end: rate limits per consumer (an anonymous address with a tight bucket, an agency with the
 * default one), automatic persisted queries over POST and GET, the shipped manifest's trusted documents by id, and a
 * safelisted client held to them.
 */
const SHIPPED_MANIFEST = join(projectRoot(), 'gateway', 'persisted-documents.json');
const manifest = JSON.parse(readFileSync(SHIPPED_MANIFEST, 'utf8')) as { operations: { id: string; name: string; body: string }[] };
const dashboard = manifest.operations.find((operation) => operation.name === 'ProvinceDashboard')!;
const SAFELISTED_CLIENT = 'govhub-citizen-app';
const ANONYMOUS_BURST = 5;

let hub: TestHub;
let dopa: Record<string, string>;
beforeAll(async () => {
  hub = await startTestHub({
    rateLimits: {
      policies: {
        agency: { capacity: 2000, refillPerSecond: 1000 },
        citizen: { capacity: 100, refillPerSecond: 50 },
        anonymous: { capacity: ANONYMOUS_BURST, refillPerSecond: 1 },
      },
    },
    persistedDocuments: { manifestPaths: [SHIPPED_MANIFEST], safelist: [SAFELISTED_CLIENT] },
  });
  dopa = await hub.as(CALLERS.dopaWelfare);
}, 120_000);
afterAll(() => hub?.stop());

interface Answer {
  status: number;
  headers: Headers;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
  data?: Record<string, any> | null;
}

async function post(body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(hub.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, headers: response.headers, ...((await response.json()) as object) };
}

/** A GET as a non-browser client sends it (CSRF prevention wants a header a form cannot send). */
async function get(params: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Answer> {
  const search = new URLSearchParams(
    Object.entries(params).map(([name, value]): [string, string] => [name, typeof value === 'string' ? value : JSON.stringify(value)]),
  );
  const response = await fetch(`${hub.url}?${search}`, { headers: { 'apollo-require-preflight': 'true', ...headers } });
  return { status: response.status, headers: response.headers, ...((await response.json()) as object) };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const apq = (hash: string) => ({ persistedQuery: { version: 1, sha256Hash: hash } });
const codeOf = (answer: Answer) => answer.errors?.[0]?.extensions?.code;

describe('rate limits', () => {
  const PROVINCE = '{ province(code: "84") { nameEn } }';

  /** Anonymous requests until the first refusal (the bucket refills while they run, so maybe a few past the burst). */
  async function untilRefused(): Promise<Answer[]> {
    const answers: Answer[] = [];
    while (answers.length < 20 && answers.at(-1)?.status !== 429) answers.push(await post({ query: PROVINCE }));
    return answers;
  }

  it('throttles an anonymous address after its burst (429, Retry-After, RateLimit fields) while an agency goes on', async () => {
    const answers = await untilRefused();
    const refusal = answers.at(-1)!;
    expect(answers.slice(0, ANONYMOUS_BURST).map((answer) => answer.status)).toEqual(Array(ANONYMOUS_BURST).fill(200));
    expect(answers[0].headers.get('ratelimit-policy')).toBe(`"anonymous";q=${ANONYMOUS_BURST};w=5`);
    expect(answers[0].headers.get('ratelimit')).toBe('"anonymous";r=4;t=1');
    expect(answers[0].data?.province.nameEn).toBe('Surat Thani');

    expect(refusal.status).toBe(429);
    expect(refusal.data).toBeUndefined();
    expect(refusal.errors).toEqual([{ message: expect.stringMatching(/^Too many requests/), extensions: { code: 'RATE_LIMITED', retryAfter: 1 } }]);
    expect(refusal.headers.get('retry-after')).toBe('1');
    expect(refusal.headers.get('ratelimit-policy')).toBe(`"anonymous";q=${ANONYMOUS_BURST};w=5`);
    expect(refusal.headers.get('ratelimit')).toMatch(/^"anonymous";r=0;t=[01]$/);

    const statementsBefore = hub.statementCount();
    expect((await post({ query: PROVINCE })).status).toBe(429);
    expect(hub.statementCount()).toBe(statementsBefore);

    const agencyAnswers = await Promise.all(Array.from({ length: 20 }, () => post({ query: PROVINCE }, dopa)));
    expect(agencyAnswers.map((answer) => answer.status)).toEqual(Array(20).fill(200));
    expect(agencyAnswers[0].headers.get('ratelimit-policy')).toBe('"agency";q=2000;w=2');
    expect(agencyAnswers.every((answer) => answer.data?.province.nameEn === 'Surat Thani')).toBe(true);

    const metrics = await (await fetch(hub.url.replace('/graphql', '/metrics'))).text();
    expect(Number(/govhub_rate_limit_rejections_total\{class="anonymous"\} (\d+)/.exec(metrics)?.[1])).toBeGreaterThanOrEqual(2);
  });

  it('throttles token guessing by address: bad tokens count against the anonymous bucket', async () => {
    await new Promise((resolve) => setTimeout(resolve, ANONYMOUS_BURST * 1000));
    const guesses: number[] = [];
    while (guesses.length < 20 && guesses.at(-1) !== 429) {
      guesses.push((await post({ query: PROVINCE }, { authorization: `Bearer guess.${guesses.length}.x` })).status);
    }
    expect(guesses.slice(0, ANONYMOUS_BURST)).toEqual(Array(ANONYMOUS_BURST).fill(401));
    expect(guesses.at(-1)).toBe(429);
  }, 15_000);

  it('answers the throttled address normally once Retry-After has passed', async () => {
    const refusal = (await untilRefused()).at(-1)!;
    expect(refusal.status).toBe(429);
    await new Promise((resolve) => setTimeout(resolve, Number(refusal.headers.get('retry-after')) * 1000));
    const answer = await post({ query: PROVINCE });
    expect(answer.status).toBe(200);
    expect(answer.data?.province.nameEn).toBe('Surat Thani');
  });
});

describe('automatic persisted queries (APQ)', () => {
  it('round-trips over POST: not found, registered with the query, then served by its hash alone', async () => {
    // Unique per run: with REDIS_URL the registered documents outlive the test hub.
    const query = `query ApqOverPost { province(code: "56") { nameEn } } # ${randomUUID()}`;
    const missing = await post({ extensions: apq(sha256(query)) }, dopa);
    expect({ status: missing.status, code: codeOf(missing) }).toEqual({ status: 200, code: 'PERSISTED_QUERY_NOT_FOUND' });
    const registered = await post({ query, extensions: apq(sha256(query)) }, dopa);
    expect(registered.data?.province.nameEn).toBe('Phayao');
    const byHash = await post({ extensions: apq(sha256(query)) }, dopa);
    expect({ status: byHash.status, data: byHash.data, errors: byHash.errors }).toEqual({
      status: 200,
      data: { province: { nameEn: 'Phayao' } },
      errors: undefined,
    });
  });

  it('round-trips over GET, with the extensions in the query string', async () => {
    const query = `query ApqOverGet($code: ID!) { province(code: $code) { nameEn } } # ${randomUUID()}`;
    const variables = { code: '10' };
    expect(codeOf(await get({ extensions: apq(sha256(query)), variables }, dopa))).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await get({ query, extensions: apq(sha256(query)), variables }, dopa)).data?.province.nameEn).toBe('Bangkok');
    const byHash = await get({ extensions: apq(sha256(query)), variables }, dopa);
    expect({ status: byHash.status, errors: byHash.errors, name: byHash.data?.province.nameEn }).toEqual({
      status: 200,
      errors: undefined,
      name: 'Bangkok',
    });
  });

  it('refuses a query that does not match its hash', async () => {
    const answer = await post({ query: '{ provinces { code } }', extensions: apq(sha256('{ something { else } }')) }, dopa);
    expect(answer.status).toBe(400);
    expect(answer.errors?.[0].message).toMatch(/provided sha does not match query/);
  });
});

describe('persisted documents (the manifest)', () => {
  it('runs every operation of the shipped manifest by its id, without errors', async () => {
    for (const operation of manifest.operations) {
      const answer = await post({ documentId: operation.id, variables: { code: '56' } }, dopa);
      expect({ name: operation.name, status: answer.status, errors: answer.errors }).toEqual({
        name: operation.name,
        status: 200,
        errors: undefined,
      });
    }
  });

  it('names a document by documentId (bare or sha256:), by APQ hash never registered, or over GET', async () => {
    const variables = { code: '84' };
    const answers = [
      await post({ documentId: dashboard.id, variables }, dopa),
      await post({ documentId: `sha256:${dashboard.id}`, variables }, dopa),
      await post({ extensions: apq(dashboard.id), variables }, dopa),
      await get({ documentId: dashboard.id, variables }, dopa),
    ];
    for (const answer of answers) {
      expect({ status: answer.status, errors: answer.errors }).toEqual({ status: 200, errors: undefined });
      expect(answer.data?.province).toMatchObject({ code: '84', nameEn: 'Surat Thani' });
      expect(answer.data?.province.waterSituation).toBeDefined();
    }
  });

  it('refuses an unknown documentId with PERSISTED_DOCUMENT_NOT_FOUND', async () => {
    const answer = await post({ documentId: sha256('no such document') }, dopa);
    expect({ status: answer.status, code: codeOf(answer) }).toEqual({ status: 400, code: 'PERSISTED_DOCUMENT_NOT_FOUND' });
  });
});

describe('a safelisted client', () => {
  const asApp = () => ({ ...dopa, 'apollographql-client-name': SAFELISTED_CLIENT });

  it('is refused a free-form query before any subgraph is asked, under either client-name header', async () => {
    const statementsBefore = hub.statementCount();
    for (const header of ['apollographql-client-name', 'graphql-client-name']) {
      const answer = await post({ query: '{ provinces { code nameEn } }' }, { ...dopa, [header]: SAFELISTED_CLIENT });
      expect({ status: answer.status, code: codeOf(answer), data: answer.data }).toEqual({
        status: 403,
        code: 'OPERATION_NOT_IN_SAFELIST',
        data: undefined,
      });
    }
    expect(hub.statementCount()).toBe(statementsBefore);
  });

  it('may not register an operation of its own through APQ', async () => {
    const query = '{ provinces { code } }';
    expect(codeOf(await post({ query, extensions: apq(sha256(query)) }, asApp()))).toBe('OPERATION_NOT_IN_SAFELIST');
    expect(codeOf(await post({ extensions: apq(sha256(query)) }, asApp()))).toBe('OPERATION_NOT_IN_SAFELIST');
  });

  it('runs a manifest operation, by id or by its exact text', async () => {
    const byId = await post({ documentId: dashboard.id, variables: { code: '10' } }, asApp());
    const byText = await post({ query: dashboard.body, variables: { code: '10' } }, asApp());
    for (const answer of [byId, byText]) {
      expect({ status: answer.status, errors: answer.errors, name: answer.data?.province.nameEn }).toEqual({
        status: 200,
        errors: undefined,
        name: 'Bangkok',
      });
    }
  });

  it('leaves every other client free to send any query', async () => {
    const answer = await post({ query: '{ province(code: "10") { nameEn } }' }, { ...dopa, 'apollographql-client-name': 'dopa-batch' });
    expect({ status: answer.status, name: answer.data?.province.nameEn }).toEqual({ status: 200, name: 'Bangkok' });
  });
});
