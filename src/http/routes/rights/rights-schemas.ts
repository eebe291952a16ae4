/** TypeBox schemas of residents' requests (issue 12 §1; validation and OpenAPI from one source). */
import { Type, type Static, type TLiteral, type TUnion } from 'typebox';
import {
  CLIP_ACTIONS,
  DECISIONS,
  IDENTITY_METHODS,
  LETTER_LANGUAGES,
  REQUEST_CHANNELS,
  REQUEST_KINDS,
  REQUEST_STATUSES,
} from '../../../core/rights/request.js';
import type {
  CandidateAlarm,
  LetterRecord,
  RequestClipLink,
  RequestEvent,
} from '../../../services/rights-ports.js';
import type { ClipActionResult, FoundClip, RequestView } from '../../../services/rights.service.js';
import { Id, Nullable, everyFieldOf, strict } from '../../schemas.js';

const NullableString = Nullable(Type.String());
type Literals<T extends readonly string[]> = { -readonly [K in keyof T]: TLiteral<T[K]> };
/** A union of the literals of a list the core declares (one source for the values). */
const oneOf = <const T extends readonly string[]>(list: T): TUnion<Literals<T>> =>
  Type.Union(list.map((v) => Type.Literal(v))) as unknown as TUnion<Literals<T>>;

export const RequestKindSchema = oneOf(REQUEST_KINDS);
export const RequestStatusSchema = oneOf(REQUEST_STATUSES);
const DeadlineStatusSchema = oneOf(['answered', 'open', 'due-soon', 'overdue'] as const);
const OutcomeSchema = Nullable(oneOf(['erased', 'restricted', 'refused-hold', 'provided'] as const));
const ActionSchema = oneOf(['start', 'extend', 'decide', 'send', 'close', 'clips'] as const);

export const RequestSchema = everyFieldOf<RequestView>()(
  Type.Object({
    id: Type.String(),
    kind: RequestKindSchema,
    channel: oneOf(REQUEST_CHANNELS),
    receivedAt: Type.String(),
    receivedOn: Type.String(),
    siteId: Type.String(),
    roomId: NullableString,
    windowFrom: Type.String(),
    windowTo: Type.String(),
    recognition: NullableString,
    requesterName: NullableString,
    requesterContact: NullableString,
    contactErasedAt: NullableString,
    identityMethod: oneOf(IDENTITY_METHODS),
    identityNote: NullableString,
    language: oneOf(LETTER_LANGUAGES),
    status: RequestStatusSchema,
    decision: Nullable(oneOf(DECISIONS)),
    decisionReasons: NullableString,
    decidedOn: NullableString,
    extensionNotifiedOn: NullableString,
    extensionReasons: NullableString,
    answeredOn: NullableString,
    closedAt: NullableString,
    closeReason: NullableString,
    createdBy: Type.String(),
    createdAt: Type.String(),
    deadline: Type.Object({
      status: DeadlineStatusSchema,
      dueOn: Type.String(),
      daysLeft: Type.Integer(),
      onTime: Type.Optional(Type.Boolean()),
    }),
    actions: Type.Array(ActionSchema),
  }),
);
export type SubjectRequestDto = Static<typeof RequestSchema>;

export const RequestEventSchema = everyFieldOf<RequestEvent>()(
  Type.Object({
    id: Type.String(),
    requestId: Type.String(),
    at: Type.String(),
    by: Type.String(),
    action: Type.String(),
    details: Type.Record(Type.String(), Type.Unknown()),
  }),
);

export const RequestClipSchema = everyFieldOf<RequestClipLink>()(
  Type.Object({
    requestId: Type.String(),
    clipId: Type.String(),
    linkedBy: Type.String(),
    linkedAt: Type.String(),
    outcome: OutcomeSchema,
    outcomeReason: NullableString,
    policeReport: NullableString,
    actedAt: NullableString,
    actedBy: NullableString,
  }),
);

export const LetterSchema = everyFieldOf<LetterRecord>()(
  Type.Object({
    id: Type.String(),
    requestId: Type.String(),
    kind: oneOf(['decision', 'extension'] as const),
    language: oneOf(LETTER_LANGUAGES),
    format: oneOf(['pdf', 'text'] as const),
    sentOn: Type.String(),
    sentBy: Type.String(),
    digest: Type.String(),
  }),
);

export const RequestDetailSchema = Type.Object({
  request: RequestSchema,
  events: Type.Array(RequestEventSchema),
  clips: Type.Array(RequestClipSchema),
  letters: Type.Array(LetterSchema),
  /** Display names by user id (who acted, linked, sent). */
  people: Type.Record(Type.String(), Type.String()),
});
export type SubjectRequestDetailDto = Static<typeof RequestDetailSchema>;

export const FoundClipSchema = everyFieldOf<FoundClip>()(
  Type.Object({
    id: Type.String(),
    cameraId: Type.String(),
    roomId: Type.String(),
    siteId: Type.String(),
    status: Type.String(),
    startedAt: NullableString,
    endedAt: NullableString,
    durationSeconds: Nullable(Type.Number()),
    retentionUntil: NullableString,
    linked: Type.Boolean(),
    outcome: OutcomeSchema,
    legalHold: Type.Boolean(),
    policeReport: NullableString,
    restricted: Type.Boolean(),
  }),
);

export const FoundAlarmSchema = everyFieldOf<CandidateAlarm>()(
  Type.Object({
    alarmId: Type.String(),
    incidentId: Type.String(),
    roomId: Type.String(),
    raisedAt: Type.String(),
    conversationId: NullableString,
    conversationStartedAt: NullableString,
    conversationEndedAt: NullableString,
    reported: Type.Boolean(),
  }),
);

export const FindingsSchema = Type.Object({
  clips: Type.Array(FoundClipSchema),
  alarms: Type.Array(FoundAlarmSchema),
});
export type FindingsDto = Static<typeof FindingsSchema>;

export const ClipActionResultSchema = everyFieldOf<ClipActionResult>()(
  Type.Object({
    clipId: Type.String(),
    outcome: OutcomeSchema,
    reason: NullableString,
    policeReport: NullableString,
    error: Type.Optional(Type.String()),
  }),
);

/** A date-time with offset; the service checks meaning (RIGHTS.INVALID names the field). */
const Instant = Type.String({ minLength: 16, maxLength: 40, pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}T' });
const OptionalText = (max: number) => Type.Optional(Nullable(Type.String({ maxLength: max })));

export const NewRequestBody = Type.Object(
  {
    kind: RequestKindSchema,
    channel: oneOf(REQUEST_CHANNELS),
    receivedAt: Instant,
    roomId: Type.Optional(Nullable(Id)),
    siteId: Type.Optional(Nullable(Id)),
    windowFrom: Instant,
    windowTo: Instant,
    recognition: OptionalText(1000),
    requesterName: OptionalText(200),
    requesterContact: Type.String({ maxLength: 300 }),
    identityMethod: oneOf(IDENTITY_METHODS),
    identityNote: OptionalText(500),
    language: Type.Optional(oneOf(LETTER_LANGUAGES)),
  },
  strict,
);
export type NewRequestBody = Static<typeof NewRequestBody>;

export const RequestsQuery = Type.Object(
  {
    status: Type.Optional(RequestStatusSchema),
    kind: Type.Optional(RequestKindSchema),
    deadline: Type.Optional(DeadlineStatusSchema),
    /** 'true': only requests not closed yet. */
    open: Type.Optional(oneOf(['true', 'false'] as const)),
  },
  strict,
);
export type RequestsQuery = Static<typeof RequestsQuery>;

const Reasons = Type.String({ maxLength: 4000 });
/** Which letters went out with the step (absent: one, in the request's language, as PDF). */
const LettersSent = Type.Optional(
  Type.Array(
    Type.Object({ language: oneOf(LETTER_LANGUAGES), format: oneOf(['pdf', 'text'] as const) }, strict),
    { minItems: 1, maxItems: 4 },
  ),
);
export const ExtendBody = Type.Object({ reasons: Reasons, letters: LettersSent }, strict);
export const SendBody = Type.Object({ letters: LettersSent }, strict);
export const DecideBody = Type.Object(
  { decision: oneOf(DECISIONS), reasons: Type.Optional(Nullable(Reasons)) },
  strict,
);
export const CloseBody = Type.Object({ reason: Type.Optional(Nullable(Reasons)) }, strict);
export const EmptyBody = Type.Object({}, strict);
export const LinkClipsBody = Type.Object({ clipIds: Type.Array(Id, { minItems: 1, maxItems: 100 }) }, strict);
export const ClipActionBody = Type.Object({ action: oneOf(CLIP_ACTIONS) }, strict);

export const LetterQuery = Type.Object(
  {
    kind: oneOf(['decision', 'extension'] as const),
    lang: Type.Optional(oneOf(LETTER_LANGUAGES)),
    format: Type.Optional(oneOf(['pdf', 'text'] as const)),
  },
  strict,
);
export type LetterQuery = Static<typeof LetterQuery>;
