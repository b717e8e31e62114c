/**
 * Remembers what a token verified to, until it expires (at most `maxAgeMs`): the same token is presented again and
 * again, and an ES256 verification costs more than the rest of a small request. A token is only ever looked up by
 * its exact text, so a cached entry can never vouch for a different token.
 */
export class VerifiedTokenCache<T> {
  private readonly entries = new Map<string, { value: T; until: number }>();

  constructor(
    private readonly capacity = 10_000,
    private readonly maxAgeMs = 60_000,
  ) {}

  async get(token: string, verify: (token: string) => Promise<{ value: T; expiresAt: number | undefined }>): Promise<T> {
    const now = Date.now();
    const hit = this.entries.get(token);
    if (hit && hit.until > now) return hit.value;
    if (hit) this.entries.delete(token);
    const { value, expiresAt } = await verify(token);
    const until = Math.min(now + this.maxAgeMs, (expiresAt ?? Infinity) * 1000);
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(token, { value, until });
    return value;
  }
}
