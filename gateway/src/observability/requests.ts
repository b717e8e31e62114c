import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import type { Logger } from '@govhub/shared';

export const REQUEST_ID_HEADER = 'x-request-id';
/** A caller's request id is kept (and passed to every subgraph) only when it is a plain token of sane length. */
const CALLER_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Fastify's request id: the caller's `x-request-id` when usable, else a new UUID. */
export const requestIdOptions: Pick<FastifyServerOptions, 'genReqId'> = {
  genReqId: (request) => {
    const header = request.headers[REQUEST_ID_HEADER];
    const value = Array.isArray(header) ? header[0] : header;
    return value && CALLER_REQUEST_ID.test(value) ? value : randomUUID();
  },
};

/**
 * Every response names its request id, and every request leaves one structured access-log line (method, path
 * without the query string, status, duration), which the request's other log lines share through `requestId`.
 */
export function registerRequestLogging(app: FastifyInstance, logger: Logger): void {
  app.addHook('onRequest', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
  });
  app.addHook('onResponse', async (request, reply) => {
    logger.info({
      requestId: request.id,
      method: request.method,
      path: request.url.split('?')[0],
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime),
    }, 'request');
  });
}
