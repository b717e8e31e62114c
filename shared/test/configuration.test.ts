import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyConfiguration, ConfigurationError, projectRoot, SETTINGS } from '../src';

/** One configuration file for every process, checked against the settings, overridden by the environment. */
function folderWith(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'govhub-config-'));
  writeFileSync(join(dir, name), text);
  return dir;
}

it("puts the file's values where the environment has none; the environment wins", () => {
  const cwd = folderWith('govhub.yaml', 'gateway:\n  port: 4100\n  corsOrigins: [https://a.example, https://b.example]\nlimits:\n  cost: 2000\n');
  const env: NodeJS.ProcessEnv = { GOVHUB_LIMIT_COST: '3000' };
  const applied = applyConfiguration({ cwd, env });
  expect(env.PORT).toBe('4100');
  expect(env.GOVHUB_CORS_ORIGINS).toBe('https://a.example,https://b.example');
  expect(env.GOVHUB_LIMIT_COST).toBe('3000');
  expect(applied.values).toEqual(
    expect.arrayContaining([
      { key: 'gateway.port', env: 'PORT', value: '4100', from: 'file' },
      { key: 'limits.cost', env: 'GOVHUB_LIMIT_COST', value: '3000', from: 'environment' },
    ]),
  );
});

it('expands ${env.NAME} and ${env.NAME:-default}, and refuses a name that is not set', () => {
  const cwd = folderWith('govhub.yaml', 'database:\n  url: ${env.PG_URL}\nredis:\n  url: ${env.CACHE_URL:-redis://127.0.0.1:6379}\n');
  const env: NodeJS.ProcessEnv = { PG_URL: 'postgresql://db.example/govhub' };
  applyConfiguration({ cwd, env });
  expect(env.DATABASE_URL).toBe('postgresql://db.example/govhub');
  expect(env.REDIS_URL).toBe('redis://127.0.0.1:6379');
  expect(() => applyConfiguration({ cwd, env: {} })).toThrow('database.url in');
});

it("reads one domain's own database and a subgraph's own timeout as named settings", () => {
  const cwd = folderWith(
    'govhub.json',
    JSON.stringify({ database: { domains: { water: 'postgresql://water.example/w' } }, resilience: { subgraphTimeoutsMs: { 'my-agency': 2000 } } }),
  );
  const env: NodeJS.ProcessEnv = {};
  applyConfiguration({ cwd, env });
  expect(env.WATER_DATABASE_URL).toBe('postgresql://water.example/w');
  expect(env.GOVHUB_SUBGRAPH_TIMEOUT_MS_MY_AGENCY).toBe('2000');
});

it('stops at a wrong value, naming the key and the variable, whether it came from the file or the environment', () => {
  const cwd = folderWith('govhub.yaml', 'limits:\n  cost: lots\n');
  expect(() => applyConfiguration({ cwd, env: {} })).toThrow(
    new ConfigurationError('configuration: limits.cost (GOVHUB_LIMIT_COST) = "lots" must be a whole number of 1 or more'),
  );
  expect(() => applyConfiguration({ cwd: tmpdir(), env: { GOVHUB_AUTHZ_MODE: 'permissive' } })).toThrow(
    /authorization\.mode \(GOVHUB_AUTHZ_MODE\) = "permissive" must be one of filter, reject, dry-run/,
  );
  expect(() => applyConfiguration({ cwd: tmpdir(), env: { GOVHUB_RATE_LIMIT_AGENCY: 'fast' } })).toThrow(/rateLimits\.agency/);
});

it('refuses an unknown key, and a file it was told to read that does not exist', () => {
  const cwd = folderWith('govhub.yaml', 'limits:\n  coast: 2000\n');
  expect(() => applyConfiguration({ cwd, env: {} })).toThrow(/unknown key limits\.coast/);
  expect(() => applyConfiguration({ file: '/nonexistent/govhub.yaml', env: {} })).toThrow(/does not exist/);
});

/** Variables only the hub's own processes and tests set for each other, not settings a person configures. */
const INTERNAL = new Set([
  'APOLLO_TELEMETRY_DISABLED',
  'TURBO_TELEMETRY_DISABLED',
  'GOVHUB_CONFIG',
  'GOVHUB_TEST_SERVER_URL',
  'JEST_WORKER_ID',
  'GOVHUB_SEED_ONLY',
  'GOVHUB_SKIP_SEED',
  'CI',
]);

it('has a setting for every environment variable the code reads', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (name === 'node_modules' || name === 'dist' || name === 'test') return [];
      return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') && !path.endsWith('generated.ts') ? [path] : [];
    });
  const read = new Set<string>();
  for (const dir of ['gateway/src', 'shared/src', 'subgraphs']) {
    for (const file of files(join(projectRoot(), dir))) {
      for (const match of readFileSync(file, 'utf8').matchAll(/(?<!\{)(?:process\.)?env\.([A-Z][A-Z0-9_]+)|env\[['"]([A-Z][A-Z0-9_]+)['"]\]/g))
        read.add(match[1] ?? match[2]);
    }
  }
  const known = new Set(SETTINGS.map((setting) => setting.env));
  expect([...read].filter((name) => !known.has(name) && !INTERNAL.has(name)).sort()).toEqual([]);
});
