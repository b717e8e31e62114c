/** A bounded least-recently-used map: a hit moves the entry to the young end, an insert past the bound drops the oldest. */
export class LruCache<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly capacity: number) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }

  /** Empties the cache, handing back the `limit` most recently used entries, the most recent first. */
  drain(limit: number): [string, V][] {
    const recent = limit > 0 ? [...this.entries].slice(-limit).reverse() : [];
    this.clear();
    return recent;
  }

  clear(): void {
    this.entries.clear();
  }
}
