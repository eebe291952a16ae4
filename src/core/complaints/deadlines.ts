/**
 * The deadline of a complaint or a regulator inquiry. Only the rules are here; the calendar
 * (days in Europe/Amsterdam, Dutch public holidays, the next working day) is the one residents'
 * requests use (../rights/deadlines.ts).
 *
 * - A complaint: the municipality is an administrative body, so chapter 9 of the Algemene wet
 *   bestuursrecht applies. Art. 9:11 lid 1: it is handled within six weeks of receipt of the
 *   complaint; lid 2: the body may postpone once, by at most four weeks, telling the complainant
 *   (and whom the complaint is about) in writing before the six weeks end. The register applies
 *   the same terms to complaints from staff, a union or the works council, which chapter 9 does
 *   not strictly govern (docs/rights.md).
 *   Counting: a period of weeks in a statute starts the day after receipt and ends on the same
 *   weekday; a period ending on a Saturday, Sunday or public holiday runs to the next working day
 *   (art. 1 lid 1 Algemene termijnenwet).
 * - A regulator inquiry (the Autoriteit Persoonsgegevens): the deadline is the one the regulator
 *   sets in its letter, entered by hand; a later date it grants replaces it.
 */
import {
  addDays,
  daysBetween,
  workingDayOnOrAfter,
  type CalendarDay,
  type DeadlineState,
} from '../rights/deadlines.js';

/** Awb art. 9:11 lid 1: six weeks. */
export const COMPLAINT_WEEKS = 6;
/** Awb art. 9:11 lid 2: postponed once by at most four weeks. */
export const EXTENSION_WEEKS = 4;
/** Days before the due day a complaint counts as due soon (the start page and /metrics). */
export const COMPLAINT_DUE_SOON_DAYS = 7;

export interface ComplaintDeadlines {
  /** The last day to answer without a postponement, and the last day to announce one. */
  readonly answerBy: CalendarDay;
  /** The last day to answer after a postponement announced in time. */
  readonly extendedAnswerBy: CalendarDay;
}

/** The deadlines of a complaint received on a day (every day is "through the end of that day"). */
export const complaintDeadlines = (receivedOn: CalendarDay): ComplaintDeadlines => ({
  answerBy: workingDayOnOrAfter(addDays(receivedOn, COMPLAINT_WEEKS * 7)),
  extendedAnswerBy: workingDayOnOrAfter(addDays(receivedOn, (COMPLAINT_WEEKS + EXTENSION_WEEKS) * 7)),
});

/** Whether a postponement announced on a day counts: on or after receipt, before the six weeks end. */
export const complaintExtensionAllowed = (receivedOn: CalendarDay, notifiedOn: CalendarDay): boolean =>
  notifiedOn >= receivedOn && notifiedOn <= complaintDeadlines(receivedOn).answerBy;

export interface DeadlineFacts {
  readonly kind: 'complaint' | 'regulator-inquiry';
  readonly receivedOn: CalendarDay;
  /** A regulator inquiry: the date the regulator set (its latest, if it granted more time). */
  readonly regulatorDueOn: CalendarDay | null;
  /** A complaint: the day the postponement was announced (Awb art. 9:11 lid 2). */
  readonly extensionNotifiedOn: CalendarDay | null;
  /** The day the answer went out (stops the clock). */
  readonly answeredOn: CalendarDay | null;
}

/** The due day that applies. */
export const complaintDueOn = (c: DeadlineFacts): CalendarDay => {
  if (c.kind === 'regulator-inquiry') return c.regulatorDueOn ?? c.receivedOn;
  const d = complaintDeadlines(c.receivedOn);
  return c.extensionNotifiedOn !== null && complaintExtensionAllowed(c.receivedOn, c.extensionNotifiedOn)
    ? d.extendedAnswerBy
    : d.answerBy;
};

/** Where a complaint or inquiry stands against its deadline on a day (the shape residents' requests use). */
export const complaintDeadlineState = (
  c: DeadlineFacts,
  today: CalendarDay,
  dueSoonDays: number = COMPLAINT_DUE_SOON_DAYS,
): DeadlineState => {
  const dueOn = complaintDueOn(c);
  const daysLeft = daysBetween(c.answeredOn ?? today, dueOn);
  if (c.answeredOn !== null) return { status: 'answered', dueOn, daysLeft, onTime: daysLeft >= 0 };
  if (daysLeft < 0) return { status: 'overdue', dueOn, daysLeft };
  return { status: daysLeft <= dueSoonDays ? 'due-soon' : 'open', dueOn, daysLeft };
};
