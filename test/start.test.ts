import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postGraphQL } from '@govhub/shared/dist/testing';
import { exited, startHubProcess } from './support/cli';

/** `npm start` end to end: embedded PostgreSQL, eight subgraph processes, the gateway; crash recovery; clean stop. */
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'govhub-start-'));
  await chmod(dir, 0o755);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const env = () => ({ GOVHUB_DATA_DIR: join(dir, 'pgdata'), GOVHUB_SUBGRAPH_PORTS: 'auto', PORT: '0', GOVHUB_SEED_PEOPLE: '300' });
const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const postmasterPid = () => Number(readFileSync(join(dir, 'pgdata', 'postmaster.pid'), 'utf8').split('\n')[0]);

// The embedded database path only: with DATABASE_URL set (the second CI pass) there is no embedded server to recover.
const itEmbedded = process.env.DATABASE_URL ? it.skip : it;

itEmbedded('starts, answers a cross-domain query, survives a kill -9, and stops cleanly on Ctrl-C', async () => {
  const first = await startHubProcess(env());
  expect(first.output()).toContain('1101700203450');
  const query = '{ province(code: "56") { nameEn population waterSituation { floodStatus } activeWarnings { hazard } businessCount } }';
  const answer = await postGraphQL(first.url, query);
  expect(answer.errors).toBeUndefined();
  expect(answer.data?.province.nameEn).toBe('Phayao');

  // A crash leaves the database server running with its postmaster.pid; the next start must recover.
  const orphan = postmasterPid();
  first.process.kill('SIGKILL');
  await exited(first.process);
  expect(isAlive(orphan)).toBe(true);

  const second = await startHubProcess(env());
  expect(isAlive(orphan)).toBe(false);
  expect((await postGraphQL(second.url, query)).data?.province.nameEn).toBe('Phayao');

  const serverPid = postmasterPid();
  second.process.kill('SIGINT');
  // 130 = 128 + SIGINT, what a shell reports for Ctrl-C; anything else is a crash.
  expect([0, 130]).toContain(await exited(second.process));
  expect(isAlive(serverPid)).toBe(false);
  expect(existsSync(join(dir, 'pgdata', 'postmaster.pid'))).toBe(false);
}, 240_000);

/** A connection the server closed before it read the request on it: the client may send it again elsewhere. */
const NOT_TAKEN = new Set(['ECONNRESET', 'ECONNREFUSED', 'UND_ERR_SOCKET']);

itEmbedded('drains on SIGTERM: every request the gateway has taken gets its whole answer, and it exits 0', async () => {
  const hub = await startHubProcess(env());
  const query = JSON.stringify({ query: '{ provinces { code nameTh population waterSituation { floodStatus } businessCount } }' });
  const ask = () => fetch(hub.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: query })
    .then(async (response) => {
      const body = (await response.json()) as { data?: { provinces?: unknown[] }; errors?: { message: string }[] };
      return response.status === 200 && body.data?.provinces?.length === 77 ? 'answered' : `broken: ${response.status} ${body.errors?.[0]?.message}`;
    })
    .catch((error: Error & { cause?: { code?: string } }) => (NOT_TAKEN.has(error.cause?.code ?? '') ? 'not taken' : `broken: ${error.message}`));
  // Warm keep-alive connections first, so the requests below travel on sockets the server has already accepted.
  await Promise.all(Array.from({ length: 30 }, ask));
  const inFlight = Array.from({ length: 30 }, ask);
  await new Promise((resolve) => setTimeout(resolve, 50));
  hub.process.kill('SIGTERM');
  const outcomes = await Promise.all(inFlight);
  // HTTP keep-alive's own race: a request still in the kernel's buffer when the server closes an idle connection is
  // never taken (the client sees a reset and may retry). Nothing taken may be cut short or fail (database stopped
  // under it, 503 on closing): the two bugs this test found.
  expect(outcomes.filter((outcome) => outcome.startsWith('broken'))).toEqual([]);
  expect(outcomes.filter((outcome) => outcome === 'answered').length).toBeGreaterThanOrEqual(20);
  expect(await exited(hub.process)).toBe(0);
}, 120_000);
