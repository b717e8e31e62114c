import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMAIN_NAMES, projectRoot, type DomainName, type SubgraphSource } from '@govhub/shared';

/** The SDL of a built-in domain, read from `subgraphs/<name>/schema.graphql`. */
export function builtInSdl(name: DomainName): string {
  return readFileSync(join(projectRoot(), 'subgraphs', name, 'schema.graphql'), 'utf8');
}

/** The built-in subgraphs at the given routing URLs. */
export function builtInSubgraphs(urls: Partial<Record<DomainName, string>>): SubgraphSource[] {
  return DOMAIN_NAMES.filter((name) => urls[name]).map((name) => ({ name, url: urls[name] as string, sdl: builtInSdl(name) }));
}

/**
 * The built-in domains a gateway run on its own registers at start, where each is served (`GOVHUB_SUBGRAPH_URL_<NAME>`,
 * e.g. a cluster's Service): on the registry a new version is published only when the URL or the SDL changed.
 */
export function builtInSubgraphUrlsFromEnv(env: NodeJS.ProcessEnv = process.env): Partial<Record<DomainName, string>> {
  const urls: Partial<Record<DomainName, string>> = {};
  for (const name of DOMAIN_NAMES) {
    const variable = `GOVHUB_SUBGRAPH_URL_${name.toUpperCase()}`;
    const value = env[variable];
    if (!value) continue;
    if (!URL.canParse(value)) throw new Error(`${variable} must be a URL, not "${value}"`);
    urls[name] = value;
  }
  return urls;
}
