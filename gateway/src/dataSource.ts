import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { GraphQLError } from 'graphql';
import { FORWARDED_IDENTITY_HEADER, signForwardedIdentity, type SigningKey } from '@govhub/shared';
import type { HubContext } from './context';

/** Signed identities are reused for 30 s (they live 60 s): callers of the same shape share one signature. */
const REUSE_MS = 30_000;
const signed = new Map<string, { token: Promise<string>; until: number }>();

function signedFor(context: HubContext, key: SigningKey): Promise<string> {
  const { identity, grants } = context;
  const shape = JSON.stringify([key.kid, identity.kind, identity.sub, identity.agency, identity.purpose, [...identity.scopes].sort(), grants]);
  const now = Date.now();
  const cached = signed.get(shape);
  if (cached && cached.until > now) return cached.token;
  if (signed.size > 10_000) signed.clear();
  const token = signForwardedIdentity({ ...identity, grants }, key);
  signed.set(shape, { token, until: now + REUSE_MS });
  return token;
}

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
    request.http?.headers.set(FORWARDED_IDENTITY_HEADER, await signedFor(hub, this.identityKey));
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
