import { fullAtMs, takeToken, type Bucket, type BucketPolicy, type BucketStore, type Take } from './bucket';

/** Buckets one process keeps at most: beyond this the least recently used are dropped (they count as full). */
const DEFAULT_MAX_BUCKETS = 100_000;

/**
 * Buckets in this process's memory. The map is kept in order of last use, so buckets that are full again (no
 * different from a fresh one) are dropped from its front as new ones arrive, and anonymous callers from millions of
 * addresses cannot grow it without bound.
 */
export class MemoryBucketStore implements BucketStore {
  private readonly buckets = new Map<string, Bucket & { fullAtMs: number }>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly maxBuckets = DEFAULT_MAX_BUCKETS,
  ) {}

  get size(): number {
    return this.buckets.size;
  }

  async take(key: string, policy: BucketPolicy): Promise<Take> {
    const nowMs = this.now();
    const result = takeToken(this.buckets.get(key), policy, nowMs);
    this.buckets.delete(key);
    this.buckets.set(key, { ...result.bucket, fullAtMs: fullAtMs(result.bucket, policy) });
    this.dropStale(nowMs);
    return result.take;
  }

  async close(): Promise<void> {
    this.buckets.clear();
  }

  private dropStale(nowMs: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.fullAtMs > nowMs && this.buckets.size <= this.maxBuckets) return;
      this.buckets.delete(key);
    }
  }
}
