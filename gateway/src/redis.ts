import Redis from 'ioredis';

/** A Redis command that does not answer within this is a failure: callers fall back rather than wait. */
const COMMAND_TIMEOUT_MS = 100;

/**
 * A Redis client for state the gateway replicas share (`REDIS_URL`): rate-limit buckets, APQ documents. Commands
 * fail at once while Redis is unreachable (no offline queue, no retries) and ioredis keeps reconnecting in the
 * background, so Redis being down degrades the hub to per-replica state instead of slowing requests.
 */
export function sharedStateRedis(url: string, onConnectionError: (error: Error) => void): Redis {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: COMMAND_TIMEOUT_MS,
    lazyConnect: true,
    // On stop, a socket that never connected is not waited for (ioredis would hold the process 2 s).
    disconnectTimeout: 100,
  });
  redis.on('error', onConnectionError);
  return redis;
}
