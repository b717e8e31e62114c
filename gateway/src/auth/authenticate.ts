import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ANONYMOUS, type Identity } from '@govhub/shared';
import { AuthenticationError, bearerToken, type TokenVerifier } from './tokens';

declare module 'fastify' {
  interface FastifyRequest {
    identity: Identity;
  }
}

/**
 * Verifies the caller's token before GraphQL sees the request. No token is anonymous (public data only); a token
 * that is present but bad is HTTP 401 UNAUTHENTICATED and never falls back to anonymous.
 */
export function registerAuthentication(app: FastifyInstance, verify: TokenVerifier, protects: (path: string) => boolean): void {
  app.decorateRequest('identity', null as unknown as Identity);
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    request.identity = ANONYMOUS;
    if (!protects(request.url.split('?')[0])) return;
    try {
      const token = bearerToken(request.headers.authorization);
      if (token !== undefined) request.identity = await verify(token);
    } catch (error) {
      const reason = error instanceof AuthenticationError ? error.reason : 'not verifiable';
      return reply
        .code(401)
        .header('www-authenticate', `Bearer error="invalid_token"`)
        .send({ errors: [{ message: `Invalid token: ${reason}`, extensions: { code: 'UNAUTHENTICATED', reason } }] });
    }
  });
}
