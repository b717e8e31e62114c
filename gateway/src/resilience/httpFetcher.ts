import type { GatewayCacheHint, GatewayCachePolicy, GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { GraphQLError } from 'graphql';
import { SubgraphFailure } from './failures';

/**
 * Subgraph HTTP through Node's own fetch (undici): a keep-alive connection pool per subgraph origin, without a cap
 * on connections, idle sockets closed after 4 s, before Node HTTP servers' 5 s keep-alive timeout, so a pooled
 * socket is not reused just as the subgraph closes it. (The gateway's default, make-fetch-happen, adds an HTTP
 * cache layer and cannot be aborted per call.) Each call is aborted by the signal of the attempt it belongs to
 * (`init.signal`). A redirect is refused (redirectRefused).
 */
export async function subgraphFetcher(url: string, init: RequestInit): Promise<Response> {
  const response = await fetch(url, { ...init, redirect: 'manual' });
  if (response.status < 300 || response.status >= 400) return response;
  await response.body?.cancel();
  throw redirectRefused(response.status);
}

/**
 * A subgraph's redirect is never followed: the call carries the gateway's signed identity header, which a redirect
 * would hand to wherever the subgraph (or whoever took over its address) pointed. It is a bad response, and counts
 * against the subgraph's circuit: a subgraph that redirects is misconfigured.
 */
function redirectRefused(status: number): SubgraphFailure {
  return new SubgraphFailure('SUBGRAPH_BAD_RESPONSE', `redirected (HTTP ${status}); redirects are not followed`, { status });
}

/** A JSON body as JSON, anything else as text (as @apollo/gateway reads a subgraph's answer). */
function readBody(response: Response): Promise<unknown> {
  const contentType = response.headers.get('content-type');
  const json = contentType?.startsWith('application/json') || contentType?.startsWith('application/graphql-response+json');
  return json ? response.json() : response.text();
}

/** The answer of a 2xx response; one that is not a JSON object is refused (a bad response, see classifyFailure). */
export async function readGraphQLBody(response: Response): Promise<GatewayGraphQLResponse> {
  const body = await readBody(response);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Error(`Expected JSON response body, but received: ${body}`);
  return body as GatewayGraphQLResponse;
}

/** A non-2xx answer as @apollo/gateway reports it: a GraphQLError carrying the response (see classifyFailure). */
export async function errorFromResponse(response: Response): Promise<GraphQLError> {
  const body = await readBody(response);
  const code = response.status === 401 ? 'UNAUTHENTICATED' : response.status === 403 ? 'FORBIDDEN' : undefined;
  return new GraphQLError(`${response.status}: ${response.statusText}`, {
    extensions: { response: { url: response.url, status: response.status, statusText: response.statusText, body }, ...(code ? { code } : {}) },
  });
}

/** The request's cache policy can be no looser than a subgraph's `Cache-Control` (none: not cacheable). */
export function restrictCachePolicy(policy: GatewayCachePolicy | undefined, cacheControl: string | null): void {
  if (!policy || !('restrict' in policy)) return;
  if (!cacheControl) {
    policy.restrict({ maxAge: 0 });
    return;
  }
  const directives = new Map<string, string | true>(
    cacheControl
      .trim()
      .split(/\s*,\s*/)
      .map((part) => {
        const [name, value] = part.split(/\s*=\s*/, 2);
        return [name, value?.replace(/^"|"$/g, '') ?? true];
      }),
  );
  const maxAge = directives.get('max-age');
  const hint: GatewayCacheHint = { maxAge: typeof maxAge === 'string' && /^[0-9]+$/.test(maxAge) ? Number(maxAge) : 0 };
  if (directives.get('private') === true) hint.scope = 'PRIVATE';
  if (directives.get('public') === true) hint.scope = 'PUBLIC';
  policy.restrict(hint);
}
