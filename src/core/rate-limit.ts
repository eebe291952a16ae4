/**
 * The one rate-limit rule (login attempts, public pages, button presses): a sliding window of
 * admitted hits per key. A hit is admitted while fewer than `max` were admitted in the last
 * `windowMs`, or when forced (a button press that would raise a new alarm is never lost); a
 * refused hit is not recorded, so it does not prolong the wait. The in-memory limiter applies it
 * here; the PostgreSQL limiter (adapters/limits/rate-limits.ts) applies the same rule in SQL.
 */
export interface WindowLimit {
  readonly max: number;
  readonly windowMs: number;
}

export interface WindowDecision {
  readonly admit: boolean;
  /** The admitted hit times (ms) still inside the window, including this one if admitted. */
  readonly history: readonly number[];
}

export const decideHit = (
  history: readonly number[],
  nowMs: number,
  limit: WindowLimit,
  force = false,
): WindowDecision => {
  const recent = history.filter((t) => nowMs - t < limit.windowMs && t <= nowMs);
  if (force || recent.length < limit.max) return { admit: true, history: [...recent, nowMs] };
  return { admit: false, history: recent };
};
