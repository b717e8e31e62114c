import { writeFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';

/** Composes the subgraphs with stock `@apollo/composition`, as every gateway under test is given the same supergraph. */
export function composeBenchSupergraph(subgraphs: readonly { name: string; url: string; sdl: string }[]): string {
  const result = composeServices(subgraphs.map(({ name, url, sdl }) => ({ name, url, typeDefs: parse(sdl) })));
  if (result.errors) throw new Error(`the benchmark's subgraphs do not compose:\n${result.errors.map((error) => error.message).join('\n')}`);
  return result.supergraphSdl;
}

/** Writes the supergraph for gateways that read it from a file. */
export function writeBenchSupergraph(subgraphs: readonly { name: string; url: string; sdl: string }[], file: string): string {
  const sdl = composeBenchSupergraph(subgraphs);
  writeFileSync(file, sdl);
  return sdl;
}
