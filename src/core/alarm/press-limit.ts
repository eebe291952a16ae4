/**
 * Per-button flood control. A stuck or hammered button must not flood the database, but a real
 * press must never be lost: a press that would raise a new alarm (nothing open in its room) is
 * always admitted; only presses that would merely join an open alarm are throttled. The window
 * rule is core/rate-limit.ts; the limiter that keeps the history is a port (RateLimits), shared
 * by the instances on one PostgreSQL.
 */
import type { WindowLimit } from '../rate-limit.js';

/** Admitted presses per device within windowMs before further joins are throttled. */
export type PressLimit = WindowLimit;

export const DEFAULT_PRESS_LIMIT: PressLimit = { max: 5, windowMs: 10_000 };

/** The limiter's scope for button presses (a key per device). */
export const PRESS_SCOPE = 'press';
