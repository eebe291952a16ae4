/**
 * A complaint (from a resident, staff, a union, the works council) or an inquiry from the
 * regulator (the Autoriteit Persoonsgegevens) about the staff protection measures, as the privacy
 * officer registers it (issue 12 §3): who it came from, what it is about, what it is linked to,
 * the steps and actions taken, the deadline and the outcome. Pure: the clock comes in as an
 * argument; the deadline rules are in deadlines.ts.
 *
 * Who it came from is kept only as far as needed to answer: an organisation's name, or for a
 * person an optional name and an address to answer to. The address (and a person's name) is
 * erased a while after closing, as for residents' requests (ADR 0007); the register entry stays.
 */
import { invalidField } from '../field-rules.js';
import { err, ok, type Result } from '../result.js';
import { dayInAmsterdam, isCalendarDay, type CalendarDay, type DeadlineState } from '../rights/deadlines.js';
import { complaintDeadlineState, complaintDeadlines, complaintExtensionAllowed } from './deadlines.js';
import type { ComplaintErrorCode } from './errors.js';

export const COMPLAINT_KINDS = ['complaint', 'regulator-inquiry'] as const;
export type ComplaintKind = (typeof COMPLAINT_KINDS)[number];

/** Where it came from: the category is what reports and the regulator dossier show. */
export const COMPLAINT_SOURCES = [
  'resident',
  'staff',
  'union',
  'works-council',
  'regulator',
  'other',
] as const;
export type ComplaintSource = (typeof COMPLAINT_SOURCES)[number];

/** Sources that are organisations: their name is not personal data and stays after closing. */
const ORGANISATION_SOURCES: readonly ComplaintSource[] = ['union', 'works-council', 'regulator'];
export const isOrganisationSource = (s: ComplaintSource): boolean => ORGANISATION_SOURCES.includes(s);

export const COMPLAINT_STATUSES = ['received', 'in-progress', 'answered', 'closed'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

export const COMPLAINT_OUTCOMES = ['founded', 'partly-founded', 'unfounded', 'withdrawn'] as const;
export type ComplaintOutcome = (typeof COMPLAINT_OUTCOMES)[number];

/** What the privacy officer writes on the timeline by hand (the steps write their own entries). */
export const TIMELINE_ENTRIES = [
  'note',
  'action-taken',
  'letter-sent',
  'information-requested',
  'hearing',
  'forwarded',
] as const;
export type TimelineEntry = (typeof TIMELINE_ENTRIES)[number];

export const LINK_KINDS = ['assessment', 'room', 'request'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

export interface ComplaintLink {
  readonly kind: LinkKind;
  readonly targetId: string;
}

export interface Complaint {
  readonly id: string;
  readonly kind: ComplaintKind;
  readonly source: ComplaintSource;
  /** ISO UTC instant of receipt; its day in Europe/Amsterdam starts the clock. */
  readonly receivedAt: string;
  readonly receivedOn: CalendarDay;
  /** The site it concerns; null: the organisation as a whole (only people serving every site see it). */
  readonly siteId: string | null;
  /** An organisation's name, or a short description of who complained (a person's name is optional). */
  readonly fromName: string | null;
  /** Where the answer goes; erased a while after closing. */
  readonly fromContact: string | null;
  readonly contactErasedAt: string | null;
  /** The regulator's case number (kenmerk), or the complainant's reference. */
  readonly reference: string | null;
  readonly subject: string;
  readonly summary: string | null;
  readonly regulatorDueOn: CalendarDay | null;
  readonly status: ComplaintStatus;
  readonly extensionNotifiedOn: CalendarDay | null;
  readonly extensionReasons: string | null;
  readonly outcome: ComplaintOutcome | null;
  readonly outcomeExplanation: string | null;
  readonly answeredOn: CalendarDay | null;
  readonly closedAt: string | null;
  readonly createdBy: string;
  readonly createdAt: string;
}

export interface NewComplaintInput {
  readonly kind: string;
  readonly source: string;
  readonly receivedAt: string;
  readonly siteId?: string | null | undefined;
  readonly fromName?: string | null | undefined;
  readonly fromContact?: string | null | undefined;
  readonly reference?: string | null | undefined;
  readonly subject: string;
  readonly summary?: string | null | undefined;
  readonly regulatorDueOn?: string | null | undefined;
  readonly links?: readonly { readonly kind: string; readonly targetId: string }[] | undefined;
}

export type ValidComplaintInput = Pick<
  Complaint,
  | 'kind'
  | 'source'
  | 'receivedAt'
  | 'receivedOn'
  | 'siteId'
  | 'fromName'
  | 'fromContact'
  | 'reference'
  | 'subject'
  | 'summary'
  | 'regulatorDueOn'
> & { readonly links: readonly ComplaintLink[] };

const TEXT_MAX = {
  fromName: 200,
  fromContact: 300,
  reference: 100,
  subject: 300,
  summary: 4000,
} as const;
export const TEXT_MIN = 10;
export const TEXT_LONG = 4000;
export const MAX_LINKS = 50;
/** A run of digits as long as a citizen service number: it does not belong in the register. */
const BSN_LIKE = /\d[\d .-]{6,}\d/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** COMPLAINT.INVALID for one field, with the rule it broke (the UI words the rule, not the message). */
const invalid = invalidField<ComplaintErrorCode>('COMPLAINT.INVALID');

const oneOf = <T extends string>(list: readonly T[], v: string): v is T =>
  (list as readonly string[]).includes(v);

const text = (
  v: string | null | undefined,
  field: keyof typeof TEXT_MAX,
): Result<string | null, ComplaintErrorCode> => {
  const t = (v ?? '').trim();
  if (t.length > TEXT_MAX[field])
    return invalid(field, `${field} is at most ${TEXT_MAX[field]} characters`, 'max-length', {
      max: TEXT_MAX[field],
    });
  return ok(t === '' ? null : t);
};

/** The links, de-duplicated; whether they exist and are in the user's sites is the service's check. */
export const validateLinks = (
  links: readonly { readonly kind: string; readonly targetId: string }[],
): Result<ComplaintLink[], ComplaintErrorCode> => {
  if (links.length > MAX_LINKS)
    return invalid('links', `at most ${MAX_LINKS} links`, 'maximum', { max: MAX_LINKS });
  const out = new Map<string, ComplaintLink>();
  for (const l of links) {
    if (!oneOf(LINK_KINDS, l.kind))
      return invalid('links', `a link is one of ${LINK_KINDS.join(', ')}`, 'one-of', {
        values: LINK_KINDS.join(', '),
      });
    const id = l.targetId.trim();
    if (!/^[A-Za-z0-9-]{1,100}$/.test(id)) return invalid('links', 'a link names an id', 'format');
    out.set(`${l.kind}:${id}`, { kind: l.kind, targetId: id });
  }
  return ok([...out.values()]);
};

/** A new complaint or inquiry, checked: the first problem found, with its field. */
export const validateNewComplaint = (
  input: NewComplaintInput,
  now: Date,
): Result<ValidComplaintInput, ComplaintErrorCode> => {
  if (!oneOf(COMPLAINT_KINDS, input.kind))
    return invalid('kind', `kind is one of ${COMPLAINT_KINDS.join(', ')}`, 'one-of', {
      values: COMPLAINT_KINDS.join(', '),
    });
  if (!oneOf(COMPLAINT_SOURCES, input.source))
    return invalid('source', `source is one of ${COMPLAINT_SOURCES.join(', ')}`, 'one-of', {
      values: COMPLAINT_SOURCES.join(', '),
    });
  if ((input.kind === 'regulator-inquiry') !== (input.source === 'regulator'))
    return invalid(
      'source',
      'an inquiry comes from the regulator, and what the regulator sends is an inquiry',
      'inconsistent',
      { with: 'kind' },
    );
  const raw = input.receivedAt.trim();
  if (!ISO_INSTANT.test(raw) || Number.isNaN(Date.parse(raw)))
    return invalid('receivedAt', 'receivedAt must be an ISO date-time with offset', 'format');
  const receivedAt = new Date(Date.parse(raw)).toISOString();
  if (Date.parse(receivedAt) > now.getTime() + 5 * 60_000)
    return invalid('receivedAt', 'receivedAt lies in the future', 'not-in-future');
  const receivedOn = dayInAmsterdam(new Date(receivedAt));
  const texts = {
    fromName: text(input.fromName, 'fromName'),
    fromContact: text(input.fromContact, 'fromContact'),
    reference: text(input.reference, 'reference'),
    subject: text(input.subject, 'subject'),
    summary: text(input.summary, 'summary'),
  };
  for (const r of Object.values(texts)) if (!r.ok) return r;
  const value = (r: Result<string | null, ComplaintErrorCode>) => (r.ok ? r.value : null);
  const subject = value(texts.subject);
  if (subject === null || subject.length < 3)
    return invalid('subject', 'say in a few words what it is about', 'min-length', { min: 3 });
  for (const field of ['fromName', 'subject', 'summary'] as const) {
    const v = value(texts[field]);
    if (v !== null && BSN_LIKE.test(v))
      return invalid(
        field,
        `${field} looks like it holds a citizen service number or similar; leave it out`,
        'identity-number',
      );
  }
  const source = input.source;
  if (isOrganisationSource(source) && value(texts.fromName) === null)
    return invalid('fromName', 'name the organisation it came from', 'required');
  let regulatorDueOn: CalendarDay | null = null;
  if (input.kind === 'regulator-inquiry') {
    const due = (input.regulatorDueOn ?? '').trim();
    if (!isCalendarDay(due))
      return invalid('regulatorDueOn', 'enter the deadline the regulator set (YYYY-MM-DD)', 'format');
    if (due < receivedOn)
      return invalid('regulatorDueOn', 'the deadline lies before the inquiry came in', 'before-receipt');
    regulatorDueOn = due;
  } else if ((input.regulatorDueOn ?? '').trim() !== '') {
    return invalid(
      'regulatorDueOn',
      'a complaint has the deadline of Awb art. 9:11, not one entered by hand',
      'not-applicable',
    );
  }
  const links = validateLinks(input.links ?? []);
  if (!links.ok) return links;
  const siteId = (input.siteId ?? '').trim();
  return ok({
    kind: input.kind,
    source,
    receivedAt,
    receivedOn,
    siteId: siteId === '' ? null : siteId,
    fromName: value(texts.fromName),
    fromContact: value(texts.fromContact),
    reference: value(texts.reference),
    subject,
    summary: value(texts.summary),
    regulatorDueOn,
    links: links.value,
  });
};

/** The steps a complaint takes. */
export type ComplaintAction = 'start' | 'extend' | 'record' | 'link' | 'answer' | 'close';

const FROM: Readonly<Record<ComplaintAction, readonly ComplaintStatus[]>> = {
  start: ['received'],
  extend: ['received', 'in-progress'],
  record: ['received', 'in-progress', 'answered'],
  link: ['received', 'in-progress', 'answered'],
  answer: ['received', 'in-progress'],
  close: ['answered'],
};

/** Whether an action is allowed now, or COMPLAINT.TRANSITION. */
export const checkStep = (
  status: ComplaintStatus,
  action: ComplaintAction,
): Result<true, ComplaintErrorCode> =>
  FROM[action].includes(status)
    ? ok(true)
    : err('COMPLAINT.TRANSITION', `a complaint that is ${status} does not allow ${action}`, {
        status,
        action,
      });

/** The actions a complaint allows in a status (for the UI's buttons). */
export const allowedComplaintActions = (status: ComplaintStatus): ComplaintAction[] =>
  (Object.keys(FROM) as ComplaintAction[]).filter((a) => FROM[a].includes(status));

const longText = (v: string | null | undefined, field: string): Result<string, ComplaintErrorCode> => {
  const t = (v ?? '').trim();
  if (t.length < TEXT_MIN || t.length > TEXT_LONG)
    return invalid(field, `${field} needs ${TEXT_MIN} to ${TEXT_LONG} characters`, 'length-range', {
      min: TEXT_MIN,
      max: TEXT_LONG,
    });
  return ok(t);
};

/**
 * More time. A complaint: once, by four weeks, announced in writing before the six weeks end (Awb
 * art. 9:11 lid 2), on `today`. An inquiry: the later date the regulator granted.
 */
export const planComplaintExtension = (
  c: Complaint,
  input: { readonly reasons: string; readonly regulatorDueOn?: string | null | undefined },
  today: CalendarDay,
): Result<
  Pick<Complaint, 'extensionNotifiedOn' | 'extensionReasons' | 'regulatorDueOn'>,
  ComplaintErrorCode
> => {
  const step = checkStep(c.status, 'extend');
  if (!step.ok) return step;
  const why = longText(input.reasons, 'reasons');
  if (!why.ok) return why;
  if (c.kind === 'regulator-inquiry') {
    const due = (input.regulatorDueOn ?? '').trim();
    if (!isCalendarDay(due))
      return invalid('regulatorDueOn', 'enter the new deadline the regulator granted', 'format');
    if (c.regulatorDueOn !== null && due <= c.regulatorDueOn)
      return invalid('regulatorDueOn', 'the new deadline must be later than the current one', 'not-later');
    return ok({ extensionNotifiedOn: today, extensionReasons: why.value, regulatorDueOn: due });
  }
  if (c.extensionNotifiedOn !== null)
    return err('COMPLAINT.ALREADY_EXTENDED', `postponed on ${c.extensionNotifiedOn}`, { complaintId: c.id });
  if (!complaintExtensionAllowed(c.receivedOn, today))
    return err('COMPLAINT.EXTENSION_LATE', `received on ${c.receivedOn}; the six weeks have passed`, {
      complaintId: c.id,
      answerBy: complaintDeadlines(c.receivedOn).answerBy,
    });
  return ok({ extensionNotifiedOn: today, extensionReasons: why.value, regulatorDueOn: null });
};

/** A hand-written timeline entry: its type and text (the text stays out of the audit log). */
export const validateTimelineEntry = (input: {
  readonly type: string;
  readonly text: string;
}): Result<{ type: TimelineEntry; text: string }, ComplaintErrorCode> => {
  if (!oneOf(TIMELINE_ENTRIES, input.type))
    return invalid('type', `type is one of ${TIMELINE_ENTRIES.join(', ')}`, 'one-of', {
      values: TIMELINE_ENTRIES.join(', '),
    });
  const t = input.text.trim();
  if (t.length < 3 || t.length > TEXT_LONG)
    return invalid('text', `text needs 3 to ${TEXT_LONG} characters`, 'length-range', {
      min: 3,
      max: TEXT_LONG,
    });
  return ok({ type: input.type, text: t });
};

/** The answer: the outcome and its explanation; the day it went out stops the clock. */
export const planAnswer = (
  c: Complaint,
  input: { readonly outcome: string; readonly explanation: string },
  today: CalendarDay,
): Result<
  Pick<Complaint, 'outcome' | 'outcomeExplanation' | 'answeredOn' | 'status'>,
  ComplaintErrorCode
> => {
  const step = checkStep(c.status, 'answer');
  if (!step.ok) return step;
  if (!oneOf(COMPLAINT_OUTCOMES, input.outcome))
    return invalid('outcome', `outcome is one of ${COMPLAINT_OUTCOMES.join(', ')}`, 'one-of', {
      values: COMPLAINT_OUTCOMES.join(', '),
    });
  const why = longText(input.explanation, 'explanation');
  if (!why.ok) return why;
  return ok({ outcome: input.outcome, outcomeExplanation: why.value, answeredOn: today, status: 'answered' });
};

/** Where the complaint stands against its deadline on a day. */
export const complaintState = (c: Complaint, today: CalendarDay): DeadlineState =>
  complaintDeadlineState(c, today);

/** The contact details are erased this many days after closing (as for residents' requests, ADR 0007). */
export const DEFAULT_COMPLAINT_CONTACT_DAYS = 183;

/** What erasing the contact details leaves: an organisation's name stays, a person's goes. */
export const withoutContact = (c: Complaint, at: string): Complaint => ({
  ...c,
  fromContact: null,
  fromName: isOrganisationSource(c.source) ? c.fromName : null,
  contactErasedAt: at,
});

/** A complaint for the regulator dossier: kind, category, dates, timeliness, outcome; nothing about who. */
export interface ComplaintTimeliness {
  readonly id: string;
  readonly kind: ComplaintKind;
  readonly source: ComplaintSource;
  readonly receivedOn: CalendarDay;
  readonly dueOn: CalendarDay;
  readonly answeredOn: CalendarDay | null;
  /** null: not answered yet, or withdrawn (no answer was due). */
  readonly onTime: boolean | null;
  readonly overdue: boolean;
  readonly outcome: ComplaintOutcome | null;
}

export const timelinessOf = (c: Complaint, today: CalendarDay): ComplaintTimeliness => {
  const d = complaintDeadlineState(c, today);
  return {
    id: c.id,
    kind: c.kind,
    source: c.source,
    receivedOn: c.receivedOn,
    dueOn: d.dueOn,
    answeredOn: c.answeredOn,
    onTime: c.outcome === 'withdrawn' ? null : (d.onTime ?? null),
    overdue: d.status === 'overdue',
    outcome: c.outcome,
  };
};
