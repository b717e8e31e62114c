import type { GatewayGraphQLRequest } from '@apollo/server-gateway-interface';
import type { GraphQLSchema } from 'graphql';
import { signForwardedIdentity, type Grants, type SigningKey } from '@govhub/shared';
import type { HubContext } from './context';

/** Signs the identity one call to one subgraph carries. */
export type ForwardedIdentitySigner = (context: HubContext, schema: GraphQLSchema, request: GatewayGraphQLRequest) => Promise<string>;

/**
 * For calls to `subgraph`: the caller's identity with the grants of only the datasets that subgraph serves (in the
 * supergraph the request was planned on), signed afresh for that subgraph and that body. An agency's subgraph so
 * never holds another domain's grants, and nothing it holds opens another request.
 */
export function forwardedIdentitySigner(
  key: SigningKey,
  subgraph: string,
  datasetsServedBy: (schema: GraphQLSchema, subgraph: string) => ReadonlySet<string>,
): ForwardedIdentitySigner {
  return (context, schema, request) => {
    const served = datasetsServedBy(schema, subgraph);
    const grants: Grants = Object.fromEntries(Object.entries(context.grants).filter(([dataset]) => served.has(dataset)));
    return signForwardedIdentity({ ...context.identity, grants }, key, { subgraph, request });
  };
}
