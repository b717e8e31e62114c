import type { FastifyInstance } from 'fastify';
import { clientError } from '@govhub/shared';

export const BAD_REQUEST_TARGET = 'BAD_REQUEST_TARGET';

/** RFC 3986's path characters without `;` (routers may split on it); escapes only of bytes that are not ASCII. */
const SEGMENT = /^(?:[A-Za-z0-9\-._~!$&'()*+,=:@]|%[89A-Fa-f][0-9A-Fa-f])*$/;

/**
 * Why a request target is not in the one spelling the hub serves, or null: a path (origin-form, so no absolute
 * form naming some host, no `*`), without a fragment, without empty, `.` or `..` segments, and without escapes of
 * ASCII characters, which the router decodes (`/%67raphql` is `/graphql` to it) where a proxy or a log would not.
 * A trailing slash is left to the routes: `/docs/` is one, `/graphql/` is not.
 */
export function requestTargetProblem(target: string): string | null {
  if (!target.startsWith('/')) return 'The request target must be a path starting with /';
  if (target.includes('#')) return 'The request target must not carry a fragment (#)';
  const segments = target.split('?', 1)[0].slice(1).split('/');
  for (const [index, segment] of segments.entries()) {
    if (segment === '' && index < segments.length - 1) return 'The request target must not have empty path segments (//)';
    if (segment === '.' || segment === '..') return 'The request target must not have . or .. path segments';
    if (!SEGMENT.test(segment)) return "The request target's path must not escape ASCII characters (%xx) or use ; or \\";
  }
  return null;
}

/** Refuses a non-canonical target before any other hook or route sees the request: 400 BAD_REQUEST_TARGET. */
export function registerCanonicalTargets(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    const problem = requestTargetProblem(request.raw.url ?? '');
    if (problem) return reply.code(400).send(clientError(problem, BAD_REQUEST_TARGET));
  });
}
