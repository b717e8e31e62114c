import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { GraphQLError } from 'graphql';
import { FORWARDED_IDENTITY_HEADER, signForwardedIdentity, type SigningKey } from '@govhub/shared';
import type { HubContext } from './context';
import { assertGraphQLResponse } from './resilience/failures';
import { subgraphFetcher, withAttemptSignal } from './resilience/httpFetcher';
import type { SubgraphGuard } from './resilience/subgraphGuard';

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

function isHubContext(context: object): context is HubContext {
  return 'requestId' in context;
}

/**
 * Calls one subgraph over HTTP. Each call carries the request id and the caller's identity with the grants the
 * gateway decided, signed by the gateway: subgraphs refuse anything else, and enforce row-level rules from it.
 * Every call goes through the subgraph's guard (timeout within the request's deadline, retries of queries, circuit
 * breaker); a failure becomes an error naming the domain, so the rest of the answer still arrives.
 */
export class HubDataSource extends RemoteGraphQLDataSource<HubContext> {
  constructor(
    url: string,
    private readonly identityKey: SigningKey,
    private readonly guard: SubgraphGuard,
    /** Told of every call's duration and, when it failed, its error code (the metrics). */
    private readonly onFetch: (seconds: number, errorCode?: string) => void = () => undefined,
  ) {
    super({ url, fetcher: subgraphFetcher });
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<HubContext>): Promise<void> {
    if (!isHubContext(context)) return;
    request.http?.headers.set('x-request-id', context.requestId);
    request.http?.headers.set(FORWARDED_IDENTITY_HEADER, await signedFor(context, this.identityKey));
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
