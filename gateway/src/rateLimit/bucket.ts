/** A token bucket's shape: it holds at most `capacity` tokens (the burst) and gains `refillPerSecond` every second. */
export interface BucketPolicy {
  capacity: number;
  refillPerSecond: number;
}

/** A bucket's state: its tokens (fractional) when last touched. */
export interface Bucket {
  tokens: number;
  updatedMs: number;
}

/** What taking one token said. */
export interface Take {
  allowed: boolean;
  /** Whole tokens left after this request. */
  remaining: number;
  /** Until the bucket holds one more whole token: when a refused client may come back. */
  msUntilMore: number;
}

/** Where buckets live: one process's memory, or Redis shared by every gateway replica. */
export interface BucketStore {
  take(key: string, policy: BucketPolicy): Promise<Take>;
  close(): Promise<void>;
}

/**
 * Takes one token from `bucket` (a full one when the consumer has none yet) at `nowMs`. redisStore.ts runs the same
 * arithmetic in Lua, so that it is atomic across replicas; gateway/test/rateLimit.test.ts runs one table on both.
 */
export function takeToken(bucket: Bucket | undefined, policy: BucketPolicy, nowMs: number): { take: Take; bucket: Bucket } {
  const elapsedMs = bucket ? Math.max(0, nowMs - bucket.updatedMs) : 0;
  const available = bucket ? Math.min(policy.capacity, bucket.tokens + (elapsedMs * policy.refillPerSecond) / 1000) : policy.capacity;
  const allowed = available >= 1;
  const tokens = allowed ? available - 1 : available;
  const msUntilMore = Math.ceil(((Math.floor(tokens) + 1 - tokens) * 1000) / policy.refillPerSecond);
  return { take: { allowed, remaining: Math.floor(tokens), msUntilMore }, bucket: { tokens, updatedMs: nowMs } };
}

/** When an untouched bucket is full again: after that it holds nothing a fresh bucket would not. */
export function fullAtMs(bucket: Bucket, policy: BucketPolicy): number {
  return bucket.updatedMs + ((policy.capacity - bucket.tokens) * 1000) / policy.refillPerSecond;
}
