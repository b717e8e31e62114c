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
