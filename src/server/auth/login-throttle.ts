// Slows password guessing: after too many failures within a window, an account or an address is refused until the
// window has passed. Held in memory per app instance (a restart forgives, which is acceptable for a throttle).

export interface ThrottleLimits {
  maxFailures: number;
  windowSeconds: number;
}

export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limits: ThrottleLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until `keys` may try again, or 0 when none of them is blocked. */
  retryAfter(keys: string[]): number {
    const now = this.now();
    let wait = 0;
    for (const key of keys) {
      const recent = this.recent(key, now);
      if (recent.length >= this.limits.maxFailures) {
        const oldest = recent[recent.length - this.limits.maxFailures]!;
        wait = Math.max(wait, Math.ceil((oldest + this.limits.windowSeconds * 1000 - now) / 1000));
      }
    }
    return wait;
  }

  recordFailure(keys: string[]): void {
    const now = this.now();
    for (const key of keys) this.failures.set(key, [...this.recent(key, now), now]);
  }

  recordSuccess(keys: string[]): void {
    for (const key of keys) this.failures.delete(key);
  }

  private recent(key: string, now: number): number[] {
    const cutoff = now - this.limits.windowSeconds * 1000;
    const recent = (this.failures.get(key) ?? []).filter((t) => t > cutoff);
    if (recent.length === 0) this.failures.delete(key);
    return recent;
  }
}
