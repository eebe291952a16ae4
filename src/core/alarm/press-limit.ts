/**
 * Per-button flood control. A stuck or hammered button must not flood the database, but a real
 * press must never be lost: a press that would raise a new alarm (nothing open in its room) is
 * always admitted; only presses that would merely join an open alarm are throttled.
 */
export interface PressLimit {
  /** Admitted presses per device within windowMs before further joins are throttled. */
  readonly max: number;
  readonly windowMs: number;
}

export const DEFAULT_PRESS_LIMIT: PressLimit = { max: 5, windowMs: 10_000 };

export interface PressDecision {
  readonly admit: boolean;
  /** The device's admitted press times (ms) still inside the window, including this one if admitted. */
  readonly history: readonly number[];
}

export const decidePress = (
  history: readonly number[],
  nowMs: number,
  limit: PressLimit,
  wouldRaiseNewAlarm: boolean,
): PressDecision => {
  const recent = history.filter((t) => nowMs - t < limit.windowMs && t <= nowMs);
  if (wouldRaiseNewAlarm || recent.length < limit.max) return { admit: true, history: [...recent, nowMs] };
  return { admit: false, history: recent };
};
