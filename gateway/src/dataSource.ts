import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { GraphQLError } from 'graphql';
import { FORWARDED_IDENTITY_HEADER, signForwardedIdentity, type SigningKey } from '@govhub/shared';
import type { HubContext } from './context';

const signedIdentity = new WeakMap<HubContext, Promise<string>>();

/**
 * Calls one subgraph over HTTP. Each call carries the request id and the caller's identity with the grants the
 * gateway decided, signed by the gateway: subgraphs refuse anything else, and enforce row-level rules from it.
 * A subgraph that cannot be reached becomes an error naming its domain, so the rest of the answer still arrives.
 */
export class HubDataSource extends RemoteGraphQLDataSource<HubContext> {
  constructor(
    private readonly domain: string,
    url: string,
    private readonly identityKey: SigningKey,
  ) {
    super({ url });
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<HubContext>): Promise<void> {
    if (!('requestId' in context)) return;
    const hub = context as HubContext;
    request.http?.headers.set('x-request-id', hub.requestId);
    let token = signedIdentity.get(hub);
    if (!token) {
      token = signForwardedIdentity({ ...hub.identity, requestId: hub.requestId, grants: hub.grants }, this.identityKey);
      signedIdentity.set(hub, token);
    }
    request.http?.headers.set(FORWARDED_IDENTITY_HEADER, await token);
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
