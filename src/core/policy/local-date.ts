/**
 * Date-only values (a review date, a start date, `validUntil: "2025-02-01"`) mean a day in the
 * policy's time zone, not UTC: "2025-02-01" starts at 00:00 Europe/Amsterdam, which is
 * 2025-01-31T23:00:00Z in winter and 22:00Z in summer. Pure; one helper for the whole core.
 */
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** Offset (ms) of a time zone from UTC at an instant: local wall time minus UTC. */
export const offsetAt = (ms: number, timeZone: string): number => {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(ms));
  const n = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? '0');
  const wall = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return wall - Math.floor(ms / 1000) * 1000;
};

/** The instant (ms) at which a calendar day starts in a time zone; undefined for a malformed date. */
export const startOfLocalDay = (date: string, timeZone: string): number | undefined => {
  if (!DATE_ONLY.test(date)) return undefined;
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(utcMidnight)) return undefined;
  // Two passes: the offset at the guess may differ from the offset at the answer around a DST change.
  const first = utcMidnight - offsetAt(utcMidnight, timeZone);
  return utcMidnight - offsetAt(first, timeZone);
};

/** An ISO instant, or a date-only value as the start of that day in the time zone; undefined if malformed. */
export const resolveInstant = (iso: string | undefined, timeZone: string): number | undefined => {
  if (iso === undefined) return undefined;
  if (DATE_ONLY.test(iso)) return startOfLocalDay(iso, timeZone);
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : ms;
};

/** An instant as local time in the time zone with its UTC offset, ISO 8601 (2026-03-29T03:00:00+02:00). */
export const localIsoWithOffset = (iso: string, timeZone: string): string => {
  const ms = Date.parse(iso);
  const offset = offsetAt(ms, timeZone);
  const wall = new Date(Math.floor(ms / 1000) * 1000 + offset).toISOString().slice(0, 19);
  const minutes = Math.round(Math.abs(offset) / 60000);
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${wall}${offset < 0 ? '-' : '+'}${hh}:${mm}`;
};
