/**
 * A small in-memory sliding-window limiter for login attempts per client address. Account
 * lock-out (in the database) stops guessing one account; this stops spraying many.
 */
export interface RateLimiter {
  /** Records an attempt; false when the key is over its limit. */
  hit(key: string, nowMs: number): boolean;
}

export const slidingWindowLimiter = (max: number, windowMs: number, maxKeys = 10_000): RateLimiter => {
  const hits = new Map<string, number[]>();
  return {
    hit(key, nowMs) {
      const recent = (hits.get(key) ?? []).filter((t) => nowMs - t < windowMs);
      const allowed = recent.length < max;
      if (allowed) recent.push(nowMs);
      hits.delete(key);
      hits.set(key, recent);
      // Bound memory: forget the least recently used keys.
      if (hits.size > maxKeys) {
        const oldest = hits.keys().next().value;
        if (oldest !== undefined) hits.delete(oldest);
      }
      return allowed;
    },
  };
};
