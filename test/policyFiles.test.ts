import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { authorizationRules, loadPolicyFiles, undecidedPolicies } from '@govhub/gateway';
import { startFixtureHub, type FixtureHub } from './fixtures/authz';
import { overrideEnv } from './support/env';

/** `@policy` functions as files in the folder `GOVHUB_POLICIES_DIR` names, loaded by every gateway process alike. */
function policyFolder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'govhub-policies-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

it('loads one policy per file, sync or async, named by the file', async () => {
  const policies = await loadPolicyFiles(
    policyFolder({
      'vipReader.js': 'module.exports = (identity) => identity.scopes.has("vip");',
      'officeHours.cjs': 'exports.default = async () => false;',
      'README.md': 'not a policy',
    }),
  );
  expect([...policies.keys()].sort()).toEqual(['officeHours', 'vipReader']);
  const vip = { kind: 'user', sub: 'x', agency: null, purpose: null, scopes: new Set(['vip']) } as const;
  expect(await policies.get('vipReader')?.(vip)).toBe(true);
  expect(await policies.get('officeHours')?.(vip)).toBe(false);
});

it('loads an ES module policy too (outside jest, whose module sandbox has no dynamic import)', () => {
  const dir = policyFolder({ 'officeHours.mjs': 'export default async (identity) => identity.scopes.has("on-duty");' });
  const script = `require(${JSON.stringify(require.resolve('@govhub/gateway'))}).loadPolicyFiles(${JSON.stringify(dir)})
    .then(async (p) => console.log(JSON.stringify([...p.keys(), await p.get('officeHours')({ scopes: new Set(['on-duty']) })])))`;
  const output = execFileSync(process.execPath, ['-e', script], { env: { ...process.env, APOLLO_TELEMETRY_DISABLED: '1' } }).toString();
  expect(JSON.parse(output.trim().split('\n').pop() as string)).toEqual(['officeHours', true]);
});

it('refuses a file that exports no function, naming it', async () => {
  await expect(loadPolicyFiles(policyFolder({ 'broken.js': 'module.exports = 42;' }))).rejects.toThrow(/broken\.js exports no function/);
});

it('names the policies a supergraph uses that no file decides', () => {
  const rules = authorizationRules(`type Query { a: Int @policy(policies: [["vipReader", "auditor"]]) b: Int @policy(policies: [["officeHours"]]) }`);
  expect(undecidedPolicies(rules, new Map([['vipReader', () => true]]))).toEqual(['auditor', 'officeHours']);
});

describe('a gateway with GOVHUB_POLICIES_DIR', () => {
  let hub: FixtureHub;
  let restoreEnv: () => void;
  beforeAll(async () => {
    restoreEnv = overrideEnv({ GOVHUB_POLICIES_DIR: policyFolder({ 'vipReader.js': 'module.exports = (identity) => identity.scopes.has("vip");' }) });
    hub = await startFixtureHub({ policies: undefined });
  }, 60_000);
  afterAll(async () => {
    await hub?.stop();
    restoreEnv();
  });

  it('decides @policy with the file, and denies without the claim', async () => {
    const ask = async (scope: string[]) =>
      (
        await fetch(hub.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${await hub.token({ scope })}` },
          body: JSON.stringify({ query: '{ users { name vip } }' }),
        })
      ).json() as Promise<{ data: { users: { vip: boolean | null }[] } }>;
    expect((await ask(['vip'])).data.users.map((user) => user.vip)).toEqual([true, false]);
    expect((await ask([])).data.users.map((user) => user.vip)).toEqual([null, null]);
  });
});
