import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { DOMAINS, GATEWAY_PORT, projectRoot } from '@govhub/shared';

/**
 * The container image's invariants, read from the Dockerfile without a container engine (the image itself is
 * built and run by hand: docs/operations.md, "Running in containers").
 */
const root = projectRoot();
const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
/** Instructions, continuation lines joined, comments dropped. */
const instructions = dockerfile
  .replace(/\\\n/g, ' ')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'));
/** Each stage's instructions, its FROM first. */
const stages: string[][] = [];
for (const line of instructions) {
  if (line.startsWith('FROM ')) stages.push([line]);
  else stages[stages.length - 1]?.push(line);
}
const runtime = stages[stages.length - 1];
const manifest = (dir: string) => JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
const subgraphDirs = readdirSync(join(root, 'subgraphs'))
  .filter((name) => existsSync(join(root, 'subgraphs', name, 'package.json')))
  .map((name) => `subgraphs/${name}`);
/** `$dir` is each subgraph: the loop over the subgraphs is the only one whose copies name it. */
const expand = (path: string) => (path.includes('$dir') ? subgraphDirs.map((dir) => path.replace('$dir', dir)) : [path]);

describe('the Dockerfile', () => {
  it('builds in one stage and runs in another, both on the BASE argument (default the official Node 20 slim image)', () => {
    expect(instructions[0]).toBe('ARG BASE=node:20-bookworm-slim');
    expect(stages.map((stage) => stage[0])).toEqual(['FROM ${BASE} AS build', 'FROM ${BASE} AS runtime']);
    expect(stages[0]).toContain('RUN npm ci --no-audit --no-fund && npm run build');
  });

  it('runs as a numeric non-root user, in production, without telemetry, on every address, with a node health check', () => {
    expect(runtime).toContain('USER 10001:10001');
    expect(runtime.find((line) => line.startsWith('ENV APOLLO_TELEMETRY_DISABLED=1'))).toMatch(
      /NODE_ENV=production HUB_ENV=production HOST=0\.0\.0\.0$/,
    );
    // A PORT would move every subgraph off its domain's port.
    expect(runtime.filter((line) => line.startsWith('ENV')).join(' ')).not.toMatch(/\bPORT=/);
    expect(runtime).toContain(
      'HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 CMD ["node", "gateway/dist/cli/healthcheck.js"]',
    );
    expect(runtime).toContain('ENTRYPOINT ["node", "gateway/dist/cli/govhub.js"]');
    expect(runtime).toContain('CMD ["gateway"]');
    expect(existsSync(join(root, 'gateway', 'src', 'cli', 'healthcheck.ts'))).toBe(true);
    expect(runtime).toContain(`EXPOSE ${[GATEWAY_PORT, ...Object.values(DOMAINS).map((domain) => domain.port)].join(' ')}`);
  });

  it('gives the runtime only what the build stage installed without devDependencies, owned by root', () => {
    expect(runtime.filter((line) => /^(RUN|ADD)\b/.test(line))).toEqual([]);
    expect(runtime.filter((line) => line.startsWith('COPY'))).toEqual(['COPY --from=build /app /app']);
    const installs = stages[0].filter((line) => line.includes('npm ci'));
    expect(installs[1]).toContain(
      "RUN npm ci --omit=dev --no-audit --no-fund -w shared -w gateway -w codegen $(dirname subgraphs/*/package.json | sed 's/^/-w /')",
    );
    // npm checks every workspace of the lockfile: the manifests copied are exactly the root's workspaces.
    const script = stages[0].join('\n');
    expect(script).toContain('subgraphs=$(dirname subgraphs/*/package.json)');
    const copied = /for dir in ([^;]+); do mkdir -p "\/app\/\$dir"; cp "\$dir\/package.json"/
      .exec(script)?.[1]
      .replace('$subgraphs', 'subgraphs/*')
      .split(' ');
    expect(copied?.sort()).toEqual([...manifest('.').workspaces].sort());
  });

  it('copies only paths that exist after the build', () => {
    // A failing copy must fail the build, not pass unseen inside a loop.
    const script = stages[0].find((line) => line.startsWith('RUN set -e;')) ?? '';
    const sources = [...script.matchAll(/cp -r ((?:"?[\w$./-]+"? )+)"?\/app/g)].flatMap((match) => match[1].trim().split(/\s+/));
    expect(sources.length).toBeGreaterThan(8);
    const missing = sources.flatMap((path) => expand(path.replace(/"/g, ''))).filter((path) => !existsSync(join(root, path)));
    // seed/data is copied only where a subgraph has it.
    expect(missing.filter((path) => !path.endsWith('seed/data'))).toEqual([]);
  });
});

describe('.dockerignore', () => {
  it('keeps what a local install, build or run leaves out of the build context', () => {
    const ignored = readFileSync(join(root, '.dockerignore'), 'utf8').split('\n');
    for (const entry of ['.git', '**/node_modules', '**/dist', '.govhub', '**/.govhub', '**/*.tsbuildinfo', 'test/artifacts'])
      expect(ignored).toContain(entry);
  });
});

describe('the runtime file set', () => {
  /** Every package the compiled code of the running workspaces loads, by workspace. */
  const loaded = (dir: string): Set<string> => {
    const packages = new Set<string>();
    const walk = (path: string) => {
      for (const entry of readdirSync(path)) {
        const file = join(path, entry);
        if (statSync(file).isDirectory()) walk(file);
        else if (file.endsWith('.js')) {
          for (const [, specifier] of readFileSync(file, 'utf8').matchAll(/(?:require|import)\("([^"./][^"]*)"\)/g)) {
            const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
            if (!builtinModules.includes(name) && !specifier.startsWith('node:')) packages.add(name);
          }
        }
      }
    };
    walk(join(root, dir, 'dist'));
    return packages;
  };

  it.each(['shared', 'gateway', 'codegen', ...subgraphDirs])('%s loads only its production dependencies', (dir) => {
    const { dependencies = {} } = manifest(dir);
    expect([...loaded(dir)].filter((name) => !(name in dependencies))).toEqual([]);
  });
});
