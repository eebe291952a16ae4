/**
 * Legal holds on clips (issue 10 §3, docs/recording.md "Bewaartermijn en bewaarplicht"). A hold
 * keeps a clip past its retention: for a police report, a complaint, a court case. It has a reason,
 * optionally a police report number, an end (`until`, ISO UTC; a date-only value means "through
 * that day" in Europe/Amsterdam), who placed it and when. Several holds may stand on one clip; the
 * clip is held while any of them is live (not released, end not passed). A hold that ends stops
 * protecting at once: the next retention sweep deletes the clip if its retention has passed.
 *
 * The privacy officer sets a maximum (days). A hold is placed within it; extending past it needs a
 * new reason (not one the hold already gave) and is recorded as beyond the maximum. Pure: the
 * clock and the maximum are passed in.
 */
import type { HoldErrorCode } from './hold-errors.js';
import { startOfLocalDay } from '../policy/local-date.js';
import { err, ok, type Result } from '../result.js';

export const HOLD_TIME_ZONE = 'Europe/Amsterdam';
export const DEFAULT_HOLD_MAX_DAYS = 365;
export const HOLD_MAX_DAYS_LIMIT = 3650;
/** The settings key (settings table) of the hold maximum; set only through the hold-policy route. */
export const HOLD_MAX_DAYS_SETTING = 'footage.holdMaxDays';

const REASON_MIN = 3;
const REASON_MAX = 1000;
const POLICE_REPORT_MAX = 100;
const DAY_MS = 86_400_000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export interface LegalHold {
  readonly id: string;
  readonly clipId: string;
  readonly reason: string;
  readonly policeReport: string | null;
  /** ISO UTC: the hold protects the clip until this instant (exclusive). */
  readonly until: string;
  readonly placedBy: string;
  readonly placedAt: string;
  /** The last extension, if any. */
  readonly extendedAt: string | null;
  readonly extendedBy: string | null;
  readonly extensionReason: string | null;
  /** Extended past the maximum (with a new reason) at least once. */
  readonly beyondMaximum: boolean;
  readonly releasedAt: string | null;
  readonly releasedBy: string | null;
  readonly releaseReason: string | null;
}

export type HoldState = 'live' | 'released' | 'expired';

export const holdState = (h: LegalHold, now: Date): HoldState =>
  h.releasedAt !== null ? 'released' : Date.parse(h.until) > now.getTime() ? 'live' : 'expired';

export const liveHolds = (holds: readonly LegalHold[], now: Date): LegalHold[] =>
  holds.filter((h) => holdState(h, now) === 'live');

/** Whether any hold keeps the clip now, and until when the last of them runs (null: not held). */
export const heldUntil = (holds: readonly LegalHold[], now: Date): string | null =>
  liveHolds(holds, now).reduce<string | null>((a, h) => (a === null || h.until > a ? h.until : a), null);

/** The local calendar date (YYYY-MM-DD) of an instant in a time zone. */
export const localDate = (iso: string, timeZone: string = HOLD_TIME_ZONE): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(iso),
  );

const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/**
 * The end of a hold as an ISO UTC instant: a date-only value (YYYY-MM-DD) holds through that
 * whole day in the time zone (so it ends at the start of the next local day); a date-time with an
 * offset is taken as it is. Undefined when malformed.
 */
export const resolveUntil = (input: string, timeZone: string = HOLD_TIME_ZONE): string | undefined => {
  const s = input.trim();
  if (DATE_ONLY.test(s)) {
    if (Number.isNaN(Date.parse(`${s}T00:00:00Z`)) || addDays(s, 0) !== s) return undefined;
    const ms = startOfLocalDay(addDays(s, 1), timeZone);
    return ms === undefined ? undefined : new Date(ms).toISOString();
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(s)) return undefined;
  const ms = Date.parse(s);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
};

/** The latest end a hold placed at `placedAt` may have: through the day `maxDays` days later (local). */
export const maximumEnd = (placedAt: string, maxDays: number, timeZone: string = HOLD_TIME_ZONE): string => {
  const ms = startOfLocalDay(addDays(localDate(placedAt, timeZone), maxDays + 1), timeZone);
  return new Date(ms ?? Date.parse(placedAt) + (maxDays + 1) * DAY_MS).toISOString();
};

export const checkHoldMaxDays = (v: unknown): Result<number, HoldErrorCode> =>
  Number.isInteger(v) && (v as number) >= 1 && (v as number) <= HOLD_MAX_DAYS_LIMIT
    ? ok(v as number)
    : err(
        'HOLD.POLICY_INVALID',
        `the hold maximum must be a whole number of days from 1 to ${HOLD_MAX_DAYS_LIMIT}`,
        {
          field: 'maxDays',
        },
      );

/** The stored setting, or the default when unset or unusable. */
export const holdMaxDaysOf = (stored: unknown): number => {
  const r = checkHoldMaxDays(stored);
  return r.ok ? r.value : DEFAULT_HOLD_MAX_DAYS;
};

const checkReason = (reason: string | undefined, field = 'reason'): Result<string, HoldErrorCode> => {
  const r = (reason ?? '').trim();
  return r.length >= REASON_MIN && r.length <= REASON_MAX
    ? ok(r)
    : err('HOLD.REASON_REQUIRED', `a reason of ${REASON_MIN} to ${REASON_MAX} characters is required`, {
        field,
      });
};

const checkFutureUntil = (until: string, now: Date, timeZone: string): Result<string, HoldErrorCode> => {
  const u = resolveUntil(until, timeZone);
  if (u === undefined)
    return err('HOLD.UNTIL_INVALID', 'until must be a date (YYYY-MM-DD) or an ISO date-time with offset', {
      field: 'until',
    });
  if (Date.parse(u) <= now.getTime())
    return err('HOLD.UNTIL_INVALID', `until (${u}) lies in the past`, { field: 'until', until: u });
  return ok(u);
};

export interface HoldRules {
  readonly now: Date;
  readonly maxDays: number;
  readonly timeZone?: string;
}

export interface PlacementInput {
  readonly reason: string;
  readonly policeReport?: string | null | undefined;
  readonly until: string;
}

/** What a new hold stores, or the first thing wrong with the request. */
export const planPlacement = (
  input: PlacementInput,
  rules: HoldRules,
): Result<{ reason: string; policeReport: string | null; until: string }, HoldErrorCode> => {
  const tz = rules.timeZone ?? HOLD_TIME_ZONE;
  const reason = checkReason(input.reason);
  if (!reason.ok) return reason;
  const pr = (input.policeReport ?? '').trim();
  if (pr.length > POLICE_REPORT_MAX)
    return err(
      'HOLD.REASON_REQUIRED',
      `the police report number is at most ${POLICE_REPORT_MAX} characters`,
      {
        field: 'policeReport',
      },
    );
  const until = checkFutureUntil(input.until, rules.now, tz);
  if (!until.ok) return until;
  const max = maximumEnd(rules.now.toISOString(), rules.maxDays, tz);
  if (until.value > max)
    return err('HOLD.BEYOND_MAXIMUM', `a hold may run until ${max} at most (maximum ${rules.maxDays} days)`, {
      field: 'until',
      maxDays: rules.maxDays,
      maximumUntil: max,
    });
  return ok({ reason: reason.value, policeReport: pr === '' ? null : pr, until: until.value });
};

const sameText = (a: string | null, b: string): boolean =>
  a !== null && a.trim().toLowerCase() === b.trim().toLowerCase();

/** The extended hold's new end and reason; past the maximum only with a reason the hold has not given yet. */
export const planExtension = (
  hold: LegalHold,
  input: { readonly until: string; readonly reason: string },
  rules: HoldRules,
): Result<{ until: string; reason: string; beyondMaximum: boolean }, HoldErrorCode> => {
  const tz = rules.timeZone ?? HOLD_TIME_ZONE;
  const state = holdState(hold, rules.now);
  if (state !== 'live')
    return err('HOLD.ENDED', `the hold is ${state}; place a new hold instead`, { holdId: hold.id, state });
  const reason = checkReason(input.reason);
  if (!reason.ok) return reason;
  const until = checkFutureUntil(input.until, rules.now, tz);
  if (!until.ok) return until;
  if (until.value <= hold.until)
    return err('HOLD.NOT_LATER', `the hold already runs until ${hold.until}`, {
      field: 'until',
      until: hold.until,
    });
  const beyond = until.value > maximumEnd(hold.placedAt, rules.maxDays, tz);
  if (beyond && (sameText(hold.reason, reason.value) || sameText(hold.extensionReason, reason.value)))
    return err(
      'HOLD.NEW_REASON_REQUIRED',
      `past the maximum of ${rules.maxDays} days a new reason is required`,
      {
        field: 'reason',
        maxDays: rules.maxDays,
      },
    );
  return ok({ until: until.value, reason: reason.value, beyondMaximum: beyond });
};

/** Release: a live hold only, with a reason. */
export const planRelease = (
  hold: LegalHold,
  input: { readonly reason: string },
  now: Date,
): Result<{ reason: string }, HoldErrorCode> => {
  const state = holdState(hold, now);
  if (state !== 'live') return err('HOLD.ENDED', `the hold is already ${state}`, { holdId: hold.id, state });
  const reason = checkReason(input.reason);
  return reason.ok ? ok({ reason: reason.value }) : reason;
};
