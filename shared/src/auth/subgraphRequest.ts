import { createHash } from 'node:crypto';

/** What a subgraph executes: the parts of its request body that the forwarded identity is bound to. */
export interface SubgraphRequest {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
}

/**
 * SHA-256 (base64url) of `{query, operationName, variables}` as canonical JSON: keys sorted at every level, an absent
 * part as null. The gateway hashes the request it is about to serialise, the subgraph the body it parsed: both hold
 * the same JSON values, and sorting leaves nothing to the order keys happened to arrive in.
 */
export function subgraphRequestDigest({ query, operationName, variables }: SubgraphRequest): string {
  const canonical = JSON.stringify({ query: query ?? null, operationName: operationName ?? null, variables: variables ?? null }, sortedKeys);
  return createHash('sha256').update(canonical).digest('base64url');
}

function sortedKeys(_key: string, value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, (value as Record<string, unknown>)[key]]),
  );
}
