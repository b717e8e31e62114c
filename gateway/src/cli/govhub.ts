import '../noTelemetry';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  applyConfiguration, ConfigurationError, Database, defaultDataDir, ensureDatabase, isAlive, isDomainName, isProduction, projectRoot, startEmbeddedPostgres, withDatabase,
  type EmbeddedPostgresServer,
} from '@govhub/shared';
import { devSigningKey, mintToken } from '../auth/devKeys';
import { verifyChain } from '../audit/exchangeLog';
import { DocumentError, generateClient } from '@govhub/codegen/dist/client';
import { scaffoldSubgraph } from './scaffold';
import { classificationLevel, listenAddressFromEnv, portNumber, startGatewayProcess, untilTerminated } from './gatewayProcess';

/**
 * `npx govhub <command>`:
 *   token --sub ID [--scope "S1 S2"] [--agency CODE] [--purpose CODE] [--ttl 15m]   a development token, alone on stdout
 *   audit verify                                                                   check the exchange log's hash chain
 *   subgraph new NAME [--port N]                                                  scaffold subgraphs/NAME
 *   subgraph list | history NAME | check|publish --name N --schema FILE --url URL | rollback NAME --to V
 *     (the registry's admin API on GOVHUB_URL, default http://localhost:4000, with the token in GOVHUB_TOKEN)
 *   codegen --documents GLOB [--documents GLOB] --out FILE [--schema FILE|URL]     typed operations for an app
 *   gateway [--supergraph FILE] [--default-classification LEVEL] [--port N] [--host H]   the gateway alone (docs/gateway.md)
 */
const USAGE = `usage: govhub token --sub ID [--scope "S1 S2"] [--agency CODE] [--purpose CODE] [--ttl 15m]
       govhub audit verify
       govhub subgraph new NAME [--port N]
       govhub subgraph list | history NAME | check --name N --schema FILE --url URL | publish ... | rollback NAME --to V
       govhub codegen --documents "src/**/*.graphql" --out src/generated.ts [--schema FILE|URL]
       govhub config check [FILE]
       govhub gateway [--supergraph FILE] [--default-classification LEVEL] [--port N] [--host H]`;

async function token(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { sub: { type: 'string' }, scope: { type: 'string' }, agency: { type: 'string' }, purpose: { type: 'string' }, ttl: { type: 'string' } },
  });
  if (isProduction()) return fail('HUB_ENV=production: development tokens are off; tokens come from the identity provider');
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

function hubUrl(): string {
  return (process.env.GOVHUB_URL ?? 'http://localhost:4000').replace(/\/$/, '');
}

/** Types and typed documents for an app's operations, against the running hub's API schema (or a saved one). */
async function codegen(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args, options: { documents: { type: 'string', multiple: true }, out: { type: 'string' }, schema: { type: 'string' } },
  });
  if (!values.documents?.length || !values.out) return fail('codegen needs --documents GLOB and --out FILE');
  const schemaSdl = await apiSchemaSdl(values.schema ?? `${hubUrl()}/schema.graphql`);
  const out = resolve(values.out);
  try {
    const result = await generateClient({ schemaSdl, documents: values.documents, cwd: process.cwd(), outFile: out });
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, result.code);
    process.stdout.write(`generated ${values.out}: ${result.operations.length} operations from ${result.files.length} documents\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof DocumentError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 1;
  }
}

async function apiSchemaSdl(source: string): Promise<string> {
  if (!/^https?:\/\//.test(source)) return readFileSync(source, 'utf8');
  const response = await fetch(source).catch((error: Error) => {
    throw new Error(`cannot read the API schema from ${source} (${error.message}): start the hub (npm start) or pass --schema FILE`);
  });
  if (!response.ok) throw new Error(`cannot read the API schema from ${source}: HTTP ${response.status}`);
  return response.text();
}

/** The gateway alone, until SIGINT or SIGTERM; its URL is the one line on stdout that is not a JSON log line. */
async function gateway(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { supergraph: { type: 'string' }, 'default-classification': { type: 'string' }, port: { type: 'string' }, host: { type: 'string' } },
  });
  const address = listenAddressFromEnv();
  const running = await startGatewayProcess({
    supergraphFile: values.supergraph,
    defaultClassification: values['default-classification'] ? classificationLevel(values['default-classification']) : undefined,
    databaseUrl: process.env.DATABASE_URL,
    port: values.port ? portNumber(values.port, '--port') : address.port,
    host: values.host ?? address.host,
  });
  process.stdout.write(`govhub gateway listening at ${running.url}\n`);
  await untilTerminated();
  await running.stop();
  return 0;
}

function fail(message: string): number {
  process.stderr.write(`${message}\n${USAGE}\n`);
  return 2;
}

/** The registry commands call the gateway's admin API: the same checks and permissions as any other client. */
async function subgraph(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true,
    options: { name: { type: 'string' }, schema: { type: 'string' }, url: { type: 'string' }, to: { type: 'string' }, port: { type: 'string' } },
  });
  const [action, name] = positionals;
  if (action === 'new' && name) return newSubgraph(name, values.port ? Number(values.port) : undefined);
  const base = `${hubUrl()}/admin/subgraphs`;
  const call = async (path: string, body?: object): Promise<number> => {
    const response = await fetch(`${base}${path}`, {
      method: body ? 'POST' : 'GET',
      headers: { 'content-type': 'application/json', ...(process.env.GOVHUB_TOKEN ? { authorization: `Bearer ${process.env.GOVHUB_TOKEN}` } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const result = (await response.json()) as { ok?: boolean };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    // A failed check is a failure for scripts and CI too, although the request itself succeeded.
    return response.ok && result.ok !== false ? 0 : 1;
  };
  if (action === 'list') return call('');
  if (action === 'history' && name) return call(`/${encodeURIComponent(name)}/history`);
  if (action === 'rollback' && name && values.to) return call(`/${encodeURIComponent(name)}/rollback`, { to: Number(values.to) });
  if ((action === 'check' || action === 'publish') && values.name && values.schema && values.url) {
    return call(`/${encodeURIComponent(values.name)}/${action}`, { url: values.url, sdl: readFileSync(values.schema, 'utf8') });
  }
  return fail(`subgraph ${positionals.join(' ')}: missing or unknown arguments`);
}

function agencySubgraphCount(): number {
  return readdirSync(join(projectRoot(), 'subgraphs'), { withFileTypes: true }).filter((entry) => entry.isDirectory() && !isDomainName(entry.name)).length;
}

/** Scaffolds subgraphs/<name>, adds it to the build, generates its types, and says what to do next. */
function newSubgraph(name: string, port = 4009 + agencySubgraphCount()): number {
  const root = projectRoot();
  const files = scaffoldSubgraph({ subgraphsDir: join(root, 'subgraphs'), name, port });
  const tsconfig = JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8')) as { references: { path: string }[] };
  tsconfig.references.splice(tsconfig.references.findIndex((ref) => ref.path === 'gateway'), 0, { path: `subgraphs/${name}` });
  writeFileSync(join(root, 'tsconfig.json'), `${JSON.stringify(tsconfig, null, 2)}\n`);
  execFileSync(process.execPath, [join(root, 'codegen', 'dist', 'generate.js'), '--only', name], { stdio: 'inherit' });
  process.stdout.write([
    `created subgraphs/${name} (${files.length} files), port ${port}`,
    'next:',
    '  npm install                                   # link the new workspace',
    '  npm run build',
    `  npm test -w subgraphs/${name}`,
    `  npm start -w subgraphs/${name}                # against the hub's database (DATABASE_URL) or its own embedded one`,
    `  npx govhub subgraph publish --name ${name} --schema subgraphs/${name}/schema.graphql --url http://127.0.0.1:${port}/`,
    '',
  ].join('\n'));
  return 0;
}

/** `govhub config check [FILE]`: the configuration as every process would read it, or the first wrong value. */
function configCheck(file: string | undefined): number {
  const { file: read, values } = applyConfiguration({ file: file ?? null });
  process.stdout.write(`configuration ${read ? `in ${read}` : '(no file: environment and defaults)'} is valid\n`);
  for (const value of values) process.stdout.write(`  ${value.key} (${value.env}) = ${value.value}  [${value.from}]\n`);
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'config' && rest[0] === 'check') return configCheck(rest[1]);
  applyConfiguration();
  if (command === 'token') return token(rest);
  if (command === 'subgraph') return subgraph(rest);
  if (command === 'codegen') return codegen(rest);
  if (command === 'gateway') return gateway(rest);
  if (command === 'audit' && rest[0] === 'verify') return auditVerify();
  return fail(command ? `unknown command: ${argv.join(' ')}` : 'no command given');
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(`govhub: ${error.message}\n`);
    process.exit(error instanceof ConfigurationError ? 2 : 1);
  },
);
