import { Kind, parse, type DocumentNode } from 'graphql';
import { fieldClassification, type FieldClassification, type SubgraphSource } from '@govhub/shared';
import type { CheckIssue } from './checks';
import { OWNERSHIP_CODES as CODES } from './codes';
import { labelOf, rank } from './subgraphModel';

/** Composition's own machinery in a supergraph, which carries no data. */
const MACHINERY = /^(join__|link__|_Service$|_Entity$|_Any$)/;

/**
 * The composed supergraph is linted too, not only the candidate: every field still carries `@classified` after
 * composition, and no coordinate the live registry classifies is classified lower. The live classification is what
 * the registered subgraphs declare (composition refuses a field classified two ways, so that is what the live
 * supergraph carries).
 */
export function supergraphIssues(supergraphSdl: string, live: readonly SubgraphSource[], ownersOf: (coordinate: string) => string[]): CheckIssue[] {
  const composed = classifications([parse(supergraphSdl)]);
  const before = classifications(
    live.flatMap((source) => {
      try {
        return [parse(source.sdl)];
      } catch {
        return [];
      }
    }),
  );
  const issues: CheckIssue[] = [];
  const owned = (coordinate: string) => ownersOf(coordinate).join(', ') || 'the candidate';
  for (const [coordinate, classification] of composed) {
    if (!classification) {
      issues.push({
        code: CODES.SUPERGRAPH_UNCLASSIFIED,
        message: `[supergraph] ${coordinate} (owned by ${owned(coordinate)}) has no @classified after composition: every field must keep its classification`,
      });
      continue;
    }
    const earlier = before.get(coordinate);
    if (earlier && rank(classification) < rank(earlier)) {
      issues.push({
        code: CODES.CLASSIFICATION_LOWERED,
        message:
          `[supergraph] ${coordinate} (owned by ${owned(coordinate)}) would be ${labelOf(classification)}, lowered from ` +
          `${labelOf(earlier)} in the live supergraph: a classification is never lowered by a publish`,
      });
    }
  }
  return issues;
}

/** Each object field's classification; with several definitions, the most restricted one. */
function classifications(documents: readonly DocumentNode[]): Map<string, FieldClassification | null> {
  const found = new Map<string, FieldClassification | null>();
  for (const definition of documents.flatMap((document) => document.definitions)) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    if (MACHINERY.test(definition.name.value)) continue;
    for (const field of definition.fields ?? []) {
      const coordinate = `${definition.name.value}.${field.name.value}`;
      const classification = fieldClassification(field);
      const known = found.get(coordinate);
      if (known === undefined || (classification && (known === null || rank(classification) > rank(known)))) found.set(coordinate, classification);
    }
  }
  return found;
}
