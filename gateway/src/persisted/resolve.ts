import type { TrustedDocuments } from './documents';

export const PersistedCode = {
  /** A `documentId` no trusted document has. */
  PERSISTED_DOCUMENT_NOT_FOUND: 'PERSISTED_DOCUMENT_NOT_FOUND',
  /** A safelisted client sent an operation that is not a trusted document. */
  OPERATION_NOT_IN_SAFELIST: 'OPERATION_NOT_IN_SAFELIST',
} as const;

/** The GraphQL-over-HTTP parameters that name an operation (POST body fields, or GET query parameters). */
export interface OperationParams {
  query?: unknown;
  documentId?: unknown;
  /** An object in a POST body, a JSON string in a GET query string. */
  extensions?: unknown;
}

export type Resolution =
  /** Apollo Server takes it from here: a free-form query, or an automatic persisted query (APQ). */
  | { kind: 'unchanged' }
  /** Run this trusted body instead of whatever the request carried. */
  | { kind: 'trusted'; body: string }
  | { kind: 'refused'; status: number; code: string; message: string };

const UNCHANGED: Resolution = { kind: 'unchanged' };

/**
 * What to run for one operation of a request. A trusted document can be named by `documentId` (the GraphQL-over-HTTP
 * persisted documents proposal) or by APQ's `extensions.persistedQuery.sha256Hash` without a query; a hash the
 * manifest does not know is left to APQ. A safelisted client runs trusted documents only: by id, or by their exact
 * text; APQ could otherwise register any operation for it.
 */
export function resolveOperation(params: OperationParams, documents: TrustedDocuments, safelisted: boolean): Resolution {
  const query = typeof params.query === 'string' ? params.query : undefined;
  if (params.documentId !== undefined) {
    if (typeof params.documentId !== 'string') return refused(400, 'BAD_REQUEST', '`documentId` must be a string');
    const operation = documents.find(params.documentId);
    return operation
      ? { kind: 'trusted', body: operation.body }
      : refused(400, PersistedCode.PERSISTED_DOCUMENT_NOT_FOUND, `No persisted document has the id ${params.documentId}`);
  }
  const hash = persistedQueryHash(params.extensions);
  if (hash !== undefined && query === undefined) {
    const operation = documents.find(hash);
    if (operation) return { kind: 'trusted', body: operation.body };
    return safelisted ? notInSafelist() : UNCHANGED;
  }
  if (!safelisted || query === undefined || documents.includesBody(query)) return UNCHANGED;
  return notInSafelist();
}

/** APQ's hash, from an extensions object or its JSON text (GET). */
export function persistedQueryHash(extensions: unknown): string | undefined {
  const parsed = typeof extensions === 'string' ? jsonObject(extensions) : extensions;
  const hash = (parsed as { persistedQuery?: { sha256Hash?: unknown } } | null | undefined)?.persistedQuery?.sha256Hash;
  return typeof hash === 'string' ? hash : undefined;
}

/** A JSON object's text parsed; null for anything else (Apollo Server refuses it later, with its own message). */
export function jsonObject(text: string | null): Record<string, unknown> | null {
  try {
    const value: unknown = text === null ? null : JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function notInSafelist(): Resolution {
  return refused(
    403,
    PersistedCode.OPERATION_NOT_IN_SAFELIST,
    "This client may run only the hub's persisted documents: send one's id as `documentId` or `extensions.persistedQuery.sha256Hash`",
  );
}

function refused(status: number, code: string, message: string): Resolution {
  return { kind: 'refused', status, code, message };
}
