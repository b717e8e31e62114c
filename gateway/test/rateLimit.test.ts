import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { ANONYMOUS, type Identity, type Logger } from '@govhub/shared';
import { takeToken, type BucketPolicy, type BucketStore, type Take } from '../src/rateLimit/bucket';
import { addressKey, trustProxyFromEnv } from '../src/rateLimit/clientAddress';
import { parseRateLimit, rateLimitConfigFromEnv, type RateLimitConfig } from '../src/rateLimit/config';
import { FallbackBucketStore } from '../src/rateLimit/fallbackStore';
import { rateLimitField, rateLimitPolicyField, retryAfterSeconds } from '../src/rateLimit/headers';
import { consumerOf, createRateLimiter, RateLimiter } from '../src/rateLimit/limiter';
import { MemoryBucketStore } from '../src/rateLimit/memoryStore';
import { RedisBucketStore } from '../src/rateLimit/redisStore';

/** A clock the test moves by hand. */
function fakeClock(start = 1_700_000_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

/** A logger that keeps what it was told. */
function recordingLogger() {
  const lines: { level: string; message: string }[] = [];
  const record =
    (level: string) =>
    (...args: unknown[]) =>
      void lines.push({ level, message: String(args.find((arg) => typeof arg === 'string')) });
  const logger = { warn: record('warn'), info: record('info'), debug: record('debug'), error: record('error') } as unknown as Logger;
  return { logger, lines };
}

const agency = (code: string): Identity => ({ kind: 'agency', sub: `${code}-officer`, agency: code, purpose: null, scopes: new Set(['agency']) });
const citizen = (nationalId: string): Identity => ({
  kind: 'citizen',
  sub: nationalId,
  agency: null,
  purpose: null,
  scopes: new Set(['citizen:self']),
});

async function takeMany(store: BucketStore, key: string, policy: BucketPolicy, count: number): Promise<Take[]> {
  const takes: Take[] = [];
  for (let i = 0; i < count; i++) takes.push(await store.take(key, policy));
  return takes;
}

describe('token bucket arithmetic (fake clock)', () => {
  const policy: BucketPolicy = { capacity: 3, refillPerSecond: 1 };

  it('starts full, spends one token a request, and refuses the request after the burst', async () => {
    const clock = fakeClock();
    const store = new MemoryBucketStore(clock.now);
    const takes = await takeMany(store, 'a', policy, 4);
    expect(takes.map((take) => [take.allowed, take.remaining])).toEqual([
      [true, 2],
      [true, 1],
      [true, 0],
      [false, 0],
    ]);
    expect(takes[3].msUntilMore).toBe(1000);
  });

  it('refills at its rate: half a token is not enough, a whole one is', async () => {
    const clock = fakeClock();
    const store = new MemoryBucketStore(clock.now);
    await takeMany(store, 'a', policy, 3);
    clock.advance(500);
    const early = await store.take('a', policy);
    expect(early).toEqual({ allowed: false, remaining: 0, msUntilMore: 500 });
    clock.advance(500);
    expect(await store.take('a', policy)).toEqual({ allowed: true, remaining: 0, msUntilMore: 1000 });
  });

  it('never holds more than its capacity, however long it rests', async () => {
    const clock = fakeClock();
    const store = new MemoryBucketStore(clock.now);
    await takeMany(store, 'a', policy, 3);
    clock.advance(3_600_000);
    expect((await takeMany(store, 'a', policy, 4)).map((take) => take.allowed)).toEqual([true, true, true, false]);
  });

  it('keeps fractions of a token between requests', () => {
    const fast: BucketPolicy = { capacity: 2, refillPerSecond: 4 };
    const first = takeToken(undefined, fast, 0);
    const second = takeToken(first.bucket, fast, 0);
    expect(second.take).toEqual({ allowed: true, remaining: 0, msUntilMore: 250 });
    const refused = takeToken(second.bucket, fast, 100);
    expect(refused.take).toEqual({ allowed: false, remaining: 0, msUntilMore: 150 });
    expect(takeToken(refused.bucket, fast, 250).take.allowed).toBe(true);
  });

  it('keeps one bucket per key', async () => {
    const store = new MemoryBucketStore(fakeClock().now);
    await takeMany(store, 'a', policy, 3);
    expect((await store.take('a', policy)).allowed).toBe(false);
    expect((await store.take('b', policy)).allowed).toBe(true);
  });

  it('forgets buckets that are full again, and keeps at most its maximum', async () => {
    const clock = fakeClock();
    const store = new MemoryBucketStore(clock.now, 100);
    for (let i = 0; i < 50; i++) await store.take(`old-${i}`, policy);
    clock.advance(1_001);
    await store.take('new', policy);
    expect(store.size).toBe(1);
    for (let i = 0; i < 500; i++) await store.take(`crowd-${i}`, policy);
    expect(store.size).toBe(100);
  });
});

describe('rate limit settings', () => {
  it('reads "N/s" and "N/min", with an optional burst', () => {
    expect(parseRateLimit('600/min', 'X')).toEqual({ capacity: 600, refillPerSecond: 10 });
    expect(parseRateLimit('1000/s,burst=2000', 'X')).toEqual({ capacity: 2000, refillPerSecond: 1000 });
    expect(parseRateLimit(' 30/min, burst=5 ', 'X')).toEqual({ capacity: 5, refillPerSecond: 0.5 });
  });

  it('turns a class off with 0 or off', () => {
    expect(parseRateLimit('0', 'X')).toBeNull();
    expect(parseRateLimit('off', 'X')).toBeNull();
  });

  it.each(['100', '10/h', '0/s', '-5/s', '10/s,burst=0', '10/s burst', 'fast'])('refuses %p at start, naming the variable', (value) => {
    expect(() => parseRateLimit(value, 'GOVHUB_RATE_LIMIT_AGENCY')).toThrow(/GOVHUB_RATE_LIMIT_AGENCY must be "N\/s" or "N\/min"/);
  });

  it('defaults to limits that a few hundred requests a second from one agency stay far below', () => {
    const config = rateLimitConfigFromEnv({});
    expect(config.redisUrl).toBeNull();
    expect(config.policies.agency).toEqual({ capacity: 2000, refillPerSecond: 1000 });
    expect(config.policies.citizen).toEqual({ capacity: 200, refillPerSecond: 100 });
    expect(config.policies.anonymous).toEqual({ capacity: 400, refillPerSecond: 200 });
    expect(rateLimitConfigFromEnv({ GOVHUB_RATE_LIMIT_ANONYMOUS: 'off', REDIS_URL: 'redis://cache:6379' })).toMatchObject({
      policies: { anonymous: null },
      redisUrl: 'redis://cache:6379',
    });
  });

  it('trusts forwarding proxies only when told which', () => {
    expect(trustProxyFromEnv({})).toBe(false);
    expect(trustProxyFromEnv({ GOVHUB_TRUST_PROXY: 'true' })).toBe(true);
    expect(trustProxyFromEnv({ GOVHUB_TRUST_PROXY: '10.0.0.0/8, 192.168.1.4' })).toEqual(['10.0.0.0/8', '192.168.1.4']);
    const twoHops = trustProxyFromEnv({ GOVHUB_TRUST_PROXY: '2' }) as (address: string, hop: number) => boolean;
    expect([0, 1, 2].map((hop) => twoHops('10.0.0.1', hop))).toEqual([true, true, false]);
  });
});

describe('consumers and headers', () => {
  it("counts an agency's officers together, a person alone, an anonymous caller by address", () => {
    expect(consumerOf(agency('DOPA'), '10.0.0.1')).toEqual({ consumerClass: 'agency', id: 'DOPA' });
    expect(consumerOf(citizen('1101700203450'), '10.0.0.1')).toEqual({ consumerClass: 'citizen', id: '1101700203450' });
    expect(consumerOf({ ...citizen('user-7'), kind: 'user' }, '10.0.0.1')).toEqual({ consumerClass: 'citizen', id: 'user-7' });
    expect(consumerOf(ANONYMOUS, '203.0.113.9')).toEqual({ consumerClass: 'anonymous', id: '203.0.113.9' });
  });

  it('counts an IPv6 caller by its /64 network, and an IPv4-mapped one by its IPv4 address', () => {
    expect(addressKey('2001:db8:85a3:0042:1000:8a2e:370:7334')).toBe('2001:db8:85a3:42::/64');
    expect(addressKey('2001:db8:85a3:42::1')).toBe(addressKey('2001:db8:85a3:42:ffff::2'));
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('::ffff:203.0.113.9')).toBe('203.0.113.9');
  });

  it("writes the draft's RateLimit-Policy and RateLimit fields and a Retry-After never before their end", () => {
    expect(rateLimitPolicyField('agency', { capacity: 600, refillPerSecond: 10 })).toBe('"agency";q=600;w=60');
    expect(rateLimitPolicyField('agency', { capacity: 2000, refillPerSecond: 1000 })).toBe('"agency";q=2000;w=2');
    expect(rateLimitPolicyField('anonymous', { capacity: 5, refillPerSecond: 100 })).toBe('"anonymous";q=5;w=1');
    expect(rateLimitField('agency', { allowed: true, remaining: 599, msUntilMore: 100 })).toBe('"agency";r=599;t=0');
    const refused: Take = { allowed: false, remaining: 0, msUntilMore: 1_500 };
    expect(rateLimitField('anonymous', refused)).toBe('"anonymous";r=0;t=1');
    expect(retryAfterSeconds(refused)).toBe(2);
    expect(retryAfterSeconds({ allowed: false, remaining: 0, msUntilMore: 1 })).toBe(1);
  });

  it('tells onRejected of each refusal, by class, and leaves a class without a limit alone', async () => {
    const config: RateLimitConfig = { policies: { agency: { capacity: 1, refillPerSecond: 1 }, citizen: null, anonymous: null }, redisUrl: null };
    const rejected: string[] = [];
    const limiter = new RateLimiter(config, new MemoryBucketStore(fakeClock().now), (consumerClass) => rejected.push(consumerClass));
    expect((await limiter.check(agency('DOPA'), '::1'))?.take.allowed).toBe(true);
    expect((await limiter.check(agency('DOPA'), '::1'))?.take.allowed).toBe(false);
    expect(await limiter.check(citizen('1101700203450'), '::1')).toBeNull();
    expect(await limiter.check(ANONYMOUS, '::1')).toBeNull();
    expect(rejected).toEqual(['agency']);
  });
});

describe('when Redis cannot be reached', () => {
  it('counts in memory, logs it once, and fails no request', async () => {
    const { logger, lines } = recordingLogger();
    const unreachable = new RedisBucketStore('redis://127.0.0.1:1', `govhub-test:${randomUUID()}:`);
    expect(await unreachable.connect()).toBe(false);
    const store = new FallbackBucketStore(unreachable, new MemoryBucketStore(), logger);
    try {
      const takes = await takeMany(store, 'a', { capacity: 2, refillPerSecond: 0.001 }, 3);
      expect(takes.map((take) => take.allowed)).toEqual([true, true, false]);
      expect(lines.filter((line) => line.level === 'warn').map((line) => line.message)).toEqual([
        "rate limits: Redis is unavailable; counting in this replica's memory until it is back",
      ]);
    } finally {
      await store.close();
    }
  });

  it('still limits through the limiter the gateway creates for REDIS_URL', async () => {
    const { logger, lines } = recordingLogger();
    const config: RateLimitConfig = {
      policies: { agency: null, citizen: null, anonymous: { capacity: 1, refillPerSecond: 0.001 } },
      redisUrl: 'redis://127.0.0.1:1',
    };
    const limiter = await createRateLimiter(config, logger);
    try {
      expect((await limiter.check(ANONYMOUS, '203.0.113.9'))?.take.allowed).toBe(true);
      expect((await limiter.check(ANONYMOUS, '203.0.113.9'))?.take.allowed).toBe(false);
      expect(lines.map((line) => line.level)).toEqual(expect.arrayContaining(['warn']));
    } finally {
      await limiter.close();
    }
  });
});

const redisUrl = process.env.REDIS_URL;
const describeWithRedis = redisUrl ? describe : describe.skip;

describeWithRedis(`the Redis store (${redisUrl ? `on ${redisUrl}` : 'skipped: REDIS_URL is not set'})`, () => {
  const stores: RedisBucketStore[] = [];
  /** A store on the machine's Redis, under a prefix of this test's own. */
  async function redisStore(prefix: string): Promise<RedisBucketStore> {
    const store = new RedisBucketStore(redisUrl!, prefix);
    expect(await store.connect()).toBe(true);
    stores.push(store);
    return store;
  }
  afterAll(() => Promise.all(stores.map((store) => store.close())));

  it('takes tokens exactly as the in-memory arithmetic does', async () => {
    const slow: BucketPolicy = { capacity: 4, refillPerSecond: 0.001 };
    const inRedis = await takeMany(await redisStore(`govhub-test:${randomUUID()}:`), 'a', slow, 6);
    const inMemory = await takeMany(new MemoryBucketStore(fakeClock().now), 'a', slow, 6);
    expect(inRedis.map((take) => [take.allowed, take.remaining])).toEqual(inMemory.map((take) => [take.allowed, take.remaining]));
    // Real time passes between Redis calls (a few ms of a 1,000 s refill): the wait may be that much shorter.
    for (const [index, take] of inRedis.entries()) {
      expect(take.msUntilMore).toBeLessThanOrEqual(inMemory[index].msUntilMore);
      expect(take.msUntilMore).toBeGreaterThan(inMemory[index].msUntilMore * 0.99);
    }
  });

  it("refills with Redis's own clock", async () => {
    const store = await redisStore(`govhub-test:${randomUUID()}:`);
    const fast: BucketPolicy = { capacity: 1, refillPerSecond: 20 };
    expect((await store.take('a', fast)).allowed).toBe(true);
    const refused = await store.take('a', fast);
    expect(refused.allowed).toBe(false);
    expect(refused.msUntilMore).toBeLessThanOrEqual(50);
    await new Promise((resolve) => setTimeout(resolve, refused.msUntilMore + 5));
    expect((await store.take('a', fast)).allowed).toBe(true);
  });

  it('lets two limiters (two gateway replicas) share one bucket, atomically', async () => {
    const prefix = `govhub-test:${randomUUID()}:`;
    const config: RateLimitConfig = {
      policies: { agency: { capacity: 20, refillPerSecond: 0.001 }, citizen: null, anonymous: null },
      redisUrl: redisUrl!,
    };
    const [first, second] = [new RateLimiter(config, await redisStore(prefix)), new RateLimiter(config, await redisStore(prefix))];
    const checks = await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? first : second).check(agency('DOPA'), '::1')));
    expect(checks.filter((check) => check?.take.allowed)).toHaveLength(20);
    expect((await first.check(agency('DOPA'), '::1'))?.take.allowed).toBe(false);
    expect((await second.check(agency('DOPA'), '::1'))?.take.allowed).toBe(false);
    expect((await second.check(agency('MOC'), '::1'))?.take.allowed).toBe(true);
  });

  it('lets a key expire once its bucket would be full again', async () => {
    const prefix = `govhub-test:${randomUUID()}:`;
    const store = await redisStore(prefix);
    await store.take('a', { capacity: 10, refillPerSecond: 10 });
    const client = new Redis(redisUrl!);
    try {
      const ttl = await client.pttl(`${prefix}a`);
      expect(ttl).toBeGreaterThan(1000);
      expect(ttl).toBeLessThanOrEqual(1100);
    } finally {
      client.disconnect();
    }
  });
});
