import type { GraphQLSchema } from 'graphql';

/** A small LRU keyed per schema: after a supergraph reload nothing computed on the old one is served, and the cache fills again as requests come. */
export class BoundedCache<V> {
  private readonly entries = new Map<string, V>();
  private schema: GraphQLSchema | null = null;
  constructor(private readonly capacity: number) {}

  get(key: string, schema: GraphQLSchema, compute: () => V): V {
    if (schema !== this.schema) {
      this.entries.clear();
      this.schema = schema;
    }
    if (this.entries.has(key)) {
      const value = this.entries.get(key) as V;
      this.entries.delete(key);
      this.entries.set(key, value);
      return value;
    }
    const value = compute();
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    return value;
  }
}
