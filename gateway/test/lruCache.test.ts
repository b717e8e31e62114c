import { LruCache } from '../src/lruCache';

it('keeps the most recently used operations within its bound, and hands back the recent ones when drained', () => {
  const cache = new LruCache<number>(3);
  for (const [key, value] of [
    ['a', 1],
    ['b', 2],
    ['c', 3],
  ] as const)
    cache.set(key, value);
  expect(cache.get('a')).toBe(1);
  cache.set('d', 4);
  expect(cache.get('b')).toBeUndefined();
  expect(cache.drain(2)).toEqual([
    ['d', 4],
    ['a', 1],
  ]);
  expect(cache.get('c')).toBeUndefined();
  cache.set('e', 5);
  expect(cache.drain(0)).toEqual([]);
  expect(cache.get('e')).toBeUndefined();
});
