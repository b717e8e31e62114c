import type { Logger } from '@govhub/shared';
import type { BucketPolicy, BucketStore, Take } from './bucket';

/**
 * The shared store (Redis) while it answers, this process's own buckets while it does not: a Redis outage makes the
 * limits per replica for a while, and never fails a request. Each change of store is logged once.
 */
export class FallbackBucketStore implements BucketStore {
  private degraded = false;

  constructor(
    private readonly shared: BucketStore,
    private readonly local: BucketStore,
    private readonly logger: Logger,
  ) {}

  async take(key: string, policy: BucketPolicy): Promise<Take> {
    try {
      const take = await this.shared.take(key, policy);
      if (this.degraded) {
        this.degraded = false;
        this.logger.info('rate limits: Redis answers again; buckets are shared by every replica');
      }
      return take;
    } catch (error) {
      if (!this.degraded) {
        this.degraded = true;
        this.logger.warn({ err: error }, "rate limits: Redis is unavailable; counting in this replica's memory until it is back");
      }
      return this.local.take(key, policy);
    }
  }

  async close(): Promise<void> {
    await Promise.all([this.shared.close(), this.local.close()]);
  }
}
