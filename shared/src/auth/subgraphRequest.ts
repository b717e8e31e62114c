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
  const canonical = `{"operationName":${canonicalJson(operationName ?? null)},"query":${canonicalJson(query ?? null)},"variables":${canonicalJson(variables ?? null)}}`;
  return createHash('sha256').update(canonical).digest('base64url');
}

/**
 * `JSON.stringify(value)` with the keys of every object sorted, written out directly: it runs for every subgraph
 * call, and building a sorted copy of each object for JSON.stringify's replacer cost more than the hash itself.
 * A value with its own `toJSON` (a Date) goes through JSON.stringify, which applies it exactly.
 */
function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return JSON.stringify(value, sortedKeys);
  if (Array.isArray(value)) {
    let json = '[';
    for (let index = 0; index < value.length; index++) {
      if (index > 0) json += ',';
      json += omittedByJson(value[index]) ? 'null' : canonicalJson(value[index]);
    }
    return `${json}]`;
  }
  let json = '{';
  for (const key of Object.keys(value).sort()) {
    const member = (value as Record<string, unknown>)[key];
    if (omittedByJson(member)) continue;
    if (json.length > 1) json += ',';
    json += `${JSON.stringify(key)}:${canonicalJson(member)}`;
  }
  return `${json}}`;
}

/** Values JSON leaves out of an object (and writes as null in an array). */
function omittedByJson(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

function sortedKeys(_key: string, value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, (value as Record<string, unknown>)[key]]),
  );
}
