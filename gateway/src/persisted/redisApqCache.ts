import type Redis from 'ioredis';
import type { Logger } from '@govhub/shared';
import { sharedStateRedis } from '../redis';

/**
 * Apollo Server's APQ store (its KeyValueCache) in Redis (`REDIS_URL`), so a query registered through one gateway replica is known to
 * all. A Redis failure is a cache miss (the client then sends the text once more), never a failed request.
 */
export class RedisApqCache {
  private readonly redis: Redis;

  constructor(
    url: string,
    private readonly logger: Logger,
    private readonly keyPrefix = 'govhub:',
  ) {
    this.redis = sharedStateRedis(url, (error) => logger.debug({ err: error }, 'APQ cache: Redis connection error'));
  }

  async connect(): Promise<boolean> {
    return this.redis.connect().then(
      () => true,
      () => false,
    );
  }

  async get(key: string): Promise<string | undefined> {
    return (await this.attempt(() => this.redis.get(this.keyPrefix + key))) ?? undefined;
  }

  async set(key: string, value: string, options?: { ttl?: number | null }): Promise<void> {
    const ttl = options?.ttl;
    await this.attempt(() => (ttl ? this.redis.set(this.keyPrefix + key, value, 'EX', Math.ceil(ttl)) : this.redis.set(this.keyPrefix + key, value)));
  }

  async delete(key: string): Promise<boolean | undefined> {
    await this.attempt(() => this.redis.del(this.keyPrefix + key));
    return undefined;
  }

  close(): void {
    this.redis.disconnect();
  }

  private async attempt<T>(command: () => Promise<T>): Promise<T | null> {
    try {
      return await command();
    } catch (error) {
      this.logger.debug({ err: error }, 'APQ cache: Redis unavailable, treated as a miss');
      return null;
    }
  }
}
