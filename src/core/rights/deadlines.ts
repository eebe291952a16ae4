/**
 * The deadlines of a resident's request (access, erasure, restriction, objection): one month from
 * receipt, extendable by two further months when the resident is told so, with reasons, within the
 * first month (GDPR Art. 12(3)). Pure functions over calendar days in Europe/Amsterdam.
 *
 * How a month is counted is not in the GDPR but in Regulation (EEC, Euratom) No 1182/71, which
 * applies to periods in EU acts (as the EDPB's Guidelines 01/2022 on the right of access say where
 * they discuss the timing of an answer):
 * - art. 3(1): the day of receipt is not counted; the period starts the next day;
 * - art. 3(2)(c): a period in months ends at the end of the day in the last month with the same
 *   number as the day of receipt; if that month is shorter, at the end of its last day
 *   (31 January + 1 month = 28/29 February);
 * - art. 3(4): a period ending on a Saturday, Sunday or public holiday ends at the end of the next
 *   working day. Public holidays are the Member State's (art. 2(1)): for the Netherlands the days of
 *   art. 3(1)–(2) Algemene termijnenwet. Days the government equates with them by decree (bridge
 *   days, announced every three years) are not listed: leaving them out can only make a deadline
 *   earlier, never later.
 */

/** The time zone in which "the day of receipt" is read. */
export const RIGHTS_TIME_ZONE = 'Europe/Amsterdam';

/** A calendar day, YYYY-MM-DD. */
export type CalendarDay = string;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

const parse = (day: CalendarDay): { y: number; m: number; d: number } | undefined => {
  const match = DAY.exec(day);
  if (!match) return undefined;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d
    ? { y, m, d }
    : undefined;
};

/** Whether a string is a real calendar day (2027-02-29 is not). */
export const isCalendarDay = (s: string): boolean => parse(s) !== undefined;

const format = (ms: number): CalendarDay => new Date(ms).toISOString().slice(0, 10);
const toMs = (day: CalendarDay): number => {
  const p = parse(day);
  if (!p) throw new RangeError(`not a calendar day: ${day}`);
  return Date.UTC(p.y, p.m - 1, p.d);
};

export const addDays = (day: CalendarDay, n: number): CalendarDay => format(toMs(day) + n * MS_PER_DAY);

/** Days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: CalendarDay, to: CalendarDay): number =>
  Math.round((toMs(to) - toMs(from)) / MS_PER_DAY);

const daysInMonth = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** Art. 3(2)(c) Reg. 1182/71: the same day number n months later, or that month's last day. */
export const addCalendarMonths = (day: CalendarDay, months: number): CalendarDay => {
  const p = parse(day);
  if (!p) throw new RangeError(`not a calendar day: ${day}`);
  const index = p.y * 12 + (p.m - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return format(Date.UTC(y, m - 1, Math.min(p.d, daysInMonth(y, m))));
};

/** Easter Sunday (Gregorian; anonymous algorithm of Meeus/Jones/Butcher). */
export const easterSunday = (year: number): CalendarDay => {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const dayOfMonth = ((h + l - 7 * m + 114) % 31) + 1;
  return format(Date.UTC(year, month - 1, dayOfMonth));
};

const weekday = (day: CalendarDay): number => new Date(toMs(day)).getUTCDay(); // 0 = Sunday

/**
 * The Dutch public holidays of a year that fall on a weekday or weekend alike (art. 3 Algemene
 * termijnenwet): New Year's Day, Good Friday, Easter Monday, Ascension Day, Whit Monday, King's Day
 * (27 April, the 26th when the 27th is a Sunday), 5 May and both Christmas days.
 */
export const dutchPublicHolidays = (year: number): readonly CalendarDay[] => {
  const easter = easterSunday(year);
  const kingsDay = `${year}-04-27`;
  return [
    `${year}-01-01`,
    addDays(easter, -2),
    addDays(easter, 1),
    addDays(easter, 39),
    addDays(easter, 50),
    weekday(kingsDay) === 0 ? `${year}-04-26` : kingsDay,
    `${year}-05-05`,
    `${year}-12-25`,
    `${year}-12-26`,
  ].sort();
};

export const isWorkingDay = (day: CalendarDay): boolean => {
  const w = weekday(day);
  return w !== 0 && w !== 6 && !dutchPublicHolidays(Number(day.slice(0, 4))).includes(day);
};

/** Art. 3(4) Reg. 1182/71: the day itself when it is a working day, else the next working day. */
export const workingDayOnOrAfter = (day: CalendarDay): CalendarDay => {
  let d = day;
  while (!isWorkingDay(d)) d = addDays(d, 1);
  return d;
};

/** The calendar day of an instant in Europe/Amsterdam (a letter received at 23:30 UTC on 31 Dec is 1 Jan). */
export const dayInAmsterdam = (instant: Date): CalendarDay => {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: RIGHTS_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const n = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${n('year')}-${n('month')}-${n('day')}`;
};

export interface RequestDeadlines {
  readonly receivedOn: CalendarDay;
  /** The last day to answer without an extension, and the last day to announce one. */
  readonly answerBy: CalendarDay;
  /** The last day to answer when the extension was announced in time. */
  readonly extendedAnswerBy: CalendarDay;
}

/** The deadlines of a request received on a day (every day is "through the end of that day"). */
export const requestDeadlines = (receivedOn: CalendarDay): RequestDeadlines => ({
  receivedOn,
  answerBy: workingDayOnOrAfter(addCalendarMonths(receivedOn, 1)),
  extendedAnswerBy: workingDayOnOrAfter(addCalendarMonths(receivedOn, 3)),
});

export type DeadlineStatus = 'answered' | 'open' | 'due-soon' | 'overdue';

export interface DeadlineState {
  readonly status: DeadlineStatus;
  /** The deadline that applies: the extended one once an extension was announced in time. */
  readonly dueOn: CalendarDay;
  /** Days from today (or from the answer) to the due day; negative when overdue (or answered late). */
  readonly daysLeft: number;
  /** For an answered request: whether the answer went out on or before the due day. */
  readonly onTime?: boolean;
}

/** How many days before the due day a request counts as due soon (shown on the DPO's start page). */
export const DUE_SOON_DAYS = 7;

/**
 * Where a request stands on a day. An extension counts only when announced within the first month
 * (Art. 12(3)); announced later, the original deadline stays and has passed.
 */
export const deadlineState = (
  request: {
    readonly receivedOn: CalendarDay;
    readonly extensionNotifiedOn?: CalendarDay | null;
    readonly answeredOn?: CalendarDay | null;
  },
  today: CalendarDay,
  dueSoonDays: number = DUE_SOON_DAYS,
): DeadlineState => {
  const deadlines = requestDeadlines(request.receivedOn);
  const extended =
    request.extensionNotifiedOn !== undefined &&
    request.extensionNotifiedOn !== null &&
    request.extensionNotifiedOn <= deadlines.answerBy;
  const dueOn = extended ? deadlines.extendedAnswerBy : deadlines.answerBy;
  const answered = request.answeredOn ?? null;
  const reference = answered ?? today;
  const daysLeft = daysBetween(reference, dueOn);
  if (answered !== null) return { status: 'answered', dueOn, daysLeft, onTime: daysLeft >= 0 };
  if (daysLeft < 0) return { status: 'overdue', dueOn, daysLeft };
  return { status: daysLeft <= dueSoonDays ? 'due-soon' : 'open', dueOn, daysLeft };
};

/** Whether an extension announced on a day still counts (within the first month). */
export const extensionAllowed = (receivedOn: CalendarDay, notifiedOn: CalendarDay): boolean =>
  notifiedOn >= receivedOn && notifiedOn <= requestDeadlines(receivedOn).answerBy;
