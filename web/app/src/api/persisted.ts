import type { DocumentNode } from 'graphql/language/ast';
import { print } from 'graphql/language/printer';

/** An operation as the hub's automatic persisted queries know it: its text and the SHA-256 of that text. */
export interface PersistedDocument {
  operationName: string | undefined;
  query: string;
  /** Hex SHA-256 of `query`; null where the page has no Web Crypto (plain http off this machine). */
  sha256Hash: Promise<string | null>;
}

const printed = new WeakMap<DocumentNode, PersistedDocument>();

/**
 * The generated documents are AST objects: graphql-js's printer alone (a few KB, not the whole library) turns them
 * into the canonical text, printed and hashed once per document.
 */
export function persisted(document: DocumentNode): PersistedDocument {
  let entry = printed.get(document);
  if (!entry) {
    const query = print(document);
    const operation = document.definitions.find((definition) => definition.kind === 'OperationDefinition');
    entry = { operationName: operation?.kind === 'OperationDefinition' ? operation.name?.value : undefined, query, sha256Hash: sha256Hex(query) };
    printed.set(document, entry);
  }
  return entry;
}

export async function sha256Hex(text: string): Promise<string | null> {
  if (!globalThis.crypto?.subtle) return null;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
