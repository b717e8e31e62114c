import { createHash } from 'node:crypto';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';

export type OperationType = 'query' | 'mutation' | 'subscription';

export interface PersistedOperation {
  id: string;
  name: string;
  type: OperationType;
  body: string;
}

/** Apollo's persisted query manifest (what `@apollo/generate-persisted-query-manifest` writes). */
export interface PersistedQueryManifest {
  format: 'apollo-persisted-query-manifest';
  version: 1;
  operations: PersistedOperation[];
}

export const OPERATION_TYPES: readonly OperationType[] = ['query', 'mutation', 'subscription'];

export const sha256Hex = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * A manifest of an app's operations, each identified by the SHA-256 of its body (as Apollo's generator and APQ do):
 * codegen writes it next to an app's typed documents, the gateway trusts it. Each document holds one operation
 * (with its fragments).
 */
export function manifestFromDocuments(documents: readonly { name: string; body: string }[]): PersistedQueryManifest {
  return {
    format: 'apollo-persisted-query-manifest',
    version: 1,
    operations: documents.map(({ name, body }) => ({ id: sha256Hex(body), name, type: operationType(body, name), body })),
  };
}

function operationType(body: string, name: string): OperationType {
  const operations = parse(body).definitions.filter(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
  const operation = operations.length === 1 ? operations[0] : operations.find((candidate) => candidate.name?.value === name);
  if (!operation) throw new Error(`the document of ${name} must hold one operation, or one named ${name}`);
  return operation.operation;
}
