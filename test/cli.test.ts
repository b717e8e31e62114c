import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { projectRoot } from '@govhub/shared';
import { runGovhubCli } from './support/cli';

/** The command line: help on every command, the version, usage errors as exit 2, Rover's verbs and flags. */
const COMMANDS = [
  [],
  ['gateway'],
  ['subgraph'],
  ['subgraph', 'new'],
  ['subgraph', 'serve'],
  ['subgraph', 'introspect'],
  ['subgraph', 'list'],
  ['subgraph', 'fetch'],
  ['subgraph', 'history'],
  ['subgraph', 'check'],
  ['subgraph', 'publish'],
  ['subgraph', 'rollback'],
  ['supergraph'],
  ['supergraph', 'compose'],
  ['migrate'],
  ['token'],
  ['audit'],
  ['audit', 'verify'],
  ['codegen'],
  ['config'],
  ['config', 'check'],
];

it('answers --help on every command and sub-command with its usage, exit 0', async () => {
  for (const command of COMMANDS) {
    const { code, stdout } = await runGovhubCli([...command, '--help'], {});
    expect({ command, code }).toEqual({ command, code: 0 });
    expect(stdout).toContain(`Usage: govhub${command.length ? ` ${command.join(' ')}` : ''}`);
  }
}, 60_000);

it('answers --version, and refuses unknown commands, unknown options and missing arguments with exit 2 and the usage', async () => {
  const version = await runGovhubCli(['--version'], {});
  expect(version).toMatchObject({ code: 0, stdout: '0.1.0\n' });
  for (const wrong of [
    ['bogus'],
    ['subgraph', 'check', '--name', 'x'],
    ['token', '--frobnicate'],
    ['subgraph', 'rollback', 'x'],
    ['gateway', '--executor', 'fast'],
  ]) {
    const { code, stderr } = await runGovhubCli(wrong, {});
    expect({ wrong, code }).toEqual({ wrong, code: 2 });
    expect(stderr).toMatch(/error: .*\n[\s\S]*Usage: govhub/);
  }
});

it("composes a supergraph from Rover's supergraph.yaml, and names the subgraph that fails", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'govhub-compose-'));
  const header =
    'extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key", "@composeDirective"]) @link(url: "https://govhub.go.th/spec/classification/v0.1", import: ["@classified"]) @composeDirective(name: "@classified")\ndirective @classified(level: Classification!, dataset: String) on FIELD_DEFINITION\nenum Classification { PUBLIC INTERNAL PERSONAL SENSITIVE SECRET }\n';
  writeFileSync(join(dir, 'a.graphql'), `${header}type Query { hello: String @classified(level: PUBLIC) }`);
  writeFileSync(join(dir, 'b.graphql'), `${header}type Query { world: String }`);
  writeFileSync(join(dir, 'good.yaml'), 'subgraphs:\n  a:\n    routing_url: http://127.0.0.1:4101/\n    schema:\n      file: ./a.graphql\n');
  writeFileSync(
    join(dir, 'bad.yaml'),
    'subgraphs:\n  a:\n    routing_url: http://127.0.0.1:4101/\n    schema:\n      file: ./a.graphql\n  b:\n    routing_url: http://127.0.0.1:4102/\n    schema:\n      file: ./b.graphql\n',
  );
  const good = await runGovhubCli(['supergraph', 'compose', '--config', join(dir, 'good.yaml')], {});
  expect(good.code).toBe(0);
  expect(good.stdout).toContain('join__Graph');
  expect(good.stdout).toContain('http://127.0.0.1:4101/');
  const bad = await runGovhubCli(['supergraph', 'compose', '--config', join(dir, 'bad.yaml')], {});
  expect(bad.code).toBe(1);
  expect(bad.stderr).toContain('UNCLASSIFIED_FIELD');
  expect(bad.stderr).toContain('[b]');
});

it('reads a schema from standard input with --schema -', async () => {
  // No hub is listening: the command reads its schema first, then reports the unreachable hub (exit 1, not 2).
  const child = execFile(
    process.execPath,
    [join(projectRoot(), 'gateway', 'bin', 'govhub.js'), 'subgraph', 'check', '--name', 'x', '--schema', '-', '--routing-url', 'http://127.0.0.1:9/'],
    { env: { ...process.env, APOLLO_TELEMETRY_DISABLED: '1', GOVHUB_URL: 'http://127.0.0.1:9' } },
  );
  child.stdin?.end('type Query { a: Int }');
  const [code, stderr] = await new Promise<[number | null, string]>((resolve) => {
    let err = '';
    child.stderr?.on('data', (chunk) => (err += chunk));
    child.on('exit', (exit) => resolve([exit, err]));
  });
  expect(code).toBe(1);
  expect(stderr).toContain('cannot reach the hub');
});
