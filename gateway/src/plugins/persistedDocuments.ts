import type { FastifyInstance, FastifyRequest } from 'fastify';
import { setGetParameters, type GetParameters } from '../http/graphqlGet';
import { servedBy } from '../http/route';
import type { PersistedDocumentsConfig } from '../persisted/config';
import type { TrustedDocuments } from '../persisted/documents';
import { jsonObject, resolveOperation, type OperationParams, type Resolution } from '../persisted/resolve';

/** The headers a client names itself by (Apollo Client's, then the GraphQL-over-HTTP community's). */
const CLIENT_NAME_HEADERS = ['apollographql-client-name', 'graphql-client-name'] as const;

function clientName(request: FastifyRequest): string | undefined {
  for (const header of CLIENT_NAME_HEADERS) {
    const value = request.headers[header];
    if (typeof value === 'string' && value) return value;
  }
  return undefined;
}

function isSafelisted(name: string | undefined, safelist: PersistedDocumentsConfig['safelist']): boolean {
  return safelist === '*' || (name !== undefined && safelist.includes(name));
}

/**
 * Persisted documents and safelisting on the route `route`, as a Fastify preHandler: a trusted document named by its
 * id must become the request's `query` before Apollo Server reads the request (its plugins run after it has decided
 * the request has no query), and a refused operation is answered before it is parsed. A GET is read from
 * `request.query`, the server's one parse of its query string, and rewritten through setGetParameters.
 */
export function registerPersistedDocuments(
  app: FastifyInstance,
  route: string,
  documents: TrustedDocuments,
  safelist: PersistedDocumentsConfig['safelist'],
): void {
  app.addHook('preHandler', async (request, reply) => {
    if (!servedBy(request, route)) return;
    const safelisted = isSafelisted(clientName(request), safelist);
    if (request.method === 'GET') {
      const parameters = request.query as GetParameters;
      const resolution = resolveOperation(parameters, documents, safelisted);
      if (resolution.kind === 'refused') return reply.code(resolution.status).send(errorBody(resolution));
      if (resolution.kind === 'trusted') setGetParameters(request, withTrustedBody(parameters, resolution.body));
      return;
    }
    const operations: unknown[] = Array.isArray(request.body) ? request.body : [request.body];
    for (const operation of operations) {
      if (typeof operation !== 'object' || operation === null) continue;
      const resolution = resolveOperation(operation as OperationParams, documents, safelisted);
      if (resolution.kind === 'refused') return reply.code(resolution.status).send(errorBody(resolution));
      if (resolution.kind === 'trusted') useTrustedBody(operation as Record<string, unknown>, resolution.body);
    }
  });
}

/** The trusted body replaces the id: APQ would otherwise check the body against an id that need not be its hash. */
function useTrustedBody(operation: Record<string, unknown>, body: string): void {
  operation.query = body;
  delete operation.documentId;
  const extensions = operation.extensions as Record<string, unknown> | undefined;
  if (extensions && typeof extensions === 'object') delete extensions.persistedQuery;
}

function withTrustedBody(parameters: GetParameters, body: string): GetParameters {
  const { documentId: _documentId, ...rewritten }: GetParameters = { ...parameters, query: body };
  const extensions = typeof rewritten.extensions === 'string' ? jsonObject(rewritten.extensions) : null;
  if (extensions) {
    delete extensions.persistedQuery;
    rewritten.extensions = JSON.stringify(extensions);
  }
  return rewritten;
}

function errorBody(resolution: Extract<Resolution, { kind: 'refused' }>) {
  return { errors: [{ message: resolution.message, extensions: { code: resolution.code } }] };
}
