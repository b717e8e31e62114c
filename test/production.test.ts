import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getIntrospectionQuery } from 'graphql';
import { createSigningKey } from '@govhub/shared';
import { runGovhubCli } from './support/cli';
import { startTestHub, type TestHub } from './support/hub';
import { overrideEnv } from './support/env';

/**
 * `HUB_ENV=production`: no introspection, no development keys or tokens, no schema details in errors, and every
 * error reduced to a stable code, a message and the domain: no stack trace, no SQL text, no internal address.
 */
let hub: TestHub;
let restoreEnv: () => void = () => undefined;

beforeAll(async () => {
  const tokenKey = await createSigningKey();
  const jwksFile = join(mkdtempSync(join(tmpdir(), 'jwks-')), 'jwks.json');
  writeFileSync(jwksFile, JSON.stringify({ keys: [tokenKey.publicJwk] }));
  restoreEnv = overrideEnv({ HUB_ENV: 'production', GOVHUB_JWKS_FILE: jwksFile });
  hub = await startTestHub({ tokenKey, auth: { keys: { file: jwksFile } } });
}, 120_000);
afterAll(async () => {
  await hub?.stop();
  restoreEnv();
});

const noInternals = (body: string) => {
  for (const leak of ['stacktrace', 'at ', 'SELECT', 'relation', '127.0.0.1', 'localhost'])
    expect({ leak, found: body.includes(leak) }).toEqual({ leak, found: false });
};

it('refuses introspection and hides field suggestions', async () => {
  const introspection = await hub.query(getIntrospectionQuery());
  expect(introspection.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  const typo = await hub.query('{ province(code: "10") { nameE } }');
  expect(typo.errors?.[0].message).toBe('Cannot query field "nameE" on type "Province".');
});

it('serves no development keys, schema file, docs, IDE or tokens', async () => {
  const base = hub.url.replace('/graphql', '');
  const ide = await fetch(hub.url, { headers: { accept: 'text/html' } });
  expect(ide.headers.get('content-type')).not.toContain('text/html');
  expect((await fetch(`${base}/ide/`)).status).toBe(404);
  expect((await fetch(`${base}/docs/`)).status).toBe(404);
  expect(
    (await fetch(`${base}/dev/tokens`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"identity":"dopaWelfare"}' }))
      .status,
  ).toBe(404);
  expect((await fetch(`${base}/.well-known/jwks.json`)).status).toBe(404);
  expect((await fetch(`${base}/schema.graphql`)).status).toBe(404);
  const token = await runGovhubCli(['token', '--sub', 'x'], { HUB_ENV: 'production' });
  expect(token).toMatchObject({ code: 2, stdout: '', stderr: expect.stringContaining('development tokens are off') });
});

it("masks a subgraph's internal failure to a code and its domain", async () => {
  await hub.subgraphs.water.db.query('ALTER TABLE water.telemetry_station RENAME TO telemetry_station_moved');
  try {
    const response = await fetch(hub.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ province(code: "10") { nameEn telemetryStations { id } } }' }),
    });
    const body = await response.text();
    const { data, errors } = JSON.parse(body);
    expect(data).toEqual({ province: null });
    expect(errors).toEqual([
      {
        message: '[water] internal error in the water subgraph',
        path: ['province', 'telemetryStations'],
        extensions: { code: 'INTERNAL_SERVER_ERROR', domain: 'water' },
      },
    ]);
    noInternals(body);
  } finally {
    await hub.subgraphs.water.db.query('ALTER TABLE water.telemetry_station_moved RENAME TO telemetry_station');
  }
});

it('names a subgraph that is down without its address', async () => {
  await hub.subgraphs.tourism.stop();
  const response = await fetch(hub.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ province(code: "10") { nameEn tourismStatistics { period } } }' }),
  });
  const body = await response.text();
  expect(JSON.parse(body).errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ domain: 'tourism' }) })]);
  noInternals(body);
});
