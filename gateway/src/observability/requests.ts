import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest, FastifyServerOptions } from 'fastify';
import type { Logger } from '@govhub/shared';

export const REQUEST_ID_HEADER = 'x-request-id';
/** A caller's own id is kept, as a correlation id, only when it is a plain token of sane length. */
const CALLER_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * Fastify's request id is always one the hub mints: it is what every log line, every subgraph call and the exchange
 * log (an audit record) name the request by, so a caller must not choose it; one could otherwise file its
 * requests under another request's id, or write newlines and megabytes into the audit trail.
 */
export const requestIdOptions: Pick<FastifyServerOptions, 'genReqId'> = { genReqId: () => randomUUID() };

/** The caller's `x-request-id` when it is a plain token: logged beside the hub's id, so both sides can be joined. */
export function correlationId(request: FastifyRequest): string | undefined {
  const header = request.headers[REQUEST_ID_HEADER];
  return typeof header === 'string' && CALLER_REQUEST_ID.test(header) ? header : undefined;
}

/**
 * Every response names its request id, and every request leaves one structured access-log line (method, path
 * without the query string, status, duration, the caller's correlation id), which the request's other log lines
 * share through `requestId`.
 */
export function registerRequestLogging(app: FastifyInstance, logger: Logger): void {
  app.addHook('onRequest', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
  });
  app.addHook('onResponse', async (request, reply) => {
    logger.info(
      {
        requestId: request.id,
        correlationId: correlationId(request),
        method: request.method,
        path: request.url.split('?')[0],
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request',
    );
  });
}
