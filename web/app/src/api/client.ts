import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { HubUnreachable, RequestFailed, SessionExpired, type HubError } from './errors';
import { persisted } from './persisted';

export interface GraphQLResult<TData> {
  data: TData | null;
  errors: HubError[];
}

const ENDPOINT = '/graphql';
/** How the hub's usage records and safelist (`GOVHUB_SAFELIST_CLIENTS`) know this app. */
const CLIENT_NAME = 'govhub-citizen-app';

/**
 * Runs one operation on the hub as the signed-in citizen, as an automatic persisted query: the hash alone first;
 * only when the hub does not know it yet (PERSISTED_QUERY_NOT_FOUND) the text follows, once. With data the result
 * may still carry errors (partial data); without data it throws.
 */
export async function execute<TData, TVariables>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  token: string | null,
): Promise<GraphQLResult<TData>> {
  const { operationName, query, sha256Hash } = persisted(document);
  const hash = await sha256Hash;
  const base = { operationName, variables };
  let result = await post<TData>(hash ? { ...base, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } } : { ...base, query }, token);
  if (hash && result.errors.some((error) => error.extensions?.code === 'PERSISTED_QUERY_NOT_FOUND')) {
    result = await post<TData>({ ...base, query, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }, token);
  }
  if (result.data === null) throw new RequestFailed(result.errors[0]?.extensions?.code ?? result.errors[0]?.message ?? 'no data');
  return result;
}

async function post<TData>(body: object, token: string | null): Promise<GraphQLResult<TData>> {
  let response: Response;
  try {
    response = await fetch(ENDPOINT, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'apollographql-client-name': CLIENT_NAME,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(body),
    });
  } catch {
    throw new HubUnreachable('the hub cannot be reached');
  }
  if (response.status === 401) throw new SessionExpired('the token was refused');
  let payload: { data?: TData | null; errors?: HubError[] };
  try {
    payload = await response.json();
  } catch {
    throw new RequestFailed(`HTTP ${response.status}`);
  }
  return { data: payload.data ?? null, errors: payload.errors ?? [] };
}
