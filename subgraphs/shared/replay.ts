/**
 * Remembers token ids (`jti`) until their tokens expire, so that a captured token is accepted once
 * only. Each process keeps its own memory: replicas of one subgraph do not share it (a shared store
 * would be needed for that; see the README). Memory is bounded: entries leave as their tokens
 * expire, and when `capacity` unexpired ids are held, new tokens are refused (fail closed) rather
 * than old ids forgotten.
 */
export class TokenIdMemory {
  /** jti -> when it may be forgotten (ms since epoch). Insertion order is close to expiry order. */
  private readonly expiries = new Map<string, number>();

  constructor(private readonly capacity = 200_000) {}

  /**
   * Records the first use of `jti`, remembered until `forgetAfterMs`. Answers 'used' when it was
   * seen before and 'full' when the memory holds `capacity` unexpired ids; nothing is recorded then.
   */
  use(jti: string, forgetAfterMs: number, now = Date.now()): 'first' | 'used' | 'full' {
    const known = this.expiries.get(jti);
    if (known !== undefined) {
      if (known > now) return 'used';
      this.expiries.delete(jti);
    }
    this.forgetExpired(now);
    if (this.expiries.size >= this.capacity) return 'full';
    this.expiries.set(jti, forgetAfterMs);
    return 'first';
  }

  get size(): number {
    return this.expiries.size;
  }

  /** Drops expired ids from the front (the oldest); stops at the first one still live. */
  private forgetExpired(now: number): void {
    for (const [jti, expiry] of this.expiries) {
      if (expiry > now) return;
      this.expiries.delete(jti);
    }
  }
}
