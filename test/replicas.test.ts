import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { postGraphQL } from '@govhub/shared/dist/testing';
import { runGovhubCli } from './support/cli';
import { CLASSIFIED, EDUCATION, startEducationSubgraph } from './support/educationSubgraph';
import { CALLERS } from './support/hub';
import { startReplicaSet, type ReplicaSet } from './support/replicas';
import { until } from './support/until';

/**
 * Two `govhub gateway` processes on one PostgreSQL (and one Redis when the run has `REDIS_URL`), behind a
 * round-robin proxy, over one set of subgraphs: what one replica is told, the other knows.
 */
let set: ReplicaSet;
let education: { url: string; stop(): Promise<void> };
const BUAKHAM = '5601200333441';
/** A citizen's bucket of 20 requests a minute, for the shared-budget test alone (no other test signs in as this citizen). */
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
  const token = (await set.hub.as({ agency: 'OBEC', sub: 'obec-officer', scope: ['agency', 'registry:publish'] })).authorization.replace(
    'Bearer ',
    '',
  );
  const schema = join(set.dir, 'education.graphql');
  writeFileSync(schema, EDUCATION(CLASSIFIED));
  const started = Date.now();
  const published = await runGovhubCli(['subgraph', 'publish', '--name', 'education', '--schema', schema, '--routing-url', education.url], {
    GOVHUB_URL: A().replace('/graphql', ''),
    GOVHUB_TOKEN: token,
  });
  expect(published).toMatchObject({ code: 0 });
  const publishedAt = Date.now();
  const liveOn = (url: string) =>
    until(async () => {
      const { data } = await postGraphQL(url, '{ province(code: "56") { schoolCount } }', {}, {});
      return data?.province?.schoolCount ?? undefined;
    }, 5_000).then((count) => ({ count, ms: Date.now() - publishedAt }));
  const [onA, onB] = await Promise.all([liveOn(A()), liveOn(B())]);
  console.info(`publish (CLI, ${publishedAt - started} ms) on replica A: live on A after ${onA.ms} ms, on B after ${onB.ms} ms`);
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
