import type { Identity, Logger } from '@govhub/shared';
import type { BucketPolicy, BucketStore, Take } from './bucket';
import { addressKey } from './clientAddress';
import type { ConsumerClass, RateLimitConfig } from './config';
import { FallbackBucketStore } from './fallbackStore';
import { MemoryBucketStore } from './memoryStore';
import { RedisBucketStore } from './redisStore';

export interface Consumer {
  consumerClass: ConsumerClass;
  id: string;
}

/** One request's verdict, and what its response headers say. */
export interface RateLimitDecision extends Consumer {
  policy: BucketPolicy;
  take: Take;
}

/** An agency's officers share the agency's bucket; anyone else signed in has their own; anonymous callers their address's. */
export function consumerOf(identity: Identity, ip: string): Consumer {
  if (identity.kind === 'agency' && identity.agency) return { consumerClass: 'agency', id: identity.agency };
  if (identity.kind !== 'anonymous' && identity.sub) return { consumerClass: 'citizen', id: identity.sub };
  return { consumerClass: 'anonymous', id: addressKey(ip) };
}

export class RateLimiter {
  constructor(
    private readonly config: RateLimitConfig,
    private readonly store: BucketStore,
    /** Told of every refusal, by consumer class (the metrics count them). */
    private readonly onRejected: (consumerClass: ConsumerClass) => void = () => undefined,
  ) {}

  /** Takes a token from the caller's bucket; null when the caller's class has no limit. */
  async check(identity: Identity, ip: string): Promise<RateLimitDecision | null> {
    const consumer = consumerOf(identity, ip);
    const policy = this.config.policies[consumer.consumerClass];
    if (!policy) return null;
    // The policy is part of the key: replicas (or test hubs) with different settings never share a bucket sized for another.
    const take = await this.store.take(`${consumer.consumerClass}:${policy.capacity}:${policy.refillPerSecond}:${consumer.id}`, policy);
    if (!take.allowed) this.onRejected(consumer.consumerClass);
    return { ...consumer, policy, take };
  }

  close(): Promise<void> {
    return this.store.close();
  }
}

/** In memory, or in Redis with this process's memory as the fallback while Redis is unreachable. */
export async function createRateLimiter(
  config: RateLimitConfig,
  logger: Logger,
  onRejected?: (consumerClass: ConsumerClass) => void,
): Promise<RateLimiter> {
  if (!config.redisUrl) return new RateLimiter(config, new MemoryBucketStore(), onRejected);
  const redis = new RedisBucketStore(config.redisUrl, undefined, (error) => logger.debug({ err: error }, 'rate limits: Redis connection error'));
  const connected = await redis.connect();
  logger.info({ redis: connected ? 'connected' : 'unreachable' }, 'rate limits shared through Redis');
  return new RateLimiter(config, new FallbackBucketStore(redis, new MemoryBucketStore(), logger), onRejected);
}
