import { existsSync, readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
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

itEmbedded(
  'starts, answers a cross-domain query, survives a kill -9, and stops cleanly on Ctrl-C',
  async () => {
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
  },
  240_000,
);

type Outcome = 'answered' | 'refused' | `broken: ${string}`;
/** How a connection ends when the server never took the request on it: the client may send it again elsewhere. */
const REFUSALS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE']);

/**
 * One POST on its own connection. `answered`: a 200 whose whole body arrived and parses with every province;
 * `refused`: the connection was refused or reset before a single byte of an answer; anything else is broken (an
 * answer cut short, an error, a failure after bytes arrived). With `read`, the request carries `Expect:
 * 100-continue` and its body waits for `send()`: the server's 100 proves it has read the request.
 */
function post(url: string, body: string, read?: (send: () => Promise<void>) => void): Promise<Outcome> {
  const target = new URL(url);
  return new Promise((resolve) => {
    let bytes = 0;
    let settled = false;
    const settle = (outcome: Outcome) => {
      if (!settled) resolve(outcome);
      settled = true;
    };
    const request = httpRequest({
      host: target.hostname,
      port: target.port,
      path: target.pathname,
      method: 'POST',
      agent: false,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...(read ? { expect: '100-continue' } : {}) },
    });
    request.on('socket', (socket) => socket.on('data', (chunk: Buffer) => (bytes += chunk.length)));
    request.on('continue', () => read?.(() => new Promise((sent) => request.end(body, () => sent()))));
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', (error) => settle(`broken: ${error.message} after ${bytes} bytes`));
      response.on('close', () => settle(`broken: closed after ${bytes} bytes, before the whole answer`));
      response.on('end', () => {
        if (!response.complete) return settle(`broken: cut short after ${bytes} bytes`);
        try {
          const answer = JSON.parse(Buffer.concat(chunks).toString()) as { data?: { provinces?: unknown[] } };
          settle(
            response.statusCode === 200 && answer.data?.provinces?.length === 77
              ? 'answered'
              : `broken: ${response.statusCode} ${JSON.stringify(answer).slice(0, 200)}`,
          );
        } catch {
          settle(`broken: ${response.statusCode}, not JSON`);
        }
      });
    });
    request.on('error', (error: Error & { code?: string }) =>
      settle(bytes === 0 && REFUSALS.has(error.code ?? '') ? 'refused' : `broken: ${error.code ?? error.message} after ${bytes} bytes`),
    );
    if (!read) request.end(body);
  });
}

itEmbedded(
  'drains on SIGTERM: every request it has read gets its whole answer, one racing the close is refused before any byte; exits 0',
  async () => {
    const hub = await startHubProcess(env());
    const query = JSON.stringify({ query: '{ provinces { code nameTh population waterSituation { floodStatus } businessCount } }' });
    expect(await post(hub.url, query)).toBe('answered');

    // 30 requests the gateway has read before the signal (each got its 100 Continue), whose bodies are sent together
    // just before it: every one of them must be answered whole, although the gateway is closing.
    const sends: (() => Promise<void>)[] = [];
    let allRead!: () => void;
    const read = new Promise<void>((resolve) => (allRead = resolve));
    const taken = Array.from({ length: 30 }, () =>
      post(hub.url, query, (send) => {
        sends.push(send);
        if (sends.length === 30) allRead();
      }),
    );
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      read,
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`only ${sends.length} of 30 read`)), 10_000))),
    ]).finally(() => clearTimeout(timer));
    await Promise.all(sends.map((send) => send()));
    hub.process.kill('SIGTERM');

    // Requests racing the close of the listener, one every 10 ms until one is refused (at most 2 s): each is either
    // answered whole or refused before any byte, never cut short.
    const racing: Promise<Outcome>[] = [];
    let refused = false;
    for (const until = Date.now() + 2_000; !refused && Date.now() < until; ) {
      racing.push(
        post(hub.url, query).then((outcome) => {
          if (outcome === 'refused') refused = true;
          return outcome;
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, 10));
    }

    expect(await Promise.all(taken)).toEqual(Array(30).fill('answered'));
    const raced = await Promise.all(racing);
    expect(raced.filter((outcome) => outcome !== 'answered' && outcome !== 'refused')).toEqual([]);
    expect(raced).toContain('refused');
    expect(await exited(hub.process)).toBe(0);
  },
  120_000,
);
