import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { lintClassification } from './classification';

export interface SubgraphSource {
  name: string;
  url: string;
  sdl: string;
}

export interface CompositionIssue {
  subgraph?: string;
  code: string;
  message: string;
}

export class CompositionError extends Error {
  constructor(readonly issues: CompositionIssue[]) {
    super(`supergraph composition failed:\n${issues.map((issue) => `- [${issue.code}] ${issue.message}`).join('\n')}`);
    this.name = 'CompositionError';
  }
}

export interface ComposeResult {
  supergraphSdl: string;
  hints: string[];
}

/**
 * Composes subgraphs into a supergraph locally, after the hub's own governance check:
 * a subgraph with an unclassified field fails composition.
 */
export function composeSupergraph(subgraphs: readonly SubgraphSource[]): ComposeResult {
  const issues: CompositionIssue[] = [];
  const services = subgraphs.map((subgraph) => {
    try {
      const typeDefs = parse(subgraph.sdl);
      for (const problem of lintClassification(subgraph.name, typeDefs)) {
        issues.push({ subgraph: subgraph.name, code: 'UNCLASSIFIED_FIELD', message: `[${subgraph.name}] ${problem.message}` });
      }
      return { name: subgraph.name, url: subgraph.url, typeDefs };
    } catch (error) {
      issues.push({ subgraph: subgraph.name, code: 'INVALID_SDL', message: `[${subgraph.name}] ${(error as Error).message}` });
      return null;
    }
  });
  if (issues.length > 0) throw new CompositionError(issues);
  const result = composeServices(services.filter((service) => service !== null));
  if (result.errors) {
    throw new CompositionError(
      result.errors.map((error) => ({ code: String(error.extensions?.code ?? 'COMPOSITION_ERROR'), message: error.message })),
    );
  }
  return { supergraphSdl: result.supergraphSdl, hints: result.hints.map((hint) => hint.toString()) };
}
