import type Redis from 'ioredis';
import { sharedStateRedis } from '../redis';
import type { BucketPolicy, BucketStore, Take } from './bucket';

/**
 * bucket.ts's `takeToken`, in Lua: Redis runs a script atomically, so replicas taking from one bucket at the same
 * moment cannot both spend its last token. Time is Redis's own (TIME), so replicas' clocks need not agree. The key
 * expires once the bucket would be full again.
 */
const TAKE_TOKEN = `
local capacity = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'updated')
local available = capacity
if state[1] then
  local elapsed = math.max(0, now - tonumber(state[2]))
  available = math.min(capacity, tonumber(state[1]) + elapsed * rate / 1000)
end
local allowed = 0
local tokens = available
if available >= 1 then
  allowed = 1
  tokens = available - 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'updated', now)
redis.call('PEXPIRE', KEYS[1], math.ceil((capacity - tokens) * 1000 / rate) + 1000)
return { allowed, math.floor(tokens), math.ceil((math.floor(tokens) + 1 - tokens) * 1000 / rate) }
`;

type TakeTokenReply = [allowed: number, remaining: number, msUntilMore: number];
type RedisWithTakeToken = Redis & { govhubTakeToken(key: string, capacity: number, refillPerSecond: number): Promise<TakeTokenReply> };

/** Buckets in Redis (`REDIS_URL`), shared by every gateway replica. */
export class RedisBucketStore implements BucketStore {
  private readonly redis: RedisWithTakeToken;

  constructor(
    url: string,
    private readonly keyPrefix = 'govhub:ratelimit:',
    onConnectionError: (error: Error) => void = () => undefined,
  ) {
    this.redis = sharedStateRedis(url, onConnectionError) as RedisWithTakeToken;
    this.redis.defineCommand('govhubTakeToken', { numberOfKeys: 1, lua: TAKE_TOKEN });
  }

  /** Connects now, so the first requests need not fall back; a failure here is not fatal (it keeps trying). */
  async connect(): Promise<boolean> {
    return this.redis.connect().then(
      () => true,
      () => false,
    );
  }

  async take(key: string, policy: BucketPolicy): Promise<Take> {
    const [allowed, remaining, msUntilMore] = await this.redis.govhubTakeToken(this.keyPrefix + key, policy.capacity, policy.refillPerSecond);
    return { allowed: allowed === 1, remaining, msUntilMore };
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}
