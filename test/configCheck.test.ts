import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runGovhubCli } from './support/cli';

/** `govhub config check FILE`, and every command refusing to start on a wrong value, naming the key. */
function file(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'govhub-config-')), 'govhub.yaml');
  writeFileSync(path, text);
  return path;
}

it('says a valid file is valid, with where each value comes from', async () => {
  const { code, stdout } = await runGovhubCli(['config', 'check', file('limits:\n  cost: 2000\ngateway:\n  port: 4100\n')], { PORT: '4200' });
  expect(code).toBe(0);
  expect(stdout).toContain('limits.cost (GOVHUB_LIMIT_COST) = 2000  [file]');
  expect(stdout).toContain('gateway.port (PORT) = 4200  [environment]');
});

it('exits 2 naming the key of a wrong value, for check and for any other command', async () => {
  const wrong = await runGovhubCli(['config', 'check', file('limits:\n  cost: lots\n')], {});
  expect(wrong.code).toBe(2);
  expect(wrong.stderr).toContain('limits.cost (GOVHUB_LIMIT_COST) = "lots"');
  const token = await runGovhubCli(['token', '--sub', 'x'], { GOVHUB_CONFIG: file('authorization:\n  mode: permissive\n') });
  expect(token.code).toBe(2);
  expect(token.stderr).toContain('authorization.mode (GOVHUB_AUTHZ_MODE)');
  expect(token.stdout).toBe('');
});
