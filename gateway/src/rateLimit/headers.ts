import type { BucketPolicy, Take } from './bucket';

/**
 * The fields of draft-ietf-httpapi-ratelimit-headers (draft 11): `RateLimit-Policy: "agency";q=2000;w=2` (the
 * bucket holds q requests and fills up in w seconds) and `RateLimit: "agency";r=1999;t=0` (r requests left; no more
 * than r within the next t seconds, the time until the bucket gains a whole token, rounded down so it is never
 * promised early). `Retry-After` on a refusal is that time rounded up, so it is never before the end of `t`.
 */
export function rateLimitPolicyField(name: string, policy: BucketPolicy): string {
  return `"${name}";q=${policy.capacity};w=${Math.max(1, Math.round(policy.capacity / policy.refillPerSecond))}`;
}

export function rateLimitField(name: string, take: Take): string {
  return `"${name}";r=${take.remaining};t=${Math.floor(take.msUntilMore / 1000)}`;
}

export function retryAfterSeconds(take: Take): number {
  return Math.max(1, Math.ceil(take.msUntilMore / 1000));
}
