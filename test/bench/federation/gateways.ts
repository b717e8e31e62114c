import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The gateways under test, each started as its own process on one port, all on the same supergraph and subgraphs.
 * `command` says how to start it; `unavailable` why it cannot run here (null when it can).
 */
export interface GatewayUnderTest {
  name: string;
  /** What exactly runs: version and mode, for the report. */
  description: string;
  unavailable: () => string | null;
  command: (files: BenchFiles, port: number) => { args: string[]; env?: Record<string, string> };
}

/** The files the harness writes for the gateways. */
export interface BenchFiles {
  supergraph: string;
  /** The subgraphs' `{ name, url, sdl }`, for govhub's gateway script. */
  subgraphs: string;
  jwks: string;
  /** The gateway's own signing key for forwarded identities (production mode creates none). */
  identityKey: string;
}

const REPO = join(__dirname, '..', '..', '..', '..');
const HERE = __dirname;
const HIVE_BIN = join(REPO, 'node_modules', '@graphql-hive', 'gateway', 'dist', 'bin.js');
const govhubCli = (repo: string) => join(repo, 'gateway', 'dist', 'cli', 'govhub.js');

function versionOf(name: string): string {
  try {
    return (JSON.parse(readFileSync(join(REPO, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'not installed';
  }
}

/** The `govhub gateway --supergraph` command, once it is built with `--default-classification`. */
export function govhubGatewayCommand(repo = REPO): boolean {
  return existsSync(govhubCli(repo)) && readFileSync(govhubCli(repo), 'utf8').includes('default-classification');
}

const hive = (routerRuntime: boolean): GatewayUnderTest => ({
  name: routerRuntime ? 'hive-gateway-router-runtime' : 'hive-gateway',
  description: routerRuntime
    ? `@graphql-hive/gateway ${versionOf('@graphql-hive/gateway')}, Rust query planner (@graphql-hive/router-query-planner ${versionOf('@graphql-hive/router-query-planner')})`
    : `@graphql-hive/gateway ${versionOf('@graphql-hive/gateway')}, --jit`,
  unavailable: () => {
    if (!existsSync(HIVE_BIN)) return '@graphql-hive/gateway is not installed';
    if (routerRuntime && versionOf('@graphql-hive/router-runtime') === 'not installed') return '@graphql-hive/router-runtime is not installed';
    return null;
  },
  // As the public benchmark runs them: NODE_ENV=production, its config, --jit for the JavaScript planner only.
  command: ({ supergraph }, port) => ({
    args: [
      HIVE_BIN,
      'supergraph',
      supergraph,
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--fork',
      '1',
      '--config-path',
      join(HERE, 'hiveGateway.config.js'),
      ...(routerRuntime ? ['--hive-router-runtime'] : ['--jit']),
    ],
    env: { NODE_ENV: 'production' },
  }),
});

export const GATEWAYS: readonly GatewayUnderTest[] = [
  {
    name: 'apollo-gateway',
    description: `@apollo/gateway ${versionOf('@apollo/gateway')} + @apollo/server ${versionOf('@apollo/server')} standalone`,
    unavailable: () => null,
    command: ({ supergraph }, port) => ({ args: [join(HERE, 'apolloGateway.js'), supergraph, String(port)] }),
  },
  hive(false),
  hive(true),
  govhub('govhub', REPO),
  govhub('govhub-stock', REPO, 'stock'),
  ...otherGovhubBuilds(),
];

/**
 * govhub's gateway as built in the checkout `repo`; with `executor`, run on that executor (`--executor`, and
 * `GOVHUB_EXECUTOR` for hubGateway.ts), else on the build's default.
 */
function govhub(name: string, repo: string, executor?: 'stock' | 'lean'): GatewayUnderTest {
  const cli = govhubCli(repo);
  const executorArgs = executor ? ['--executor', executor] : [];
  return {
    name,
    description: govhubGatewayCommand(repo)
      ? `govhub gateway --supergraph --default-classification PUBLIC${executor ? ` --executor ${executor}` : ''}, HUB_ENV=production, ` +
        'rate limits off, GOVHUB_LIMIT_COST=25000; ' +
        'answers add extensions.cost (compared without it)'
      : 'startHubGateway (hubGateway.ts, every field @classified PUBLIC), HUB_ENV=production, tokens verified against a JWKS file, ' +
        'rate limits off, GOVHUB_LIMIT_COST=25000; answers add extensions.cost (compared without it)',
    unavailable: () => (existsSync(cli) ? null : `${cli} is not built`),
    command: (files, port) => ({
      args: govhubGatewayCommand(repo)
        ? [cli, 'gateway', '--supergraph', files.supergraph, '--default-classification', 'PUBLIC', ...executorArgs, '--port', String(port)]
        : [join(HERE, 'hubGateway.js'), files.subgraphs, String(port)],
      // The TestQuery costs 23,315 points under the hub's assumed list size (it bounds no list): the one limit the
      // benchmark raises. Every other limit stays at its default.
      // Rate limits off, as hubGateway.ts has them: the load must not be refused.
      env: {
        HUB_ENV: 'production',
        GOVHUB_JWKS_FILE: files.jwks,
        GOVHUB_GATEWAY_KEY_FILE: files.identityKey,
        GOVHUB_LIMIT_COST: '25000',
        GOVHUB_RATE_LIMIT_AGENCY: 'off',
        GOVHUB_RATE_LIMIT_CITIZEN: 'off',
        GOVHUB_RATE_LIMIT_ANONYMOUS: 'off',
        ...(executor ? { GOVHUB_EXECUTOR: executor } : {}),
      },
    }),
  };
}

/**
 * BENCH_GOVHUB_BUILDS=`NAME=DIR,...`: other built checkouts of govhub benchmarked beside this one in the same run
 * (as `govhub@NAME`), so that a change is measured against the code before it on the same machine at the same time.
 */
function otherGovhubBuilds(): GatewayUnderTest[] {
  const builds = process.env.BENCH_GOVHUB_BUILDS?.split(',').filter(Boolean) ?? [];
  return builds.map((build) => {
    const [name, dir] = build.split('=');
    return govhub(`govhub@${name}`, dir);
  });
}
