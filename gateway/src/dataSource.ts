import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { GraphQLError } from 'graphql';
import { FORWARDED_IDENTITY_HEADER } from '@govhub/shared';
import type { HubContext } from './context';
import type { ForwardedIdentitySigner } from './forwardedIdentity';
import { assertGraphQLResponse } from './resilience/failures';
import { subgraphFetcher, withAttemptSignal } from './resilience/httpFetcher';
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
 */
export class HubDataSource extends RemoteGraphQLDataSource<HubContext> {
  constructor(
    url: string,
    private readonly signIdentity: ForwardedIdentitySigner,
    private readonly guard: SubgraphGuard,
    /** Told of every call's duration and, when it failed, its error code (the metrics). */
    private readonly onFetch: (seconds: number, errorCode?: string) => void = () => undefined,
  ) {
    super({ url, fetcher: subgraphFetcher });
  }

  override async willSendRequest(options: GraphQLDataSourceProcessOptions<HubContext>): Promise<void> {
    const { request, context } = options;
    if (!isHubContext(context) || !('incomingRequestContext' in options)) return;
    request.http?.headers.set('x-request-id', context.requestId);
    request.http?.headers.set(FORWARDED_IDENTITY_HEADER, await this.signIdentity(context, options.incomingRequestContext.schema, request));
  }

  override async process(options: GraphQLDataSourceProcessOptions<HubContext>): Promise<GatewayGraphQLResponse> {
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
      (signal) =>
        withAttemptSignal(signal, async () => {
          const response = await super.process(options);
          assertGraphQLResponse(response);
          return response;
        }),
      { retryable: isQuery(options), deadline: context?.deadline, logger: context?.logger },
    );
  }
}

/**
 * Only the fetches of a client's query may be sent twice (every fetch of a mutation request is left alone, even its
 * entity lookups); anything unknown counts as a mutation.
 */
function isQuery(options: GraphQLDataSourceProcessOptions<HubContext>): boolean {
  return 'incomingRequestContext' in options && options.incomingRequestContext.operation?.operation === 'query';
}
