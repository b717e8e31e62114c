/**
 * Counts events over the last `windowMs`, in buckets of `bucketMs` (memory stays bounded however busy the
 * subgraph is). The oldest, partly elapsed bucket is dropped, so the window covers between `windowMs - bucketMs`
 * and `windowMs`.
 */
export class SlidingWindow<K extends string> {
  private buckets: { start: number; counts: Record<K, number> }[] = [];

  constructor(
    private readonly keys: readonly K[],
    private readonly windowMs: number,
    private readonly bucketMs: number,
    private readonly now: () => number,
  ) {}

  add(key: K): void {
    const start = Math.floor(this.now() / this.bucketMs) * this.bucketMs;
    let last = this.buckets.at(-1);
    if (!last || last.start !== start) {
      last = { start, counts: Object.fromEntries(this.keys.map((k) => [k, 0])) as Record<K, number> };
      this.buckets.push(last);
      this.prune();
    }
    last.counts[key]++;
  }

  count(key: K): number {
    this.prune();
    return this.buckets.reduce((sum, bucket) => sum + bucket.counts[key], 0);
  }

  reset(): void {
    this.buckets = [];
  }

  private prune(): void {
    const oldest = this.now() - this.windowMs;
    while (this.buckets.length && this.buckets[0].start <= oldest) this.buckets.shift();
  }
}
