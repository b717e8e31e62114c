import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export type HubEnv = 'development' | 'production';

export function hubEnv(): HubEnv {
  return process.env.HUB_ENV === 'production' ? 'production' : 'development';
}

export const isProduction = (): boolean => hubEnv() === 'production';

/**
 * A production process refuses to start without this setting, rather than make what it stands for (a key, an
 * embedded database) inside the installed code, which may be read-only or shared by several replicas.
 */
export class MissingProductionSetting extends Error {
  constructor(what: string, settings: string) {
    super(`HUB_ENV=production needs ${what}: set ${settings}`);
    this.name = 'MissingProductionSetting';
  }
}

/** The repository root: the nearest folder upwards whose package.json declares workspaces. */
export function projectRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && 'workspaces' in JSON.parse(readFileSync(manifest, 'utf8'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no workspace root above ${from}`);
  }
}

/** The address a process listens on (`HOST`): loopback unless told, so nothing beyond this machine reaches it; a container sets 0.0.0.0. */
export function listenHost(env: NodeJS.ProcessEnv = process.env): string {
  return env.HOST || '127.0.0.1';
}

/** Size of the synthetic population to seed: small by default, `GOVHUB_SEED_PEOPLE=1000000` for scale tests. */
export function seedPeople(): number {
  const value = Number(process.env.GOVHUB_SEED_PEOPLE ?? 3000);
  if (!Number.isInteger(value) || value < 3) throw new Error('GOVHUB_SEED_PEOPLE must be an integer of at least 3');
  return value;
}

/** `<DOMAIN>_DATABASE_URL` points one domain at its own database, as an agency would run it. */
export function domainDatabaseUrl(domain: string): string | undefined {
  return process.env[`${domain.toUpperCase()}_DATABASE_URL`] ?? process.env.DATABASE_URL;
}

/** The package folder containing `from`: the nearest folder upwards with a package.json (works from src and dist). */
export function packageDir(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}
