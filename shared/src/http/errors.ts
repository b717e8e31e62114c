import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from '../log';

/** HTTP-level client mistakes, answered as GraphQL errors with stable codes. */
const CLIENT_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'MALFORMED_JSON', message: 'The request body is not valid JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'MALFORMED_JSON', message: 'The request body is empty' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Send application/json' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'BAD_REQUEST', message: 'Invalid Content-Length' },
};

/** The body of every HTTP-level refusal: one GraphQL error with a stable code. */
export function clientError(message: string, code: string, details: Record<string, unknown> = {}) {
  return { errors: [{ message, extensions: { code, ...details } }] };
}

/** A path no route has: 404 NOT_FOUND, GraphQL-shaped like every other refusal. */
export function graphqlShapedNotFound(request: FastifyRequest, reply: FastifyReply) {
  return reply.code(404).send(clientError(`No route serves ${request.method} at this path`, 'NOT_FOUND'));
}

export function graphqlShapedHttpErrors(logger: Logger) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const known = CLIENT_ERRORS[error.code];
    if (known) {
      // The body limit is the route's own (GOVHUB_LIMIT_BODY_BYTES on the gateway's /graphql): say which.
      const limit = known.code === 'PAYLOAD_TOO_LARGE' ? { limit: request.routeOptions.bodyLimit } : {};
      return reply.code(known.status).send(clientError(known.message, known.code, limit));
    }
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) logger.error({ err: error }, 'unhandled HTTP error');
    return reply.code(status).send({
      errors: [
        {
          message: status === 500 ? 'Internal server error' : error.message,
          extensions: { code: status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST' },
        },
      ],
    });
  };
}
