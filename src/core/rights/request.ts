/**
 * A resident's request under the AVG (GDPR) — access (art. 15), erasure (art. 17), restriction
 * (art. 18), objection (art. 21) — as the privacy officer registers it: what it holds, what is
 * valid, and the steps it passes (received → in progress → decided → sent → closed). Pure: the
 * clock comes in as an argument. The deadlines themselves are in deadlines.ts.
 *
 * What the register deliberately does not hold (docs/adr/0007-subject-request-data.md): a copy or
 * number of an identity document (only how identity was checked), a link into the incident
 * register (footage is found through the room and the time window the resident gives, EDPB
 * Guidelines 3/2019 section 6.1), or the requester's contact details after the request has been
 * closed for a while (they are erased, the rest of the register entry stays for accountability).
 */
import { err, ok, type Result } from '../result.js';
import { invalidField } from '../field-rules.js';
import {
  dayInAmsterdam,
  deadlineState,
  extensionAllowed,
  type CalendarDay,
  type DeadlineState,
} from './deadlines.js';
import type { RightsErrorCode } from './errors.js';

export const REQUEST_KINDS = ['access', 'erasure', 'restriction', 'objection'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

/** How the request came in: at the desk (balie), by post, e-mail, phone or web form. */
export const REQUEST_CHANNELS = ['desk', 'post', 'email', 'phone', 'web'] as const;
export type RequestChannel = (typeof REQUEST_CHANNELS)[number];

/**
 * How the requester's identity was checked (AVG art. 12(6): only where there is reasonable doubt,
 * and only as far as needed). Never a stored copy of the document: only the method and a note.
 */
export const IDENTITY_METHODS = [
  'document-shown',
  'digid',
  'known-contact',
  'signature',
  'callback',
  'other',
] as const;
export type IdentityMethod = (typeof IDENTITY_METHODS)[number];

export const REQUEST_STATUSES = ['received', 'in-progress', 'decided', 'sent', 'closed'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const DECISIONS = ['granted', 'partly', 'refused'] as const;
export type Decision = (typeof DECISIONS)[number];

export const LETTER_LANGUAGES = ['nl', 'en'] as const;
export type LetterLanguage = (typeof LETTER_LANGUAGES)[number];

export interface SubjectRequest {
  readonly id: string;
  readonly kind: RequestKind;
  readonly channel: RequestChannel;
  /** ISO UTC instant of receipt; its day in Europe/Amsterdam starts the clock. */
  readonly receivedAt: string;
  readonly receivedOn: CalendarDay;
  readonly siteId: string;
  /** The room the resident names (null: they named only the site). */
  readonly roomId: string | null;
  /** The time frame the resident gives (ISO UTC, from inclusive, to exclusive). */
  readonly windowFrom: string;
  readonly windowTo: string;
  /** What the resident told us to recognise them in footage (clothing, where they sat). */
  readonly recognition: string | null;
  /** Name and contact, only to answer; erased a while after closing (contactErasedAt). */
  readonly requesterName: string | null;
  readonly requesterContact: string | null;
  readonly contactErasedAt: string | null;
  readonly identityMethod: IdentityMethod;
  readonly identityNote: string | null;
  readonly language: LetterLanguage;
  readonly status: RequestStatus;
  readonly decision: Decision | null;
  readonly decisionReasons: string | null;
  readonly decidedOn: CalendarDay | null;
  readonly extensionNotifiedOn: CalendarDay | null;
  readonly extensionReasons: string | null;
  /** The day the decision went out to the resident (stops the clock). */
  readonly answeredOn: CalendarDay | null;
  readonly closedAt: string | null;
  readonly closeReason: string | null;
  readonly createdBy: string;
  readonly createdAt: string;
}

/** What the privacy officer enters for a new request. */
export interface NewRequestInput {
  readonly kind: string;
  readonly channel: string;
  readonly receivedAt: string;
  readonly roomId?: string | null | undefined;
  readonly siteId?: string | null | undefined;
  readonly windowFrom: string;
  readonly windowTo: string;
  readonly recognition?: string | null | undefined;
  readonly requesterName?: string | null | undefined;
  readonly requesterContact?: string | null | undefined;
  readonly identityMethod: string;
  readonly identityNote?: string | null | undefined;
  readonly language?: string | undefined;
}

export type ValidRequestInput = Omit<
  SubjectRequest,
  | 'id'
  | 'siteId'
  | 'status'
  | 'decision'
  | 'decisionReasons'
  | 'decidedOn'
  | 'extensionNotifiedOn'
  | 'extensionReasons'
  | 'answeredOn'
  | 'closedAt'
  | 'closeReason'
  | 'contactErasedAt'
  | 'createdBy'
  | 'createdAt'
>;

/** The longest time frame a request may name: a targeted search, not a trawl through all footage. */
export const MAX_WINDOW_DAYS = 31;
const TEXT_MAX = { requesterName: 200, requesterContact: 300, identityNote: 500, recognition: 1000 } as const;
export const REASONS_MIN = 10;
export const REASONS_MAX = 4000;
/** A run of digits as long as a citizen service number, or a token shaped like a document number (NW1234567). */
const DOCUMENT_NUMBER = /\d[\d .-]{6,}\d|\b(?=(?:[A-Za-z]*\d){4})[A-Za-z0-9]{8,}\b/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** RIGHTS.INVALID for one field, with the rule it broke (the UI words the rule, not the message). */
const invalid = invalidField<RightsErrorCode>('RIGHTS.INVALID');

const instant = (s: string): string | undefined =>
  ISO_INSTANT.test(s.trim()) && !Number.isNaN(Date.parse(s))
    ? new Date(Date.parse(s)).toISOString()
    : undefined;

const oneOf = <T extends string>(list: readonly T[], v: string): v is T =>
  (list as readonly string[]).includes(v);

const optionalText = (
  v: string | null | undefined,
  field: keyof typeof TEXT_MAX,
): Result<string | null, RightsErrorCode> => {
  const t = (v ?? '').trim();
  if (t.length > TEXT_MAX[field])
    return invalid(field, `${field} is at most ${TEXT_MAX[field]} characters`, 'max-length', {
      max: TEXT_MAX[field],
    });
  return ok(t === '' ? null : t);
};

/**
 * A new request, checked: every problem is the first one found, with its field. `now` bounds the
 * receipt (not in the future) and the window (it cannot end after the request came in).
 */
export const validateNewRequest = (
  input: NewRequestInput,
  now: Date,
): Result<ValidRequestInput & { readonly siteId: string | null }, RightsErrorCode> => {
  if (!oneOf(REQUEST_KINDS, input.kind))
    return invalid('kind', `kind is one of ${REQUEST_KINDS.join(', ')}`, 'one-of', {
      values: REQUEST_KINDS.join(', '),
    });
  if (!oneOf(REQUEST_CHANNELS, input.channel))
    return invalid('channel', `channel is one of ${REQUEST_CHANNELS.join(', ')}`, 'one-of', {
      values: REQUEST_CHANNELS.join(', '),
    });
  const receivedAt = instant(input.receivedAt);
  if (receivedAt === undefined)
    return invalid('receivedAt', 'receivedAt must be an ISO date-time with offset', 'format');
  if (Date.parse(receivedAt) > now.getTime() + 5 * 60_000)
    return invalid('receivedAt', 'receivedAt lies in the future', 'not-in-future');
  const from = instant(input.windowFrom);
  if (from === undefined)
    return invalid('windowFrom', 'windowFrom must be an ISO date-time with offset', 'format');
  const to = instant(input.windowTo);
  if (to === undefined) return invalid('windowTo', 'windowTo must be an ISO date-time with offset', 'format');
  if (to <= from) return invalid('windowTo', 'the time window must end after it starts', 'ends-before-start');
  if (Date.parse(to) - Date.parse(from) > MAX_WINDOW_DAYS * 86_400_000)
    return invalid(
      'windowTo',
      `the time window is at most ${MAX_WINDOW_DAYS} days; ask the resident to narrow it`,
      'span-too-long',
      { max: MAX_WINDOW_DAYS },
    );
  if (from > receivedAt)
    return invalid('windowFrom', 'the time window starts after the request came in', 'after-receipt');
  const roomId = (input.roomId ?? '').trim();
  const siteId = (input.siteId ?? '').trim();
  if (roomId === '' && siteId === '')
    return invalid('roomId', 'name the room (or at least the site)', 'required');
  if (!oneOf(IDENTITY_METHODS, input.identityMethod))
    return invalid('identityMethod', `identityMethod is one of ${IDENTITY_METHODS.join(', ')}`, 'one-of', {
      values: IDENTITY_METHODS.join(', '),
    });
  const language = input.language ?? 'nl';
  if (!oneOf(LETTER_LANGUAGES, language))
    return invalid('language', 'language is nl or en', 'one-of', { values: LETTER_LANGUAGES.join(', ') });
  const texts = {
    requesterName: optionalText(input.requesterName, 'requesterName'),
    requesterContact: optionalText(input.requesterContact, 'requesterContact'),
    identityNote: optionalText(input.identityNote, 'identityNote'),
    recognition: optionalText(input.recognition, 'recognition'),
  };
  for (const r of Object.values(texts)) if (!r.ok) return r;
  const value = (r: Result<string | null, RightsErrorCode>) => (r.ok ? r.value : null);
  const note = value(texts.identityNote);
  if (note !== null && DOCUMENT_NUMBER.test(note))
    return invalid(
      'identityNote',
      'the note looks like it holds a document or citizen service number; record only how identity was checked',
      'identity-number',
    );
  if (value(texts.requesterContact) === null)
    return invalid('requesterContact', 'an address to send the answer to is needed', 'required');
  return ok({
    kind: input.kind,
    channel: input.channel,
    receivedAt,
    receivedOn: dayInAmsterdam(new Date(receivedAt)),
    roomId: roomId === '' ? null : roomId,
    siteId: siteId === '' ? null : siteId,
    windowFrom: from,
    windowTo: to,
    recognition: value(texts.recognition),
    requesterName: value(texts.requesterName),
    requesterContact: value(texts.requesterContact),
    identityMethod: input.identityMethod,
    identityNote: note,
    language,
  });
};

/** The steps a request takes. */
export type RequestAction = 'start' | 'extend' | 'decide' | 'send' | 'close' | 'clips';

const FROM: Readonly<Record<RequestAction, readonly RequestStatus[]>> = {
  start: ['received'],
  extend: ['received', 'in-progress'],
  decide: ['received', 'in-progress'],
  send: ['decided'],
  // A resident may withdraw at any time; otherwise a request closes once its answer went out.
  close: ['received', 'in-progress', 'decided', 'sent'],
  clips: ['received', 'in-progress', 'decided'],
};

const TO: Readonly<Record<RequestAction, RequestStatus | null>> = {
  start: 'in-progress',
  extend: null,
  decide: 'decided',
  send: 'sent',
  close: 'closed',
  clips: null,
};

/** The status after an action (unchanged for extend and clip work), or why it is not allowed now. */
export const nextStatus = (
  status: RequestStatus,
  action: RequestAction,
): Result<RequestStatus, RightsErrorCode> =>
  FROM[action].includes(status)
    ? ok(TO[action] ?? (status === 'received' && action === 'clips' ? 'in-progress' : status))
    : err('RIGHTS.TRANSITION', `a request that is ${status} does not allow ${action}`, { status, action });

/** The actions a request allows in a status (for the UI's buttons). */
export const allowedActions = (status: RequestStatus): RequestAction[] =>
  (Object.keys(FROM) as RequestAction[]).filter((a) => FROM[a].includes(status));

const reasons = (
  v: string | null | undefined,
  field: string,
  required: boolean,
): Result<string | null, RightsErrorCode> => {
  const t = (v ?? '').trim();
  if (t === '' && !required) return ok(null);
  if (t.length < REASONS_MIN || t.length > REASONS_MAX)
    return invalid(field, `${field} needs ${REASONS_MIN} to ${REASONS_MAX} characters`, 'length-range', {
      min: REASONS_MIN,
      max: REASONS_MAX,
    });
  return ok(t);
};

/**
 * An extension by up to two months (AVG art. 12(3)): once, with reasons, announced within the
 * first month; the day it is announced is `today` (Europe/Amsterdam).
 */
export const planExtension = (
  r: SubjectRequest,
  input: { readonly reasons: string },
  today: CalendarDay,
): Result<{ extensionNotifiedOn: CalendarDay; extensionReasons: string }, RightsErrorCode> => {
  const step = nextStatus(r.status, 'extend');
  if (!step.ok) return step;
  if (r.extensionNotifiedOn !== null)
    return err('RIGHTS.ALREADY_EXTENDED', `extended on ${r.extensionNotifiedOn}`, { requestId: r.id });
  if (!extensionAllowed(r.receivedOn, today))
    return err('RIGHTS.EXTENSION_LATE', `received on ${r.receivedOn}; the first month has passed`, {
      requestId: r.id,
      answerBy: deadlineState(r, today).dueOn,
    });
  const why = reasons(input.reasons, 'reasons', true);
  if (!why.ok) return why;
  return ok({ extensionNotifiedOn: today, extensionReasons: why.value ?? '' });
};

/** A decision: granted (reasons optional), partly or refused (reasons required: art. 12(4)). */
export const planDecision = (
  r: SubjectRequest,
  input: { readonly decision: string; readonly reasons?: string | null | undefined },
  today: CalendarDay,
): Result<
  { decision: Decision; decisionReasons: string | null; decidedOn: CalendarDay },
  RightsErrorCode
> => {
  const step = nextStatus(r.status, 'decide');
  if (!step.ok) return step;
  if (!oneOf(DECISIONS, input.decision))
    return invalid('decision', `decision is one of ${DECISIONS.join(', ')}`, 'one-of', {
      values: DECISIONS.join(', '),
    });
  const why = reasons(input.reasons, 'reasons', input.decision !== 'granted');
  if (!why.ok) return why;
  return ok({ decision: input.decision, decisionReasons: why.value, decidedOn: today });
};

/** A close: after the answer went out, or earlier only when the resident withdrew (with a note). */
export const planClose = (
  r: SubjectRequest,
  input: { readonly reason?: string | null | undefined },
): Result<{ closeReason: string | null }, RightsErrorCode> => {
  const step = nextStatus(r.status, 'close');
  if (!step.ok) return step;
  if (r.status === 'sent') {
    const why = reasons(input.reason, 'reason', false);
    return why.ok ? ok({ closeReason: why.value }) : why;
  }
  const why = reasons(input.reason, 'reason', true);
  return why.ok ? ok({ closeReason: why.value }) : why;
};

/** Where the request stands against its deadline on a day. */
export const requestDeadlineState = (r: SubjectRequest, today: CalendarDay): DeadlineState =>
  deadlineState(r, today);

/** Whether a clip (room, time range) is one the request's room and window point to. */
export const clipMatchesRequest = (
  clip: {
    readonly roomId: string;
    readonly siteId: string;
    readonly startedAt: string | null;
    readonly endedAt: string | null;
  },
  r: Pick<SubjectRequest, 'roomId' | 'siteId' | 'windowFrom' | 'windowTo'>,
): boolean => {
  if (r.roomId !== null ? clip.roomId !== r.roomId : clip.siteId !== r.siteId) return false;
  if (clip.startedAt === null) return false;
  const end = clip.endedAt ?? clip.startedAt;
  return clip.startedAt < r.windowTo && end >= r.windowFrom;
};

/** Which clip actions fit a kind of request: erasure for art. 17 and 21, restriction for 18 (and while 17/21 are weighed, art. 18(1)(d)). */
export const CLIP_ACTIONS = ['erase', 'restrict'] as const;
export type ClipAction = (typeof CLIP_ACTIONS)[number];

export const clipActionFits = (kind: RequestKind, action: ClipAction): boolean =>
  action === 'erase' ? kind === 'erasure' || kind === 'objection' : kind !== 'access';

/** The contact details are erased this many days after closing (ADR 0007). */
export const DEFAULT_CONTACT_RETENTION_DAYS = 183;

/** Whether a closed request's contact details are due for erasure at `now`. */
export const contactDue = (
  r: Pick<SubjectRequest, 'closedAt' | 'contactErasedAt'>,
  now: Date,
  days: number,
): boolean =>
  r.closedAt !== null &&
  r.contactErasedAt === null &&
  Date.parse(r.closedAt) + days * 86_400_000 <= now.getTime();
