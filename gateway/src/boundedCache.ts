import type { GraphQLSchema } from 'graphql';
import { LruCache } from './lruCache';

/** An LRU keyed per schema: after a supergraph reload nothing computed on the old one is served, and the cache fills again as requests come. */
export class BoundedCache<V> {
  private readonly entries: LruCache<V>;
  private schema: GraphQLSchema | null = null;

  constructor(capacity: number) {
    this.entries = new LruCache(capacity);
  }

  get(key: string, schema: GraphQLSchema, compute: () => V): V {
    if (schema !== this.schema) {
      this.entries.clear();
      this.schema = schema;
    }
    const kept = this.entries.get(key);
    if (kept !== undefined) return kept;
    const value = compute();
    this.entries.set(key, value);
    return value;
  }
}
