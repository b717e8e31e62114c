/**
 * The ids (`jti`) of the forwarded identities a subgraph has accepted, each kept until its token could no longer
 * verify anyway: a forwarded identity is good for one request. When full of ids still live it refuses new ones
 * rather than forget one early, which would let that token be replayed.
 */
export class SpentTokenIds {
  private readonly liveUntil = new Map<string, number>();

  constructor(private readonly capacity = 100_000) {}

  /** Records `id` as spent until `untilMs`; false if it already was (or there is no room to remember it). */
  spend(id: string, untilMs: number, now = Date.now()): boolean {
    this.forgetExpired(now);
    if (this.liveUntil.has(id) || this.liveUntil.size >= this.capacity) return false;
    this.liveUntil.set(id, untilMs);
    return true;
  }

  get size(): number {
    return this.liveUntil.size;
  }

  /** Every token lives as long, so ids expire about in the order they came: the expired ones are at the front. */
  private forgetExpired(now: number): void {
    for (const [id, until] of this.liveUntil) {
      if (until > now) return;
      this.liveUntil.delete(id);
    }
  }
}
