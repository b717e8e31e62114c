import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DOMAIN_NAMES, projectRoot } from '@govhub/shared';
import { UsageError } from '../output';

/** A subgraph's own program: a built-in domain or an agency's scaffolded one, built with `npm run build`. */
function programOf(name: string): string {
  const program = join(projectRoot(), 'subgraphs', name, 'dist', 'main.js');
  if (!existsSync(program)) throw new UsageError(`no built subgraph ${name} (subgraphs/${name}/dist/main.js): run npm run build`);
  return program;
}

/** Runs a subgraph's program with these extra settings, passing signals on; resolves with its exit code. */
function run(name: string, env: Record<string, string>): Promise<number> {
  const child = spawn(process.execPath, [programOf(name)], { stdio: 'inherit', env: { ...process.env, ...env } });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', forward).on('SIGTERM', forward);
  return new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward).off('SIGTERM', forward);
      resolve(code ?? (signal ? 0 : 1));
    }),
  );
}

/**
 * One domain alone (`govhub subgraph serve NAME`): its database, migrations (unless `--no-migrate`), seed, HTTP with
 * `/healthz`, `/readyz` and `/metrics` on its own port; SIGTERM drains it.
 */
export function serveCommand(name: string, options: { migrate: boolean; port?: string; host?: string }): Promise<number> {
  return run(name, {
    ...(options.migrate ? {} : { GOVHUB_SKIP_SEED: '1' }),
    ...(options.port ? { PORT: options.port } : {}),
    ...(options.host ? { HOST: options.host } : {}),
  });
}

/**
 * Migrations and seeds as a job (`govhub migrate [NAME...]`, every built-in domain by default): idempotent, and safe
 * from several replicas at once (each domain migrates under an advisory lock, seeds insert what is missing).
 */
export async function migrateCommand(names: string[]): Promise<number> {
  const domains = names.length > 0 ? names : [...DOMAIN_NAMES];
  const codes = await Promise.all(domains.map((name) => run(name, { GOVHUB_SEED_ONLY: '1' })));
  const failed = domains.filter((_, index) => codes[index] !== 0);
  process.stdout.write(failed.length ? `migration failed: ${failed.join(', ')}\n` : `migrated and seeded: ${domains.join(', ')}\n`);
  return failed.length ? 1 : 0;
}
