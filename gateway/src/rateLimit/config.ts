import type { BucketPolicy } from './bucket';

/** Who a bucket belongs to: an agency (all its officers together), a signed-in person, an anonymous address. */
export type ConsumerClass = 'agency' | 'citizen' | 'anonymous';

/** Rate limits on `/graphql` (README, "Rate limits"): a bucket policy per consumer class, null when off. */
export interface RateLimitConfig {
  policies: Record<ConsumerClass, BucketPolicy | null>;
  /** Share the buckets of every replica in this Redis; null keeps them in memory. */
  redisUrl: string | null;
}

/**
 * Generous: they stop floods, not people or agencies' systems. One agency's systems together may sustain 1,000
 * requests a second; a person 100 (a citizen token reads public data and its own record, so it is load that is
 * limited, not exposure); an anonymous address 200, since many people share one address behind a mobile carrier's NAT.
 */
export const DEFAULT_RATE_LIMITS: Readonly<Record<ConsumerClass, string>> = {
  agency: '1000/s,burst=2000',
  citizen: '100/s,burst=200',
  anonymous: '200/s,burst=400',
};

const ENV_NAMES: Readonly<Record<ConsumerClass, string>> = {
  agency: 'GOVHUB_RATE_LIMIT_AGENCY',
  citizen: 'GOVHUB_RATE_LIMIT_CITIZEN',
  anonymous: 'GOVHUB_RATE_LIMIT_ANONYMOUS',
};

const POLICY = /^(\d+)\/(s|min)(?:,burst=(\d+))?$/;
const SECONDS_PER_UNIT = { s: 1, min: 60 } as const;

/**
 * "N/s" or "N/min" refills N tokens a second or a minute into a bucket that holds N (a second's or a minute's
 * worth), or the burst given with ",burst=B"; "0" or "off" turns the class's limit off.
 */
export function parseRateLimit(value: string, name: string): BucketPolicy | null {
  const text = value.replace(/\s+/g, '');
  if (text === '0' || text === 'off') return null;
  const match = POLICY.exec(text);
  const rate = match ? Number(match[1]) : 0;
  const burst = match?.[3] === undefined ? rate : Number(match[3]);
  if (!match || rate < 1 || burst < 1) {
    throw new Error(`${name} must be "N/s" or "N/min" with N of 1 or more, optionally ",burst=B" (B of 1 or more), or "off"; not "${value}"`);
  }
  return { capacity: burst, refillPerSecond: rate / SECONDS_PER_UNIT[match[2] as keyof typeof SECONDS_PER_UNIT] };
}

export function rateLimitConfigFromEnv(env: NodeJS.ProcessEnv = process.env): RateLimitConfig {
  const policy = (consumer: ConsumerClass) => parseRateLimit(env[ENV_NAMES[consumer]] || DEFAULT_RATE_LIMITS[consumer], ENV_NAMES[consumer]);
  return {
    policies: { agency: policy('agency'), citizen: policy('citizen'), anonymous: policy('anonymous') },
    redisUrl: env.REDIS_URL || null,
  };
}
