import { SubgraphRegistry } from '@govhub/gateway/dist/registry/registry';
import { runGovhubCli } from './support/cli';
import { CLASSIFIED, EDUCATION, startEducationSubgraph } from './support/educationSubgraph';
import { startTestHub, type TestHub } from './support/hub';
import { until } from './support/until';

/**
 * The supergraph follows the registry: a publish is live without a restart; a broken one never goes live. The
 * polling fallback is put off to every 10 minutes, so what goes live here went live by the registry's NOTIFY alone.
 */
let hub: TestHub;
let education: { url: string; stop(): Promise<void> };
beforeAll(async () => {
  hub = await startTestHub({ fallbackPollMs: { supergraph: 600_000 } });
  education = await startEducationSubgraph();
}, 120_000);
afterAll(async () => {
  await education?.stop();
  await hub?.stop();
});

async function readiness() {
  return (await (await fetch(hub.url.replace('/graphql', '/readyz'))).json()) as { supergraph: { live: string[]; lastError: string | null } };
}

it('registers the built-in subgraphs at first start', async () => {
  expect((await readiness()).supergraph.live).toEqual([
    'business@1',
    'citizen@1',
    'disaster@1',
    'governance@1',
    'resources@1',
    'security@1',
    'tourism@1',
    'water@1',
  ]);
});

it('serves a newly published subgraph within 3 seconds, by notification alone, without a restart', async () => {
  const registry = new SubgraphRegistry(hub.subgraphs.governance.db);
  const started = Date.now();
  await registry.publish({ name: 'education', owner: 'OBEC', url: education.url, sdl: EDUCATION(CLASSIFIED), publishedBy: 'obec-officer' });
  const count = await until(async () => {
    const { data } = await hub.query('{ province(code: "56") { nameEn schoolCount } }');
    return data?.province?.schoolCount ?? undefined;
  }, 3_000);
  expect(count).toBe(560);
  console.info(`publish to live: ${Date.now() - started} ms`);
  expect((await readiness()).supergraph.live).toContain('education@1');
});

it('keeps the last good supergraph when the registry holds a version that does not compose, and says why', async () => {
  const registry = new SubgraphRegistry(hub.subgraphs.governance.db);
  await registry.publish({ name: 'education', owner: 'OBEC', url: education.url, sdl: EDUCATION('schoolCount: Int'), publishedBy: 'obec-officer' });
  const status = await until(async () => {
    const { supergraph } = await readiness();
    return supergraph.lastError ? supergraph : undefined;
  }, 3_000);
  expect(status.lastError).toContain('UNCLASSIFIED_FIELD');
  expect(status.live).toContain('education@1');
  const { data, errors } = await hub.query('{ province(code: "10") { schoolCount } }');
  expect(errors).toBeUndefined();
  expect(data?.province.schoolCount).toBe(100);
});

describe('the admin API', () => {
  const obec = () => hub.as({ agency: 'OBEC', sub: 'obec-officer', scope: ['agency', 'registry:publish'] });
  const admin = async (path: string, headers: Record<string, string>, body?: object) => {
    const response = await fetch(hub.url.replace('/graphql', `/admin/subgraphs${path}`), {
      method: body ? 'POST' : 'GET',
      headers: { 'content-type': 'application/json', ...headers },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  };

  it('publishes for the owner, refuses another agency and a failing check, and rolls back', async () => {
    const ok = await admin('/education/publish', await obec(), { url: education.url, sdl: EDUCATION(CLASSIFIED) });
    expect(ok.status).toBe(201);
    expect(ok.body.version).toBeGreaterThan(1);

    const stranger = await admin('/education/publish', await hub.as({ agency: 'TAT', sub: 'tat-1', scope: ['agency', 'registry:publish'] }), {
      url: education.url,
      sdl: EDUCATION(CLASSIFIED),
    });
    expect(stranger.status).toBe(403);
    expect(stranger.body.errors[0].message).toContain('belongs to OBEC');

    const noScope = await admin('/education/publish', await hub.as({ agency: 'OBEC', sub: 'x', scope: ['agency'] }), {
      url: education.url,
      sdl: EDUCATION(CLASSIFIED),
    });
    expect(noScope.status).toBe(403);

    const unclassified = await admin('/education/check', await obec(), { url: education.url, sdl: EDUCATION('schoolCount: Int') });
    expect(unclassified.body).toEqual({
      ok: false,
      errors: [expect.objectContaining({ code: 'UNCLASSIFIED_FIELD', message: expect.stringContaining('Province.schoolCount') })],
      warnings: [],
    });

    const metadata = await admin('/education/publish', await obec(), { url: 'http://169.254.169.254/latest/', sdl: EDUCATION(CLASSIFIED) });
    expect(metadata.status).toBe(422);
    expect(metadata.body.errors).toEqual([expect.objectContaining({ code: 'ROUTING_URL' })]);

    const history = await admin('/education/history', await obec());
    const versions = history.body.versions as { version: number; publishedBy: string }[];
    expect(versions.map((v) => v.version)).toEqual([ok.body.version, 2, 1].filter((v, i, all) => all.indexOf(v) === i));

    const rollback = await admin('/education/rollback', await obec(), { to: 1 });
    expect(rollback.status).toBe(201);
    expect(rollback.body).toMatchObject({ rolledBackTo: 1, version: ok.body.version + 1 });

    const list = await admin('', await obec());
    expect(list.body.subgraphs).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'education', owner: 'OBEC', version: ok.body.version + 1 })]),
    );
  });

  it('needs a token to read the registry', async () => {
    expect((await admin('', {})).status).toBe(403);
  });
});

describe('npx govhub subgraph', () => {
  it('lists, checks and shows history through the admin API', async () => {
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const token = (await hub.as({ agency: 'OBEC', sub: 'obec-officer', scope: ['agency', 'registry:publish'] })).authorization.replace('Bearer ', '');
    const run = (...args: string[]) =>
      runGovhubCli(['subgraph', ...args, '--format', 'json'], { GOVHUB_URL: hub.url.replace('/graphql', ''), GOVHUB_TOKEN: token });
    const list = await run('list');
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout).subgraphs.map((s: { name: string }) => s.name)).toContain('citizen');
    const schema = join(mkdtempSync(join(tmpdir(), 'schema-')), 'education.graphql');
    writeFileSync(schema, EDUCATION('schoolCount: Int'));
    const check = await run('check', '--name', 'education', '--schema', schema, '--routing-url', education.url);
    expect(check.code).toBe(1);
    expect(JSON.parse(check.stdout)).toMatchObject({ ok: false, errors: [expect.objectContaining({ code: 'UNCLASSIFIED_FIELD' })] });
    expect((await run('history', 'education')).code).toBe(0);
  });
});

describe('breaking changes are judged against served operations', () => {
  it('refuses removing a field an operation served in the last 30 days uses, naming the operation', async () => {
    const { data } = await hub.query('query Schools { province(code: "10") { schoolCount } }');
    expect(data?.province.schoolCount).toBe(100);
    await until(async () => {
      const rows = await hub.subgraphs.governance.db.query(`SELECT 1 FROM governance.operation_usage WHERE operation_name = 'Schools'`);
      return rows.length ? true : undefined;
    }, 8_000);
    const token = await hub.as({ agency: 'OBEC', sub: 'obec-officer', scope: ['agency', 'registry:publish'] });
    const withoutSchools = EDUCATION('teacherCount: Int @classified(level: PUBLIC)');
    const response = await fetch(hub.url.replace('/graphql', '/admin/subgraphs/education/check'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...token },
      body: JSON.stringify({ url: education.url, sdl: withoutSchools }),
    });
    const result = (await response.json()) as { ok: boolean; errors: { code: string; message: string }[] };
    expect(result.ok).toBe(false);
    expect(result.errors).toEqual([expect.objectContaining({ code: 'BREAKING_CHANGE_IN_USE', message: expect.stringContaining('Schools') })]);
  }, 20_000);

  it('only warns about a breaking change no served operation uses', async () => {
    const token = await hub.as({ agency: 'OBEC', sub: 'obec-officer', scope: ['agency', 'registry:publish'] });
    const post = (sdl: string, action: string) =>
      fetch(hub.url.replace('/graphql', `/admin/subgraphs/education/${action}`), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...token },
        body: JSON.stringify({ url: education.url, sdl }),
      }).then((r) => r.json() as Promise<{ ok: boolean; warnings: { code: string }[] }>);
    const withLibraries = EDUCATION(`${CLASSIFIED}\n  libraryCount: Int @classified(level: PUBLIC)`);
    expect((await post(withLibraries, 'publish')).ok).toBe(true);
    const result = await post(EDUCATION(CLASSIFIED), 'check');
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([expect.objectContaining({ code: 'BREAKING_CHANGE' })]);
  });
});
