import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { GraphQLError } from 'graphql';
import type { HubContext } from './context';

/**
 * Calls one subgraph over HTTP, carrying the request id so logs of every hop line up. A subgraph that cannot be
 * reached becomes an error naming its domain, so the rest of the answer still arrives (partial data).
 */
export class HubDataSource extends RemoteGraphQLDataSource<HubContext> {
  constructor(private readonly domain: string, url: string) {
    super({ url });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<HubContext>): void {
    if ('requestId' in context && context.requestId) request.http?.headers.set('x-request-id', context.requestId);
  }

  override async process(options: GraphQLDataSourceProcessOptions<HubContext>): Promise<GatewayGraphQLResponse> {
    try {
      return await super.process(options);
    } catch (error) {
      throw new GraphQLError(`[${this.domain}] the ${this.domain} subgraph is unavailable`, {
        extensions: { code: 'SUBGRAPH_UNAVAILABLE', domain: this.domain, serviceName: this.domain, reason: (error as Error).message },
      });
    }
  }
}
