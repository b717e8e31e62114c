import { composeServices } from '@apollo/composition';
import { Supergraph } from '@apollo/federation-internals';
import { Kind, parse, printSchema, type DocumentNode } from 'graphql';
import { fieldClassification, lintClassification } from './classification';

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
  issues.push(...inconsistentClassifications(services.filter((service) => service !== null)));
  if (issues.length > 0) throw new CompositionError(issues);
  const result = composeServices(services.filter((service) => service !== null));
  if (result.errors) {
    throw new CompositionError(
      result.errors.map((error) => ({ code: String(error.extensions?.code ?? 'COMPOSITION_ERROR'), message: error.message })),
    );
  }
  return { supergraphSdl: result.supergraphSdl, hints: result.hints.map((hint) => hint.toString()) };
}

/**
 * A field several subgraphs define (an entity key, a shared value type) must carry the same classification in
 * each: composition would otherwise keep one of them, and a new subgraph could weaken another's field.
 */
function inconsistentClassifications(services: readonly { name: string; typeDefs: DocumentNode }[]): CompositionIssue[] {
  const seen = new Map<string, { subgraph: string; label: string }>();
  const issues: CompositionIssue[] = [];
  for (const { name, typeDefs } of services) {
    for (const definition of typeDefs.definitions) {
      if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
      for (const field of definition.fields ?? []) {
        const classification = fieldClassification(field);
        if (!classification) continue;
        const coordinate = `${definition.name.value}.${field.name.value}`;
        const label = `${classification.level}${classification.dataset ? ` (${classification.dataset})` : ''}`;
        const first = seen.get(coordinate);
        if (!first) seen.set(coordinate, { subgraph: name, label });
        else if (first.label !== label) {
          issues.push({
            subgraph: name,
            code: 'INCONSISTENT_CLASSIFICATION',
            message: `[${name}] ${coordinate} is classified ${label}, but ${first.label} in ${first.subgraph}: a shared field has one classification`,
          });
        }
      }
    }
  }
  return issues;
}

/** The API schema of a supergraph (what clients see: no join or inaccessible machinery), as SDL. */
export function apiSchemaSdl(supergraphSdl: string): string {
  return printSchema(Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema());
}
