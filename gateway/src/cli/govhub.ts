import '../noTelemetry';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { applyConfiguration, ConfigurationError } from '@govhub/shared/dist/config/load';
import { parseFormat, UsageError, type Format } from './output';
import { EXECUTOR_KINDS } from '../executor/config';

/**
 * `npx govhub`: the hub's command line, with Rover's verbs and flags where they exist. Exit codes: 0 done; 1 the
 * command ran and failed (a check refused, a broken exchange log, an unreachable hub); 2 it was called wrongly
 * (unknown command or option, missing argument, a wrong configuration value).
 */
const EXIT_CODES = `
Exit codes: 0 done; 1 the command ran and failed (a check refused, a broken chain, an unreachable hub);
2 it was called wrongly (unknown command or option, missing argument, a wrong configuration value).
Configuration: govhub.yaml in the working directory, --config FILE or GOVHUB_CONFIG; environment variables override it.`;

const version = (JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;

/** Each command's module, loaded only when it runs: `--help` and usage errors stay fast. */
const commands = {
  audit: () => import('./commands/audit.js'),
  codegen: () => import('./commands/codegen.js'),
  config: () => import('./commands/config.js'),
  gateway: () => import('./commands/gateway.js'),
  introspect: () => import('./commands/introspect.js'),
  registry: () => import('./commands/registry.js'),
  subgraphProcess: () => import('./commands/subgraphProcess.js'),
  subgraphNew: () => import('./commands/subgraphNew.js'),
  supergraph: () => import('./commands/supergraph.js'),
  token: () => import('./commands/token.js'),
};

let exitCode = 0;
// biome-ignore lint/suspicious/noExplicitAny: commander passes each command's own arguments and options
type Action = (...args: any[]) => number | Promise<number>;
/** Runs a command's action and keeps its exit code (commander's actions return nothing). */
const run =
  (action: Action) =>
  async (...args: unknown[]) => {
    exitCode = await action(...args);
  };
const formatOption = () => new Option('--format <format>', 'human or json').default('human').argParser(parseFormat);
const format = (command: Command): Format => command.opts().format as Format;

function program(): Command {
  const govhub = new Command('govhub')
    .description('The govhub federated GraphQL data hub: its gateway, subgraphs, registry, exchange log and tools.')
    .version(version, '-v, --version')
    .option('--config <file>', 'the configuration file (default: govhub.yaml in the working directory)')
    .showHelpAfterError()
    // Program options come before the command (`govhub --config FILE gateway`): `supergraph compose --config` is Rover's.
    .enablePositionalOptions()
    .addHelpText('after', EXIT_CODES)
    .hook('preAction', (command, action) => {
      // `config check FILE` reads the configuration itself, and reports what is wrong with it.
      if (action.name() === 'check' && action.parent?.name() === 'config') return;
      applyConfiguration({ file: command.opts().config ?? null });
    });

  govhub
    .command('gateway')
    .description('run the gateway alone: on a supergraph file, or on the registry (DATABASE_URL)')
    .option('--supergraph <file>', 'a composed supergraph SDL file, re-read when it changes')
    .option('--default-classification <level>', 'the level of fields without @classified (PUBLIC, INTERNAL, PERSONAL, SENSITIVE, SECRET)')
    .option('--port <port>', 'the port (default PORT, else 4000)')
    .option('--host <host>', 'the address (default HOST, else 127.0.0.1)')
    .addOption(
      new Option('--executor <executor>', 'what executes query plans: stock (@apollo/gateway) or lean (default GOVHUB_EXECUTOR, else lean)').choices(
        EXECUTOR_KINDS,
      ),
    )
    .action(run(async (options) => (await commands.gateway()).gatewayCommand(options)));

  const subgraph = govhub.command('subgraph').description('subgraphs: scaffold, serve, introspect, and the registry (check, publish, ...)');
  subgraph
    .command('new <name>')
    .description('scaffold subgraphs/NAME with the built-in layout')
    .option('--port <port>', 'its port (default 4009 and up)')
    .action(
      run(async (name: string, options: { port?: string }) =>
        (await commands.subgraphNew()).newSubgraphCommand(name, options.port ? Number(options.port) : undefined),
      ),
    );
  subgraph
    .command('serve <name>')
    .description('run one subgraph alone (a built-in domain or a scaffolded one)')
    .option('--no-migrate', 'skip migrations and seed (run `govhub migrate` as a job instead)')
    .option('--port <port>', 'its port (default PORT, else its own)')
    .option('--host <host>', 'the address (default HOST, else 127.0.0.1)')
    .action(
      run(async (name: string, options: { migrate: boolean; port?: string; host?: string }) =>
        (await commands.subgraphProcess()).serveCommand(name, options),
      ),
    );
  subgraph
    .command('introspect <url>')
    .description("print a running subgraph's SDL (federation _service)")
    .addOption(formatOption())
    .action(run(async (url: string, _options: unknown, command: Command) => (await commands.introspect()).introspectCommand(url, format(command))));
  subgraph
    .command('list')
    .description("the registry's subgraphs (GOVHUB_URL, GOVHUB_TOKEN)")
    .addOption(formatOption())
    .action(run(async (_options: unknown, command: Command) => (await commands.registry()).listCommand(format(command))));
  subgraph
    .command('fetch <name>')
    .description('the SDL the registry serves for NAME')
    .addOption(formatOption())
    .action(run(async (name: string, _options: unknown, command: Command) => (await commands.registry()).fetchCommand(name, format(command))));
  subgraph
    .command('history <name>')
    .description('every published version of NAME')
    .addOption(formatOption())
    .action(run(async (name: string, _options: unknown, command: Command) => (await commands.registry()).historyCommand(name, format(command))));
  for (const action of ['check', 'publish'] as const) {
    subgraph
      .command(action)
      .description(
        action === 'check' ? 'run every publish check, store nothing (exit 1 when one fails)' : 'check, then publish and take live on every gateway',
      )
      .requiredOption('--name <name>', "the subgraph's name")
      .requiredOption('--schema <file>', 'its SDL file, or - for standard input')
      .option('--routing-url <url>', 'where the gateway calls it')
      .addOption(new Option('--url <url>', 'same as --routing-url').hideHelp())
      .addOption(formatOption())
      .action(
        run(async (options: { name: string; schema: string; routingUrl?: string; url?: string }, command: Command) =>
          (await commands.registry()).checkOrPublishCommand(action, { ...options, routingUrl: options.routingUrl ?? options.url }, format(command)),
        ),
      );
  }
  subgraph
    .command('rollback <name>')
    .description('publish an earlier version of NAME again')
    .requiredOption('--to <version>', 'the version')
    .addOption(formatOption())
    .action(
      run(async (name: string, options: { to: string }, command: Command) =>
        (await commands.registry()).rollbackCommand(name, options.to, format(command)),
      ),
    );

  govhub
    .command('supergraph')
    .description('supergraphs')
    .command('compose')
    .description("compose subgraphs into a supergraph SDL on stdout (Rover's supergraph.yaml)")
    .requiredOption('--config <file>', 'subgraphs: NAME: { routing_url, schema: { file } }')
    .action(run(async (options: { config: string }) => (await commands.supergraph()).composeCommand(options.config)));

  govhub
    .command('migrate [names...]')
    .description('apply migrations and seeds as a job (every built-in domain by default); idempotent, safe concurrently')
    .action(run(async (names: string[]) => (await commands.subgraphProcess()).migrateCommand(names)));

  govhub
    .command('token')
    .description('a development token, alone on stdout')
    .requiredOption('--sub <id>', 'a national ID for a citizen, an officer or agency code for an agency')
    .option('--scope <scopes>', 'scopes, space or comma separated')
    .option('--agency <code>', 'the agency claim')
    .option('--purpose <code>', 'the purpose claim')
    .option('--ttl <duration>', 'lifetime, e.g. 15m', '15m')
    .action(run(async (options) => (await commands.token()).tokenCommand(options)));

  govhub
    .command('audit')
    .description('the exchange log')
    .command('verify')
    .description('walk the hash chain to its anchored head (exit 1 at the first broken entry)')
    .addOption(formatOption())
    .action(run(async (_options: unknown, command: Command) => (await commands.audit()).auditVerifyCommand(format(command))));

  govhub
    .command('codegen')
    .description("typed operations for an app, against the hub's API schema")
    .requiredOption('--documents <glob...>', "the operations' .graphql files")
    .requiredOption('--out <file>', 'the TypeScript file to write')
    .option('--schema <file|url>', 'the API schema (default GOVHUB_URL/schema.graphql)')
    .action(run(async (options) => (await commands.codegen()).codegenCommand(options)));

  govhub
    .command('config')
    .description('the configuration')
    .command('check [file]')
    .description('check a configuration file as every process would read it')
    .addOption(formatOption())
    .action(
      run(async (file: string | undefined, _options: unknown, command: Command) =>
        (await commands.config()).configCheckCommand(file, format(command)),
      ),
    );

  for (const command of [govhub, ...govhub.commands, ...govhub.commands.flatMap((child) => child.commands)]) command.exitOverride();
  return govhub;
}

async function main(argv: string[]): Promise<number> {
  const govhub = program();
  if (argv.length === 0) {
    govhub.outputHelp();
    return 2;
  }
  try {
    await govhub.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(`govhub: ${error.message}\n`);
    process.exit(error instanceof ConfigurationError || error instanceof UsageError ? 2 : 1);
  },
);
