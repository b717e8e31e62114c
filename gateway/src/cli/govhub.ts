import '../noTelemetry';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  Database, defaultDataDir, ensureDatabase, isAlive, projectRoot, startEmbeddedPostgres, withDatabase,
  type EmbeddedPostgresServer,
} from '@govhub/shared';
import { devSigningKey, mintToken } from '../auth/devKeys';
import { verifyChain } from '../audit/exchangeLog';

/**
 * `npx govhub <command>`:
 *   token --sub ID [--scope "S1 S2"] [--agency CODE] [--purpose CODE] [--ttl 15m]   a development token, alone on stdout
 *   audit verify                                                                   check the exchange log's hash chain
 */
const USAGE = `usage: govhub token --sub ID [--scope "S1 S2"] [--agency CODE] [--purpose CODE] [--ttl 15m]
       govhub audit verify`;

async function token(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { sub: { type: 'string' }, scope: { type: 'string' }, agency: { type: 'string' }, purpose: { type: 'string' }, ttl: { type: 'string' } },
  });
  if (!values.sub) return fail('token needs --sub (a national ID for a citizen, an officer or agency code for an agency)');
  const jwt = await mintToken(await devSigningKey(), {
    sub: values.sub,
    scope: (values.scope ?? '').split(/[\s,]+/).filter(Boolean),
    agency: values.agency,
    purpose: values.purpose,
    ttl: values.ttl,
  });
  process.stdout.write(`${jwt}\n`);
  return 0;
}

async function auditVerify(): Promise<number> {
  const { url, stop } = await hubDatabase();
  const db = new Database({ url, schema: 'governance' });
  try {
    const result = await verifyChain(db).catch((error: Error & { code?: string }) => {
      throw error.code === '42P01' ? new Error('this database has no exchange log yet: start the hub once (npm start)') : error;
    });
    if (result.brokenAt) {
      process.stdout.write(`exchange log BROKEN at entry ${result.brokenAt.seq}: ${result.brokenAt.reason} (${result.entries} entries verified before it)\n`);
      return 1;
    }
    process.stdout.write(`exchange log intact: ${result.entries} entries, hash chain verified\n`);
    return 0;
  } finally {
    await db.close();
    await stop();
  }
}

/** The hub's database: DATABASE_URL, the running hub's embedded server, or the embedded server started for this command. */
async function hubDatabase(): Promise<{ url: string; stop(): Promise<void> }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => undefined };
  const dataDir = process.env.GOVHUB_DATA_DIR ?? defaultDataDir(projectRoot());
  const pidFile = join(dataDir, 'postmaster.pid');
  if (existsSync(pidFile)) {
    const [pid, , , port] = readFileSync(pidFile, 'utf8').split('\n');
    if (isAlive(Number(pid))) return { url: withDatabase(`postgresql://postgres:postgres@127.0.0.1:${port}/postgres`, 'govhub'), stop: async () => undefined };
  }
  const server: EmbeddedPostgresServer = await startEmbeddedPostgres({ dataDir });
  return { url: await ensureDatabase(server.url, 'govhub'), stop: () => server.stop() };
}

function fail(message: string): number {
  process.stderr.write(`${message}\n${USAGE}\n`);
  return 2;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'token') return token(rest);
  if (command === 'audit' && rest[0] === 'verify') return auditVerify();
  return fail(command ? `unknown command: ${argv.join(' ')}` : 'no command given');
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(`govhub: ${error.message}\n`);
    process.exit(1);
  },
);
