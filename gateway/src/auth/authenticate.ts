import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ANONYMOUS, type Identity } from '@govhub/shared';
import { AuthenticationError, bearerToken, type TokenVerifier } from './tokens';

declare module 'fastify' {
  interface FastifyRequest {
    identity: Identity;
    /** Why a present token was refused; the request is answered 401 before its body is read. */
    authenticationFailure: string | null;
  }
}

/**
 * Verifies the caller's token before GraphQL sees the request. No token is anonymous (public data only); a token
 * that is present but bad is HTTP 401 UNAUTHENTICATED and never falls back to anonymous. The refusal is sent once
 * every onRequest hook has run (in preParsing): until then the caller counts as anonymous, so the rate limits of
 * its address throttle token guessing too. `protects` is asked about the matched route (`/admin/subgraphs/:name`),
 * never the target as spelled, so no spelling of a protected path skips verification.
 */
export function registerAuthentication(app: FastifyInstance, verify: TokenVerifier, protects: (route: string) => boolean): void {
  app.decorateRequest('identity', null as unknown as Identity);
  app.decorateRequest('authenticationFailure', null);
  app.addHook('onRequest', async (request: FastifyRequest) => {
    request.identity = ANONYMOUS;
    request.authenticationFailure = null;
    if (!protects(request.routeOptions.url ?? '')) return;
    try {
      const token = bearerToken(request.headers.authorization);
      if (token !== undefined) request.identity = await verify(token);
    } catch (error) {
      request.authenticationFailure = error instanceof AuthenticationError ? error.reason : 'not verifiable';
    }
  });
  app.addHook('preParsing', async (request: FastifyRequest, reply: FastifyReply) => {
    const reason = request.authenticationFailure;
    if (reason === null) return;
    return reply
      .code(401)
      .header('www-authenticate', `Bearer error="invalid_token"`)
      .send({ errors: [{ message: `Invalid token: ${reason}`, extensions: { code: 'UNAUTHENTICATED', reason } }] });
  });
}
