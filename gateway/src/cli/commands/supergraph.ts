import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { composeSupergraph, CompositionError } from '@govhub/shared';
import { UsageError } from '../output';

interface RoverSubgraph {
  routing_url?: string;
  schema?: { file?: string; subgraph_url?: string };
}

/**
 * `govhub supergraph compose --config supergraph.yaml`, Rover's command and file format (`subgraphs: NAME:
 * routing_url, schema: file`), with the hub's composition (every field classified): the supergraph SDL on stdout,
 * for `govhub gateway --supergraph`. Errors name the subgraph; exit 1.
 */
export function composeCommand(configFile: string): number {
  const path = resolve(configFile);
  const config = parseYaml(readFileSync(path, 'utf8')) as { subgraphs?: Record<string, RoverSubgraph> } | null;
  const entries = Object.entries(config?.subgraphs ?? {});
  if (entries.length === 0) throw new UsageError(`${configFile} names no subgraphs (subgraphs: NAME: { routing_url, schema: { file } })`);
  const sources = entries.map(([name, subgraph]) => {
    if (!subgraph.schema?.file)
      throw new UsageError(`${configFile}: subgraph ${name} needs schema.file (introspecting a running subgraph is not supported)`);
    if (!subgraph.routing_url) throw new UsageError(`${configFile}: subgraph ${name} needs routing_url`);
    return { name, url: subgraph.routing_url, sdl: readFileSync(resolve(dirname(path), subgraph.schema.file), 'utf8') };
  });
  try {
    process.stdout.write(composeSupergraph(sources).supergraphSdl);
    return 0;
  } catch (error) {
    if (!(error instanceof CompositionError)) throw error;
    for (const issue of error.issues) process.stderr.write(`error ${issue.code}: ${issue.message}\n`);
    return 1;
  }
}
