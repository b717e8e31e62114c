import type { FastifyInstance } from 'fastify';
import { servedBy } from '../http/route';
import type { OperationLimits } from './config';
import { documentRefusal } from './document';
import { LimitCode, LimitExceeded } from './errors';

/**
 * The limits on what an HTTP request to the route `route` carries, checked on the parsed body (or the query string of a GET)
 * before Apollo Server sees it: the length of a batch (Apollo runs any length; 0 refuses every batch), and each
 * document's size and nesting, before graphql-js parses it (Apollo Server's plugins cannot refuse before parsing
 * without it answering 500).
 */
export function registerHttpLimits(app: FastifyInstance, route: string, limits: OperationLimits): void {
  app.addHook('preHandler', async (request, reply) => {
    if (!servedBy(request, route)) return;
    const carried = request.method === 'GET' ? request.query : request.body;
    const refusal = Array.isArray(carried)
      ? (batchRefusal(carried.length, limits.batch) ?? firstDocumentRefusal(carried, limits))
      : firstDocumentRefusal([carried], limits);
    if (refusal) return reply.code(400).send({ errors: [{ message: refusal.message, extensions: withoutHttp(refusal) }] });
  });
}

function firstDocumentRefusal(operations: readonly unknown[], limits: OperationLimits): LimitExceeded | null {
  for (const operation of operations) {
    const query = (operation as { query?: unknown } | null)?.query;
    const refusal = typeof query === 'string' ? documentRefusal(query, limits) : null;
    if (refusal) return refusal;
  }
  return null;
}

function batchRefusal(actual: number, limit: number): LimitExceeded | null {
  if (actual <= limit) return null;
  const message =
    limit === 0 ? 'Batched requests are turned off: send one operation per request' : `The batch has ${actual} operations; at most ${limit}`;
  return new LimitExceeded(LimitCode.BATCH_TOO_LARGE, message, { limit, actual });
}

function withoutHttp(error: LimitExceeded): Record<string, unknown> {
  const { http: _http, ...extensions } = error.extensions;
  return extensions;
}
