import { createHash, randomUUID } from 'node:crypto';
import { postGraphQL } from '@govhub/shared/dist/testing';
import { CLASSIFIED, EDUCATION, startEducationSubgraph } from './support/educationSubgraph';
import { CALLERS } from './support/hub';
import { startReplicaSet, type ReplicaSet } from './support/replicas';
import { until } from './support/until';

/**
 * Two `govhub gateway` processes on one PostgreSQL (and one Redis when the run has `REDIS_URL`), behind a
 * round-robin proxy, over one set of subgraphs: what one replica is told, the other knows. (The exchange log under
 * both and a replica's crash: replicaCrash.test.ts.)
 */
let set: ReplicaSet;
let education: { url: string; stop(): Promise<void> };
const BUAKHAM = '5601200333441';
/** A citizen's bucket: 20 requests, refilled at one every 3 s. */
const CITIZEN_BUDGET = 20;

beforeAll(async () => {
  [set, education] = await Promise.all([startReplicaSet(2, { GOVHUB_RATE_LIMIT_CITIZEN: `${CITIZEN_BUDGET}/min` }), startEducationSubgraph()]);
}, 120_000);
afterAll(async () => {
  await education?.stop();
  await set?.stop();
});

const [A, B] = [0, 1].map((index) => () => set.replicas[index].url);

it('serves a subgraph published on replica A from replica B too, without a restart', async () => {
  const obec = await set.hub.as({ agency: 'OBEC', sub: 'obec-officer', scope: ['agency', 'registry:publish'] });
  // The admin route the CLI's `subgraph publish` calls, without starting a CLI process.
  const published = await fetch(A().replace('/graphql', '/admin/subgraphs/education/publish'), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...obec },
    body: JSON.stringify({ url: education.url, sdl: EDUCATION(CLASSIFIED) }),
  });
  expect(published.status).toBe(201);
  const publishedAt = Date.now();
  const liveOn = (url: string) =>
    until(async () => {
      const { data } = await postGraphQL(url, '{ province(code: "56") { schoolCount } }', {}, {});
      return data?.province?.schoolCount ?? undefined;
    }, 5_000).then((count) => ({ count, ms: Date.now() - publishedAt }));
  const [onA, onB] = await Promise.all([liveOn(A()), liveOn(B())]);
  console.info(`publish on replica A answered: live on A after ${onA.ms} ms, on B after ${onB.ms} ms`);
  expect([onA.count, onB.count]).toEqual([560, 560]);
  // The registry's poll comes every 5 s: only its notification brings the publish to B this soon.
  expect(onB.ms).toBeLessThan(3_000);
}, 30_000);

it("refuses a citizen's revoked consent on both replicas from the very next request", async () => {
  const tat = await set.hub.as({ ...CALLERS.tatNoAgreement, purpose: 'TOURISM_LICENSING' });
  const citizen = await set.hub.as(CALLERS.citizen(BUAKHAM));
  const readName = (url: string) => postGraphQL(url, 'query ($id: ID!) { person(nationalId: $id) { firstNameTh } }', { id: BUAKHAM }, tat);

  const grantTimes: number[] = [];
  for (let round = 0; round < 5; round++) {
    const granted = await postGraphQL(
      A(),
      'mutation { grantConsent(agencyCode: "TAT", purpose: "TOURISM_LICENSING", datasets: ["dopa.civil-registry"]) { id } }',
      {},
      citizen,
    );
    expect(granted.errors).toBeUndefined();
    const grantedAt = Date.now();
    const firstOn = (url: string) => until(async () => ((await readName(url)).data?.person ? Date.now() - grantedAt : undefined), 2_000);
    grantTimes.push(...(await Promise.all([firstOn(A()), firstOn(B())])));

    const revoked = await postGraphQL(A(), 'mutation { revokeConsent(agencyCode: "TAT", purpose: "TOURISM_LICENSING") { revokedAt } }', {}, citizen);
    expect(revoked.data?.revokeConsent).toEqual([{ revokedAt: expect.any(String) }]);
    const [nextOnB, nextOnA] = [await readName(B()), await readName(A())];
    expect([nextOnA.data?.person, nextOnB.data?.person]).toEqual([null, null]);
    // The gateway itself refuses (not only the citizen subgraph, which checks consent again): no stale grant is forwarded.
    for (const next of [nextOnA, nextOnB]) {
      expect(next.errors?.map((error) => [error.message, error.extensions?.code])).toEqual([
        ['Unauthorized field or type', 'UNAUTHORIZED_FIELD_OR_TYPE'],
      ]);
    }
  }
  console.info(`consent granted on A: released by A and B after ${Math.min(...grantTimes)} to ${Math.max(...grantTimes)} ms`);
}, 30_000);

// Each replica counts in its own memory without Redis: only CI's second pass (REDIS_URL) shares the bucket.
const itWithRedis = process.env.REDIS_URL ? it : it.skip;

itWithRedis(
  'spends one rate-limit bucket across both replicas (Redis, REDIS_URL)',
  async () => {
    // A caller of this run alone (a bucket's key outlives the run in Redis until it is full again), so it starts full.
    const citizen = await set.hub.as({ sub: `budget-${randomUUID()}`, scope: ['citizen:self'] });
    const statuses: Record<string, number[]> = { A: [], B: [] };
    for (let request = 0; request < 30; request++) {
      const [name, url] = request % 2 === 0 ? ['A', A()] : ['B', B()];
      statuses[name].push((await postGraphQL(url, '{ provinces { code } }', {}, citizen)).status);
    }
    const answered = [...statuses.A, ...statuses.B].filter((status) => status === 200).length;
    console.info(`30 requests of one citizen, alternating A and B, bucket ${CITIZEN_BUDGET}: ${answered} answered, ${30 - answered} refused 429`);
    // The bucket may refill one token while the 30 requests run (one every 3 s).
    expect(answered).toBeGreaterThanOrEqual(CITIZEN_BUDGET);
    expect(answered).toBeLessThanOrEqual(CITIZEN_BUDGET + 1);
    expect([statuses.A.at(-1), statuses.B.at(-1)]).toEqual([429, 429]);
  },
  30_000,
);

itWithRedis('answers on B a persisted query registered on A (Redis, REDIS_URL)', async () => {
  // A text of this run alone: a registered hash stays in Redis for a day.
  const query = `{ province(code: "56") { nameEn } } # ${randomUUID()}`;
  const persistedQuery = { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') };
  const apq = (url: string, body: object) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((response) => response.json());
  expect(await apq(B(), { extensions: { persistedQuery } })).toMatchObject({ errors: [{ extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] });
  expect(await apq(A(), { query, extensions: { persistedQuery } })).toEqual(expect.objectContaining({ data: { province: { nameEn: 'Phayao' } } }));
  expect(await apq(B(), { extensions: { persistedQuery } })).toEqual(expect.objectContaining({ data: { province: { nameEn: 'Phayao' } } }));
});
