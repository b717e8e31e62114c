import { existsSync, readdirSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK } from 'jose';
import { createSigningKey, FORWARDED_IDENTITY_ALGORITHM } from '@govhub/shared';
import { createTestDatabase, type TestDatabase } from '@govhub/shared/dist/testing';
import { runGovhubCli } from './support/cli';
import { startForeignSubgraphs, type ForeignSubgraphs } from './support/foreignSubgraphs';
import { startGatewayChild } from './support/gatewayChild';
import { startSubgraphChild } from './support/subgraphChild';

/**
 * `HUB_ENV=production` takes every key from configuration and writes nothing where it runs: a process missing a
 * key (or a database) refuses to start and names the setting, instead of creating it.
 */
let dir: string;
let workdir: string;
let jwksFile: string;
let gatewayJwksFile: string;
let gatewayKey: string;
let database: TestDatabase;
let foreign: ForeignSubgraphs;
/** Where a development key would go: production must leave it uncreated. */
let keysDir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'govhub-production-'));
  await chmod(dir, 0o755);
  workdir = join(dir, 'work');
  keysDir = join(dir, 'keys');
  await mkdir(workdir);
  const tokenKey = await createSigningKey();
  jwksFile = join(dir, 'jwks.json');
  await writeFile(jwksFile, JSON.stringify({ keys: [tokenKey.publicJwk] }));
  const identity = await createSigningKey(FORWARDED_IDENTITY_ALGORITHM);
  gatewayKey = JSON.stringify({ ...(await exportJWK(identity.privateKey)), kid: identity.kid, alg: FORWARDED_IDENTITY_ALGORITHM });
  gatewayJwksFile = join(dir, 'gateway-jwks.json');
  await writeFile(gatewayJwksFile, JSON.stringify({ keys: [identity.publicJwk] }));
  foreign = await startForeignSubgraphs();
  await writeFile(join(dir, 'supergraph.graphql'), foreign.supergraphOf());
  database = await createTestDatabase('production_keys');
});
afterAll(async () => {
  await database?.drop();
  await foreign?.stop();
  await rm(dir, { recursive: true, force: true });
});
afterEach(() => {
  expect(readdirSync(workdir)).toEqual([]);
  expect(existsSync(keysDir)).toBe(false);
});

const production = (env: Record<string, string> = {}) => ({
  HUB_ENV: 'production',
  DATABASE_URL: '',
  GOVHUB_KEYS_DIR: keysDir,
  LOG_LEVEL: 'error',
  ...env,
});
const govhub = (args: string[], env: Record<string, string>) => runGovhubCli(args, production(env), workdir);

/** Each refusal: the command, its settings, and what its output must say. Run side by side: each is a Node start. */
async function expectRefusals(cases: readonly (readonly [string[], Record<string, string>, string])[]): Promise<void> {
  const runs = await Promise.all(cases.map(([args, env]) => govhub(args, env)));
  expect(runs.map(({ code, stdout, stderr }, index) => ({ code, names: (stdout + stderr).includes(cases[index][2]) }))).toEqual(
    cases.map(() => ({ code: 1, names: true })),
  );
}

describe('the gateway in production', () => {
  it("refuses to start without the identity provider's keys or its signing key, and never creates a key file", async () => {
    const supergraph = ['gateway', '--supergraph', join(dir, 'supergraph.graphql')];
    const missing = join(workdir, 'gateway.jwk.json');
    await expectRefusals([
      [supergraph, {}, 'HUB_ENV=production needs GOVHUB_JWKS_URL or GOVHUB_JWKS_FILE'],
      [
        supergraph,
        { GOVHUB_JWKS_FILE: jwksFile },
        "HUB_ENV=production needs the gateway's signing key: set GOVHUB_GATEWAY_KEY_FILE (a private Ed25519 JWK file) or GOVHUB_GATEWAY_KEY (its JSON)",
      ],
      [supergraph, { GOVHUB_JWKS_FILE: jwksFile, GOVHUB_GATEWAY_KEY_FILE: missing }, `GOVHUB_GATEWAY_KEY_FILE ${missing} does not exist`],
    ]);
  });

  it('starts with its signing key given as JSON in the environment, and publishes its public half', async () => {
    const gateway = startGatewayChild(['--supergraph', join(dir, 'supergraph.graphql'), '--port', '0', '--default-classification', 'PUBLIC'], {
      ...production({ GOVHUB_JWKS_FILE: jwksFile, GOVHUB_GATEWAY_KEY: gatewayKey, GOVHUB_DRAIN_DELAY_MS: '0' }),
    });
    try {
      const url = await gateway.listening;
      const published = (await (await fetch(url.replace(/\/graphql$/, '/.well-known/gateway-jwks.json'))).json()) as { keys: { kid: string }[] };
      expect(published.keys.map((key) => key.kid)).toEqual([JSON.parse(gatewayKey).kid]);
    } finally {
      await gateway.kill();
    }
  });
});

describe('a subgraph in production', () => {
  it("refuses to serve without the gateway's public keys or a database, and to migrate without a database", async () => {
    const noDatabase = 'HUB_ENV=production needs a database: set DATABASE_URL or WATER_DATABASE_URL';
    await expectRefusals([
      [['subgraph', 'serve', 'water'], { DATABASE_URL: database.url }, "HUB_ENV=production needs the gateway's public keys: set GOVHUB_GATEWAY_JWKS"],
      [['subgraph', 'serve', 'water'], { GOVHUB_GATEWAY_JWKS: gatewayJwksFile }, noDatabase],
      [['migrate', 'water'], {}, noDatabase],
    ]);
  });

  it('serves with the gateway JWKS from a file and its database from DATABASE_URL', async () => {
    const subgraph = startSubgraphChild(
      'water',
      ['--no-migrate'],
      production({ DATABASE_URL: database.url, GOVHUB_GATEWAY_JWKS: gatewayJwksFile, GOVHUB_DRAIN_DELAY_MS: '0', LOG_LEVEL: 'info' }),
    );
    try {
      const url = await subgraph.listening();
      expect((await fetch(new URL('/readyz', url))).status).toBe(200);
    } finally {
      subgraph.process.kill('SIGTERM');
      expect(await subgraph.exited).toBe(0);
    }
  });
});
