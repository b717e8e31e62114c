import { randomUUID } from 'node:crypto';
import { createLogger } from '@govhub/shared';
import { RedisApqCache } from '../src/persisted/redisApqCache';

/** APQ documents shared by gateway replicas through Redis; Redis down is a miss, never an error. */
const redisUrl = process.env.REDIS_URL;
const logger = createLogger('test-apq');

it('treats an unreachable Redis as a cache miss, never an error', async () => {
  const cache = new RedisApqCache('redis://127.0.0.1:1', logger);
  try {
    await cache.set('apq:abc', '{ __typename }', { ttl: 60 });
    expect(await cache.get('apq:abc')).toBeUndefined();
    await expect(cache.delete('apq:abc')).resolves.toBeUndefined();
  } finally {
    cache.close();
  }
});

(redisUrl ? describe : describe.skip)(`with REDIS_URL (${redisUrl ? 'set' : 'not set: skipped'})`, () => {
  it('shares a registered document between replicas, and forgets it after its ttl', async () => {
    const prefix = `govhub-test:${randomUUID()}:`;
    const [one, two] = [new RedisApqCache(redisUrl!, logger, prefix), new RedisApqCache(redisUrl!, logger, prefix)];
    try {
      expect(await Promise.all([one.connect(), two.connect()])).toEqual([true, true]);
      await one.set('apq:doc', 'query Doc { __typename }', { ttl: 1 });
      expect(await two.get('apq:doc')).toBe('query Doc { __typename }');
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(await two.get('apq:doc')).toBeUndefined();
      await one.set('apq:kept', 'query Kept { __typename }');
      await two.delete('apq:kept');
      expect(await one.get('apq:kept')).toBeUndefined();
    } finally {
      one.close();
      two.close();
    }
  });
});
