import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { GraphQLError } from 'graphql';
import { FORWARDED_IDENTITY_HEADER } from '@govhub/shared';
import type { HubContext } from './context';
import type { ForwardedIdentitySigner } from './forwardedIdentity';
import { assertGraphQLResponse } from './resilience/failures';
import { errorFromResponse, readGraphQLBody, restrictCachePolicy, subgraphFetcher } from './resilience/httpFetcher';
import type { SubgraphGuard } from './resilience/subgraphGuard';

function isHubContext(context: object): context is HubContext {
  return 'requestId' in context;
}

/**
 * Calls one subgraph over HTTP. Each call carries the request id and the caller's identity with the grants the
 * gateway decided for that subgraph's datasets, signed by the gateway for that call alone (every attempt signs
 * afresh): subgraphs refuse anything else, and enforce row-level rules from it.
 * Every call goes through the subgraph's guard (timeout within the request's deadline, retries of queries, circuit
 * breaker); a failure becomes an error naming the domain, so the rest of the answer still arrives.
 * It does what @apollo/gateway's RemoteGraphQLDataSource does for a gateway without persisted subgraph queries
 * (the same body, headers, errors and cache hints), written for the call path: one plain header object a call, the
 * attempt's abort signal handed to fetch directly, and no unused node-fetch Request built for every call.
 */
export class HubDataSource implements GraphQLDataSource<HubContext> {
  constructor(
    readonly url: string,
    private readonly signIdentity: ForwardedIdentitySigner,
    private readonly guard: SubgraphGuard,
    /** Told of every call's duration and, when it failed, its error code (the metrics). */
    private readonly onFetch: (seconds: number, errorCode?: string) => void = () => undefined,
  ) {}

  async process(options: GraphQLDataSourceProcessOptions<HubContext>): Promise<GatewayGraphQLResponse> {
    const started = performance.now();
    try {
      const response = await this.guarded(options);
      this.onFetch((performance.now() - started) / 1000);
      return response;
    } catch (error) {
      const code = error instanceof GraphQLError ? error.extensions.code : undefined;
      this.onFetch((performance.now() - started) / 1000, typeof code === 'string' ? code : 'UNKNOWN');
      throw error;
    }
  }

  private guarded(options: GraphQLDataSourceProcessOptions<HubContext>): Promise<GatewayGraphQLResponse> {
    const context = isHubContext(options.context) ? options.context : undefined;
    return this.guard.call(
      async (signal) => {
        const response = await this.send(options, signal);
        assertGraphQLResponse(response);
        return response;
      },
      { retryable: isQuery(options), deadline: context?.deadline, logger: context?.logger },
    );
  }

  private async send(options: GraphQLDataSourceProcessOptions<HubContext>, signal: AbortSignal): Promise<GatewayGraphQLResponse> {
    const { http, ...payload } = options.request;
    if (!payload.query) throw new Error('Missing query');
    const headers: Record<string, string> = {};
    for (const [name, value] of http?.headers ?? []) headers[name.toLowerCase()] = value;
    headers['content-type'] = 'application/json';
    if ('incomingRequestContext' in options && isHubContext(options.context)) {
      headers['x-request-id'] = options.context.requestId;
      headers[FORWARDED_IDENTITY_HEADER] = await this.signIdentity(options.context, options.incomingRequestContext.schema, payload);
    }
    const response = await subgraphFetcher(this.url, { method: 'POST', headers, body: JSON.stringify(payload), signal });
    if (!response.ok) throw await errorFromResponse(response);
    const body = await readGraphQLBody(response);
    if ('incomingRequestContext' in options) {
      restrictCachePolicy(options.incomingRequestContext.overallCachePolicy, response.headers.get('cache-control'));
    }
    return body;
  }
}

/**
 * Only the fetches of a client's query may be sent twice (every fetch of a mutation request is left alone, even its
 * entity lookups); anything unknown counts as a mutation.
 */
function isQuery(options: GraphQLDataSourceProcessOptions<HubContext>): boolean {
  return 'incomingRequestContext' in options && options.incomingRequestContext.operation?.operation === 'query';
}
