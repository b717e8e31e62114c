import { readFileSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Database, personAt, withDatabase } from '@govhub/shared';
import { devSigningKey, mintToken } from '@govhub/gateway';
import { CALLERS } from './support/hub';
import { exited, runGovhubCli, startHubProcess } from './support/cli';

/**
 * The exchange log is written before personal data leaves the gateway: kill -9 the hub while agencies are reading
 * personal records, and every response that carried personal data has its entry, with the hash chain intact.
 */
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'govhub-crash-'));
  await chmod(dir, 0o755);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

// The embedded database path only: the test reads the crashed hub's own database server afterwards.
const itEmbedded = process.env.DATABASE_URL ? it.skip : it;

itEmbedded(
  'loses no exchange-log entry of a released record when the hub is killed under load',
  async () => {
    const env = { GOVHUB_DATA_DIR: join(dir, 'pgdata'), GOVHUB_SUBGRAPH_PORTS: 'auto', PORT: '0', GOVHUB_SEED_PEOPLE: '300' };
    const hub = await startHubProcess(env);
    const authorization = `Bearer ${await mintToken(await devSigningKey(), CALLERS.dopaWelfare)}`;
    const released: string[] = [];
    let sent = 0;
    let stop = false;
    const client = async () => {
      while (!stop) {
        const nationalId = personAt(sent++ % 300).nationalId;
        try {
          const response = await fetch(hub.url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization },
            body: JSON.stringify({ query: `{ person(nationalId: "${nationalId}") { firstNameTh healthCoverage { scheme } } }` }),
          });
          const body = (await response.json()) as { data?: { person?: { firstNameTh?: string } | null } };
          // The hub names every request by an id of its own: the one its exchange-log entries carry.
          if (body.data?.person?.firstNameTh) released.push(response.headers.get('x-request-id')!);
        } catch {
          // The hub died mid-request: nothing was released to this client.
        }
      }
    };
    const clients = Array.from({ length: 16 }, () => client());
    while (released.length < 300) await new Promise((resolve) => setTimeout(resolve, 20));
    hub.process.kill('SIGKILL');
    await exited(hub.process);
    stop = true;
    await Promise.all(clients);

    const [pid, , , port] = readFileSync(join(dir, 'pgdata', 'postmaster.pid'), 'utf8').split('\n');
    const db = new Database({ url: withDatabase(`postgresql://postgres:postgres@127.0.0.1:${port}/postgres`, 'govhub'), schema: 'governance' });
    try {
      const logged = await db.query<{ request_id: string }>('SELECT DISTINCT request_id FROM governance.exchange_log WHERE request_id = ANY($1)', [
        released,
      ]);
      console.info(`kill -9 under load: ${sent} requests sent, ${released.length} released personal data, ${logged.length} of them logged`);
      expect(new Set(logged.map((row) => row.request_id))).toEqual(new Set(released));
      const verified = await runGovhubCli(['audit', 'verify'], { GOVHUB_DATA_DIR: env.GOVHUB_DATA_DIR });
      expect(verified).toMatchObject({ code: 0, stdout: expect.stringContaining('hash chain verified') });
    } finally {
      await db.close();
      process.kill(Number(pid), 'SIGINT');
    }
  },
  240_000,
);
