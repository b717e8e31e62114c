import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { HubContext } from './context';

/** Calls one subgraph over HTTP, carrying the request id so logs of every hop line up. */
export class HubDataSource extends RemoteGraphQLDataSource<HubContext> {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<HubContext>): void {
    if ('requestId' in context && context.requestId) request.http?.headers.set('x-request-id', context.requestId);
  }
}
