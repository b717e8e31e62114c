import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { SETTING_FAMILIES, SETTINGS, type Setting } from './settings';

/** A configuration that stops the process: it names the key (and the variable) and what is wrong. */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
}

export interface AppliedConfiguration {
  /** The file read, if any. */
  file: string | null;
  /** Each setting with a value, and whether the file or the environment gave it. */
  values: { key: string; env: string; value: string; from: 'file' | 'environment' }[];
}

const DEFAULT_FILES = ['govhub.yaml', 'govhub.yml', 'govhub.json'];
const BY_KEY = new Map(SETTINGS.map((setting) => [setting.key, setting]));

/**
 * The hub's one configuration: `govhub.yaml` (or `.yml`, `.json`; `GOVHUB_CONFIG` or `--config` names another),
 * with `${env.NAME}` (and `${env.NAME:-default}`) expanded as Apollo Router's configuration does. Every setting has
 * one environment variable that overrides the file; the file's values are put in the environment where none is
 * set, so every reader of the hub sees one configuration. Every value, from the file or the environment, is checked
 * against its setting; the first wrong one throws, naming its key. Unknown keys in the file are refused.
 */
export function applyConfiguration(options: { file?: string | null; env?: NodeJS.ProcessEnv; cwd?: string } = {}): AppliedConfiguration {
  const env = options.env ?? process.env;
  const file = configurationFile(options.file ?? env.GOVHUB_CONFIG ?? null, options.cwd ?? process.cwd());
  const fromFile = file ? flatten(readDocument(file), '', file) : new Map<string, string>();
  const givenByFile = new Set<string>();
  for (const [key, value] of fromFile) {
    const target = envOf(key, file as string);
    if (env[target] !== undefined) continue;
    env[target] = expand(value, env, key, file as string);
    givenByFile.add(target);
  }
  const values: AppliedConfiguration['values'] = [];
  const judge = (key: string, name: string, check: Setting['check']) => {
    const value = env[name];
    if (value === undefined || value === '') return;
    const result = check.safeParse(value);
    if (!result.success)
      throw new ConfigurationError(`configuration: ${key} (${name}) = ${JSON.stringify(value)} ${result.error.issues[0]?.message ?? 'is invalid'}`);
    values.push({ key, env: name, value, from: givenByFile.has(name) ? 'file' : 'environment' });
  };
  for (const setting of SETTINGS) judge(setting.key, setting.env, setting.check);
  for (const family of SETTING_FAMILIES) {
    for (const key of fromFile.keys()) if (key.startsWith(`${family.key}.`)) judge(key, family.env(key.slice(family.key.length + 1)), family.check);
  }
  return { file, values };
}

function configurationFile(named: string | null, cwd: string): string | null {
  if (named) {
    const path = resolve(cwd, named);
    if (!existsSync(path)) throw new ConfigurationError(`configuration: the file ${path} does not exist`);
    return path;
  }
  const found = DEFAULT_FILES.map((name) => resolve(cwd, name)).find((path) => existsSync(path));
  return found ?? null;
}

function readDocument(file: string): unknown {
  try {
    return parseYaml(readFileSync(file, 'utf8')) ?? {};
  } catch (error) {
    throw new ConfigurationError(`configuration: ${file} is not valid YAML or JSON: ${(error as Error).message}`);
  }
}

/** `{ limits: { cost: 2000 } }` as `limits.cost` = "2000"; lists become comma-separated text, booleans 1 or 0. */
function flatten(value: unknown, prefix: string, file: string, into = new Map<string, string>()): Map<string, string> {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [name, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${name}` : name, file, into);
    return into;
  }
  if (!prefix) throw new ConfigurationError(`configuration: ${file} must be a mapping of settings`);
  envOf(prefix, file);
  into.set(prefix, Array.isArray(value) ? value.map(String).join(',') : typeof value === 'boolean' ? (value ? '1' : '0') : String(value));
  return into;
}

function envOf(key: string, file: string): string {
  const setting = BY_KEY.get(key);
  if (setting) return setting.env;
  const family = SETTING_FAMILIES.find((candidate) => key.startsWith(`${candidate.key}.`) && !key.slice(candidate.key.length + 1).includes('.'));
  if (family) return family.env(key.slice(family.key.length + 1));
  throw new ConfigurationError(`configuration: ${file} has an unknown key ${key} (docs/configuration.md lists them)`);
}

const REFERENCE = /\$\{env\.([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;

function expand(value: string, env: NodeJS.ProcessEnv, key: string, file: string): string {
  return value.replace(REFERENCE, (_, name: string, fallback: string | undefined) => {
    const found = env[name] ?? fallback;
    if (found === undefined) throw new ConfigurationError(`configuration: ${key} in ${file} names \${env.${name}}, which is not set`);
    return found;
  });
}
