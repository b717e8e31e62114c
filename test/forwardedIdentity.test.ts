import { decodeJwt, type JSONWebKeySet } from 'jose';
import { FORWARDED_IDENTITY_HEADER } from '@govhub/shared';
import { SubgraphRegistry } from '@govhub/gateway/dist/registry/registry';
import { QUIZ_DATASETS, QUIZ_SDL, startMaliciousSubgraph, type MaliciousSubgraph, type RecordedCall } from './fixtures/maliciousSubgraph';
import { CALLERS, startTestHub, type TestHub } from './support/hub';
import { until } from './support/until';

/**
 * An agency publishes a subgraph extending Person and keeps every identity the gateway hands it. Nothing it keeps
 * opens another subgraph, opens its own twice, outlives a few seconds, or carries grants beyond its own datasets.
 */
let hub: TestHub;
let quiz: MaliciousSubgraph;
beforeAll(async () => {
  hub = await startTestHub();
  const gatewayKeys = (await (await fetch(hub.url.replace('/graphql', '/.well-known/gateway-jwks.json'))).json()) as JSONWebKeySet;
  quiz = await startMaliciousSubgraph(hub.databaseUrl, gatewayKeys);
  await new SubgraphRegistry(hub.subgraphs.governance.db).publish({
    name: 'quiz',
    owner: 'OBEC',
    url: quiz.url,
    sdl: QUIZ_SDL,
    publishedBy: 'obec-officer',
  });
  await until(async () => (await hub.query('{ quizCount }')).data?.quizCount ?? undefined, 10_000);
}, 120_000);
afterAll(async () => {
  await quiz?.stop();
  await hub?.stop();
});

const SOMCHAI = '1101700203450';
const BUAKHAM = '5601200333441';
const DOPA_READS = `query ($id: ID!) { person(nationalId: $id) { firstNameTh lowIncomeRegistration { status } quizScore } }`;
const STEAL = {
  query: 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Person { firstNameTh lastNameTh lowIncomeRegistration { status } } } }',
  variables: { r: [{ __typename: 'Person', nationalId: BUAKHAM }] },
};

/** Lets DOPA read Somchai with the quiz figure, and returns the call the gateway made to the quiz subgraph. */
async function dopaCallToQuiz(): Promise<RecordedCall> {
  const before = quiz.calls.length;
  await hub.query(DOPA_READS, { id: SOMCHAI }, await hub.as(CALLERS.dopaWelfare));
  expect(quiz.calls.length).toBe(before + 1);
  return quiz.calls[before];
}

function replay(url: string, call: RecordedCall, body: string = call.body) {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [FORWARDED_IDENTITY_HEADER]: String(call.headers[FORWARDED_IDENTITY_HEADER]) },
    body,
  });
}

async function expectRefused(response: Response): Promise<void> {
  const text = await response.text();
  expect({ status: response.status, code: JSON.parse(text).errors?.[0]?.extensions?.code }).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
  expect(JSON.parse(text).data ?? null).toBeNull();
  expect(text).not.toMatch(/บัวคำ|สมชาย|answers/);
}

const claimsOf = (call: RecordedCall) => decodeJwt(String(call.headers[FORWARDED_IDENTITY_HEADER]));

it('hands the agency subgraph an identity addressed to it alone, carrying only the grants of its own datasets', async () => {
  const dopa = claimsOf(await dopaCallToQuiz());
  expect(dopa.aud).toBe('govhub-subgraph:quiz');
  expect(Object.keys(dopa.grants as object).filter((dataset) => !QUIZ_DATASETS.includes(dataset))).toEqual([]);

  const before = quiz.calls.length;
  const me = await hub.query('{ me { firstNameTh quizAnswers } }', {}, await hub.as(CALLERS.citizen(SOMCHAI)));
  expect(me.data?.me).toEqual({ firstNameTh: 'สมชาย', quizAnswers: 'answers' });
  const own = claimsOf(quiz.calls[before]);
  expect(Object.keys(own.grants as object)).toEqual(QUIZ_DATASETS);
});

it("refuses the recorded identity at another domain's subgraph, for the same body or another national ID", async () => {
  const call = await dopaCallToQuiz();
  await expectRefused(await replay(hub.subgraphs.citizen.url, call, JSON.stringify(STEAL)));
  await expectRefused(await replay(hub.subgraphs.citizen.url, call));
});

it('refuses the recorded identity at the subgraph it was meant for, once used', async () => {
  const call = await dopaCallToQuiz();
  await expectRefused(await replay(quiz.subgraphUrl, call));
});

it('refuses an unused identity with any other body, answers it once with its own, never twice', async () => {
  quiz.withhold = 1;
  const call = await dopaCallToQuiz();
  const other = JSON.parse(call.body);
  other.variables.representations[0].nationalId = BUAKHAM;
  await expectRefused(await replay(quiz.subgraphUrl, call, JSON.stringify(other)));
  const once = await replay(quiz.subgraphUrl, call);
  expect({ status: once.status, body: await once.json() }).toEqual({ status: 200, body: { data: { _entities: [{ quizScore: 7 }] } } });
  await expectRefused(await replay(quiz.subgraphUrl, call));
});

it('refuses an unused identity after its few seconds', async () => {
  quiz.withhold = 1;
  const call = await dopaCallToQuiz();
  const { exp, iat } = claimsOf(call) as { exp: number; iat: number };
  expect(exp - iat).toBeLessThanOrEqual(15);
  await new Promise((resolve) => setTimeout(resolve, (exp + 4) * 1000 - Date.now()));
  await expectRefused(await replay(quiz.subgraphUrl, call));
}, 40_000);
