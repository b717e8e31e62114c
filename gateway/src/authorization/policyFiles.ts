import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Logger } from '@govhub/shared';
import type { PolicyFunction, PolicyRegistry } from './decide';
import type { AuthorizationRules } from './rules';

const MODULE_EXTENSIONS = new Set(['.js', '.mjs', '.cjs']);
const load = createRequire(__filename);

/**
 * `@policy` functions, one file each in a folder (`GOVHUB_POLICIES_DIR`): `vipReader.js` decides the policy
 * `vipReader`, its default export (or `decide`) taking the caller's identity and answering true or false, sync or
 * async. Files are JavaScript modules (write them in TypeScript and compile them); a file that exports no function
 * stops the gateway at start, naming the file.
 */
export async function loadPolicyFiles(dir: string): Promise<PolicyRegistry> {
  const policies = new Map<string, PolicyFunction>();
  const folder = resolve(dir);
  for (const file of readdirSync(folder).sort()) {
    if (!MODULE_EXTENSIONS.has(extname(file))) continue;
    const path = join(folder, file);
    // CommonJS through require (what a TypeScript build emits by default); ES modules through import.
    const loaded = (extname(file) === '.mjs' ? await import(pathToFileURL(path).href) : load(path)) as { default?: unknown; decide?: unknown };
    const decide = typeof loaded === 'function' ? loaded : typeof loaded.default === 'function' ? loaded.default : loaded.decide;
    if (typeof decide !== 'function') throw new Error(`policy file ${path} exports no function (default export or "decide")`);
    policies.set(basename(file, extname(file)), decide as PolicyFunction);
  }
  return policies;
}

/** The policies the supergraph names that no function decides: each is a denial, said once per load. */
export function undecidedPolicies(rules: AuthorizationRules, policies: PolicyRegistry): string[] {
  const named = new Set<string>();
  for (const requirement of [...rules.fields.values(), ...rules.types.values()].flat()) {
    if (requirement.kind === 'policies') for (const alternative of requirement.anyOf) for (const name of alternative) named.add(name);
  }
  return [...named].filter((name) => !policies.has(name)).sort();
}

export function warnUndecidedPolicies(rules: AuthorizationRules, policies: PolicyRegistry, logger: Logger): void {
  const missing = undecidedPolicies(rules, policies);
  if (missing.length > 0) logger.warn({ policies: missing }, 'the supergraph names @policy policies that no policy file decides: they deny');
}
