/**
 * The hours of risk (NEC-3): when incidents happened, by time of day in Dutch local time, against
 * the hours the measure covers. Pure: Intl converts instants, nothing reads a clock.
 */
import type { HourWindow } from './scenario.schema.js';

/** Incident times and the scope's hours are read in this zone (the product serves Dutch municipalities). */
export const ASSESSMENT_TIME_ZONE = 'Europe/Amsterdam';

/**
 * The hours of risk are the clock hours from the earliest to the latest incident, widened by this
 * margin on each side: a few incidents never mark the exact edge of the risk (our design choice).
 */
export const RISK_MARGIN_MINUTES = 120;

const DAY = 24 * 60;

/** Minutes after local midnight, start included, end excluded. */
export interface Span {
  readonly from: number;
  readonly to: number;
}

export interface LocalMoment {
  /** Calendar date in the zone, YYYY-MM-DD. */
  readonly date: string;
  /** Minutes after local midnight. */
  readonly minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const formatter = (timeZone: string): Intl.DateTimeFormat => {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
};

/** Local date and time of day of an ISO 8601 instant (with offset); undefined when it does not parse. */
export const localMoment = (
  iso: string,
  timeZone: string = ASSESSMENT_TIME_ZONE,
): LocalMoment | undefined => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return undefined;
  const parts = formatter(timeZone).formatToParts(new Date(ms));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    date: `${get('year')}-${get('month')}-${get('day')}`,
    minute: Number(get('hour')) * 60 + Number(get('minute')),
  };
};

const minutesOf = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/** The times of day the scope covers on any of its days, merged; all day when it sets no hours. */
export const coveredTimes = (hours: readonly HourWindow[] | undefined): Span[] => {
  if (hours === undefined || hours.length === 0) return [{ from: 0, to: DAY }];
  const spans = hours
    .map((w) => ({ from: minutesOf(w.from), to: minutesOf(w.to) }))
    .filter((s) => s.to > s.from)
    .sort((a, b) => a.from - b.from);
  const out: Span[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last !== undefined && s.from <= last.to)
      out[out.length - 1] = { from: last.from, to: Math.max(last.to, s.to) };
    else out.push(s);
  }
  return out;
};

/** From the start of the earliest incident's hour to the end of the latest's, widened by the margin. */
export const riskTimes = (
  incidentMinutes: readonly number[],
  margin = RISK_MARGIN_MINUTES,
): Span | undefined => {
  if (incidentMinutes.length === 0) return undefined;
  const first = Math.min(...incidentMinutes);
  const last = Math.max(...incidentMinutes);
  return {
    from: Math.max(0, Math.floor(first / 60) * 60 - margin),
    to: Math.min(DAY, (Math.floor(last / 60) + 1) * 60 + margin),
  };
};

/** The parts of `covered` outside `risk`. */
export const outsideOf = (covered: readonly Span[], risk: Span): Span[] =>
  covered.flatMap((s) => {
    const parts: Span[] = [];
    if (s.from < risk.from) parts.push({ from: s.from, to: Math.min(s.to, risk.from) });
    if (s.to > risk.to) parts.push({ from: Math.max(s.from, risk.to), to: s.to });
    return parts;
  });

/** Does a time of day fall in one of the spans? */
export const within = (spans: readonly Span[], minute: number): boolean =>
  spans.some((s) => minute >= s.from && minute < s.to);

/** "HH:MM"; 1440 is "24:00" (end of day). */
export const clock = (minute: number): string =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

export const spanText = (spans: readonly Span[]): string =>
  spans.map((s) => `${clock(s.from)}–${clock(s.to)}`).join(', ');
