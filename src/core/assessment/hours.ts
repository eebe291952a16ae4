/**
 * The hours of risk (NEC-3): in which parts of the day incidents happened, in Dutch local time,
 * against the hours the measure covers. Pure: Intl converts instants, nothing reads a clock.
 */
import type { HourWindow } from './scenario.schema.js';
import { perLanguage, t, type Text } from './text.js';

/** Incident times and the scope's hours are read in this zone (the product serves Dutch municipalities). */
export const ASSESSMENT_TIME_ZONE = 'Europe/Amsterdam';

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

export interface DayPart extends Span {
  readonly name: Text;
}

/**
 * The parts of the day (dagdelen) the hours are judged in: EDPB 3/2019 §26 asks "when" in such
 * terms (e.g. only at night or outside working hours), and a handful of incidents can show which
 * part of the day carries the risk, not which hour.
 */
export const DAY_PARTS: readonly DayPart[] = [
  { name: t('nacht', 'night'), from: 0, to: 6 * 60 },
  { name: t('ochtend', 'morning'), from: 6 * 60, to: 12 * 60 },
  { name: t('middag', 'afternoon'), from: 12 * 60, to: 18 * 60 },
  { name: t('avond', 'evening'), from: 18 * 60, to: DAY },
];

/** How far the scope may reach into a part of the day without incidents (a shift starting early or ending late). */
export const REACH_MINUTES = 60;

export interface QuietPart {
  readonly part: DayPart;
  /** The covered times within that part. */
  readonly covered: readonly Span[];
}

const length = (spans: readonly Span[]): number => spans.reduce((n, s) => n + (s.to - s.from), 0);

/**
 * The parts of the day in which no incident happened but which the scope covers for more than
 * REACH_MINUTES: there the measure is not limited to the hours of risk.
 */
export const quietParts = (covered: readonly Span[], incidentMinutes: readonly number[]): QuietPart[] =>
  DAY_PARTS.flatMap((part) => {
    if (incidentMinutes.some((m) => m >= part.from && m < part.to)) return [];
    const inPart = covered.flatMap((s) => {
      const from = Math.max(s.from, part.from);
      const to = Math.min(s.to, part.to);
      return to > from ? [{ from, to }] : [];
    });
    return length(inPart) > REACH_MINUTES ? [{ part, covered: inPart }] : [];
  });

/** Does a time of day fall in one of the spans? */
export const within = (spans: readonly Span[], minute: number): boolean =>
  spans.some((s) => minute >= s.from && minute < s.to);

/** "HH:MM"; 1440 is "24:00" (end of day). */
export const clock = (minute: number): string =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

export const spanText = (spans: readonly Span[]): string =>
  spans.map((s) => `${clock(s.from)}–${clock(s.to)}`).join(', ');

const WEEKDAY_NAMES: readonly Text[] = [
  t('', ''),
  t('ma', 'Mon'),
  t('di', 'Tue'),
  t('wo', 'Wed'),
  t('do', 'Thu'),
  t('vr', 'Fri'),
  t('za', 'Sat'),
  t('zo', 'Sun'),
];

/** Hour windows as people read them: "ma,di 08:30–17:00; za 10:00–12:00"; none at all is every hour. */
export const hoursText = (hours: readonly HourWindow[]): Text => {
  if (hours.length === 0) return t('alle uren', 'all hours');
  return perLanguage((lang) =>
    hours
      .map((w) => `${w.days.map((d) => WEEKDAY_NAMES[d]?.[lang] ?? '').join(',')} ${w.from}–${w.to}`)
      .join('; '),
  );
};
