/**
 * A route's limit per client address (login attempts, public pages) over the RateLimits port:
 * in memory on one instance, in PostgreSQL across several (ADR 0017). Account lock-out (in the
 * database) stops guessing one account; this stops spraying many.
 */
import type { RateLimits } from '../../services/ports.js';

export interface RateLimiter {
  /** Records an attempt; false when the key is over its limit. */
  hit(key: string, nowMs: number): Promise<boolean>;
}

export const windowLimiter = (
  limits: RateLimits,
  scope: string,
  max: number,
  windowMs: number,
): RateLimiter => ({
  hit: (key, nowMs) => limits.admit(scope, key, nowMs, { max, windowMs }),
});
