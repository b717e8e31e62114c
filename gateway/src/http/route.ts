import type { FastifyRequest } from 'fastify';

/**
 * Whether the route registered at `url` serves the request. Controls hang on Fastify's matched route, never on how
 * the target is spelled: the router decodes `/%67raphql` to `/graphql` where a comparison of strings would not.
 */
export function servedBy(request: FastifyRequest, url: string): boolean {
  return request.routeOptions.url === url;
}
