import type { FastifyInstance } from 'fastify';
import { servedBy } from '../http/route';
import { rateLimitField, rateLimitPolicyField, retryAfterSeconds } from './headers';
import type { RateLimiter } from './limiter';

export const RATE_LIMITED = 'RATE_LIMITED';

/**
 * Rate limits on requests the route `route` serves, as soon as the caller is known: registered after authentication's onRequest
 * hook and before the body is read, so a throttled client costs neither body parsing nor GraphQL parsing. Every
 * answer carries the RateLimit fields; a refusal is HTTP 429 with `Retry-After` and a GraphQL-shaped error. CORS
 * preflights are not counted.
 */
export function registerRateLimits(app: FastifyInstance, route: string, limiter: RateLimiter): void {
  app.addHook('onRequest', async (request, reply) => {
    if (request.method === 'OPTIONS' || !servedBy(request, route)) return;
    const decision = await limiter.check(request.identity, request.ip);
    if (!decision) return;
    reply.header('ratelimit-policy', rateLimitPolicyField(decision.consumerClass, decision.policy));
    reply.header('ratelimit', rateLimitField(decision.consumerClass, decision.take));
    if (decision.take.allowed) return;
    const retryAfter = retryAfterSeconds(decision.take);
    return reply
      .code(429)
      .header('retry-after', String(retryAfter))
      .send({
        errors: [
          {
            message: `Too many requests for this ${decision.consumerClass === 'anonymous' ? 'address' : decision.consumerClass}: retry in ${retryAfter} s`,
            extensions: { code: RATE_LIMITED, retryAfter },
          },
        ],
      });
  });
}
