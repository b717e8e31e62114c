import { readFileSync } from 'node:fs';
import { OPERATION_TYPES, type OperationType, type PersistedOperation, type PersistedQueryManifest } from '@govhub/shared';

/** Reads and checks a manifest file; a malformed one stops the gateway at start, naming the file and the entry. */
export function loadManifest(path: string): PersistedQueryManifest {
  let manifest: unknown;
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`persisted documents ${path}: ${(error as Error).message}`);
  }
  const problem = manifestProblem(manifest);
  if (problem) throw new Error(`persisted documents ${path}: ${problem}`);
  return manifest as PersistedQueryManifest;
}

function manifestProblem(manifest: unknown): string | null {
  const candidate = manifest as Partial<PersistedQueryManifest> | null;
  if (candidate?.format !== 'apollo-persisted-query-manifest' || candidate.version !== 1) {
    return 'not an Apollo persisted query manifest ("format": "apollo-persisted-query-manifest", "version": 1)';
  }
  if (!Array.isArray(candidate.operations)) return '"operations" must be a list';
  const ids = new Set<string>();
  for (const [index, operation] of candidate.operations.entries()) {
    const entry = operation as Partial<PersistedOperation> | null;
    if (
      typeof entry?.id !== 'string' ||
      !entry.id ||
      typeof entry.body !== 'string' ||
      typeof entry.name !== 'string' ||
      !OPERATION_TYPES.includes(entry.type as OperationType)
    ) {
      return `operation ${index} needs a non-empty "id", a "name", a "type" (query, mutation or subscription) and a "body"`;
    }
    if (ids.has(entry.id)) return `operation ${index} repeats the id ${entry.id}`;
    ids.add(entry.id);
  }
  return null;
}

/** Several manifests (the hub's own, each web app's) as one; an id may repeat only with the same body. */
export function mergeManifests(manifests: readonly PersistedQueryManifest[]): PersistedQueryManifest {
  const byId = new Map<string, PersistedOperation>();
  for (const operation of manifests.flatMap((manifest) => manifest.operations)) {
    const seen = byId.get(operation.id);
    if (seen && seen.body !== operation.body) throw new Error(`persisted documents: id ${operation.id} names two different bodies`);
    byId.set(operation.id, operation);
  }
  return { format: 'apollo-persisted-query-manifest', version: 1, operations: [...byId.values()] };
}
