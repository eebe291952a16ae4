/** TypeBox schemas of complaints and regulator inquiries (issue 12 §3; validation and OpenAPI from one source). */
import { Type, type Static, type TLiteral, type TUnion } from 'typebox';
import {
  COMPLAINT_KINDS,
  COMPLAINT_OUTCOMES,
  COMPLAINT_SOURCES,
  COMPLAINT_STATUSES,
  LINK_KINDS,
  TIMELINE_ENTRIES,
  type ComplaintTimeliness,
} from '../../../core/complaints/complaint.js';
import type { ComplaintEvent } from '../../../services/complaints-ports.js';
import type { ComplaintView, LinkView } from '../../../services/complaints.service.js';
import { Id, Nullable, everyFieldOf, strict } from '../../schemas.js';

const NullableString = Nullable(Type.String());
type Literals<T extends readonly string[]> = { -readonly [K in keyof T]: TLiteral<T[K]> };
const oneOf = <const T extends readonly string[]>(list: T): TUnion<Literals<T>> =>
  Type.Union(list.map((v) => Type.Literal(v))) as unknown as TUnion<Literals<T>>;

const DeadlineStatusSchema = oneOf(['answered', 'open', 'due-soon', 'overdue'] as const);
const ActionSchema = oneOf(['start', 'extend', 'record', 'link', 'answer', 'close'] as const);
const Day = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', maxLength: 10 });

export const ComplaintSchema = everyFieldOf<ComplaintView>()(
  Type.Object({
    id: Type.String(),
    kind: oneOf(COMPLAINT_KINDS),
    source: oneOf(COMPLAINT_SOURCES),
    receivedAt: Type.String(),
    receivedOn: Type.String(),
    siteId: NullableString,
    fromName: NullableString,
    fromContact: NullableString,
    contactErasedAt: NullableString,
    reference: NullableString,
    subject: Type.String(),
    summary: NullableString,
    regulatorDueOn: NullableString,
    status: oneOf(COMPLAINT_STATUSES),
    extensionNotifiedOn: NullableString,
    extensionReasons: NullableString,
    outcome: Nullable(oneOf(COMPLAINT_OUTCOMES)),
    outcomeExplanation: NullableString,
    answeredOn: NullableString,
    closedAt: NullableString,
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
export type ComplaintDto = Static<typeof ComplaintSchema>;

export const ComplaintEventSchema = everyFieldOf<ComplaintEvent>()(
  Type.Object({
    id: Type.String(),
    complaintId: Type.String(),
    at: Type.String(),
    by: Type.String(),
    action: Type.String(),
    details: Type.Record(Type.String(), Type.Unknown()),
  }),
);

export const LinkSchema = everyFieldOf<LinkView>()(
  Type.Object({
    complaintId: Type.String(),
    kind: oneOf(LINK_KINDS),
    targetId: Type.String(),
    linkedBy: Type.String(),
    linkedAt: Type.String(),
    label: NullableString,
  }),
);

export const ComplaintDetailSchema = Type.Object({
  complaint: ComplaintSchema,
  events: Type.Array(ComplaintEventSchema),
  links: Type.Array(LinkSchema),
  people: Type.Record(Type.String(), Type.String()),
});
export type ComplaintDetailDto = Static<typeof ComplaintDetailSchema>;

export const TimelinessSchema = everyFieldOf<ComplaintTimeliness>()(
  Type.Object({
    id: Type.String(),
    kind: oneOf(COMPLAINT_KINDS),
    source: oneOf(COMPLAINT_SOURCES),
    receivedOn: Type.String(),
    dueOn: Type.String(),
    answeredOn: NullableString,
    onTime: Nullable(Type.Boolean()),
    overdue: Type.Boolean(),
    outcome: Nullable(oneOf(COMPLAINT_OUTCOMES)),
  }),
);

const Instant = Type.String({ minLength: 16, maxLength: 40, pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}T' });
const OptionalText = (max: number) => Type.Optional(Nullable(Type.String({ maxLength: max })));
const LinkRef = Type.Object({ kind: oneOf(LINK_KINDS), targetId: Id }, strict);
const Links = Type.Array(LinkRef, { maxItems: 50 });

export const NewComplaintBody = Type.Object(
  {
    kind: oneOf(COMPLAINT_KINDS),
    source: oneOf(COMPLAINT_SOURCES),
    receivedAt: Instant,
    siteId: Type.Optional(Nullable(Id)),
    fromName: OptionalText(200),
    fromContact: OptionalText(300),
    reference: OptionalText(100),
    subject: Type.String({ maxLength: 300 }),
    summary: OptionalText(4000),
    regulatorDueOn: Type.Optional(Nullable(Day)),
    links: Type.Optional(Links),
  },
  strict,
);

export const ComplaintsQuery = Type.Object(
  {
    status: Type.Optional(oneOf(COMPLAINT_STATUSES)),
    kind: Type.Optional(oneOf(COMPLAINT_KINDS)),
    source: Type.Optional(oneOf(COMPLAINT_SOURCES)),
    deadline: Type.Optional(DeadlineStatusSchema),
    open: Type.Optional(oneOf(['true', 'false'] as const)),
  },
  strict,
);

export const PeriodQuery = Type.Object({ from: Day, to: Day }, strict);

const Long = Type.String({ maxLength: 4000 });
export const ExtendBody = Type.Object(
  { reasons: Long, regulatorDueOn: Type.Optional(Nullable(Day)) },
  strict,
);
export const EntryBody = Type.Object({ type: oneOf(TIMELINE_ENTRIES), text: Long }, strict);
export const LinkBody = Type.Object({ add: Type.Optional(Links), remove: Type.Optional(Links) }, strict);
export const AnswerBody = Type.Object({ outcome: oneOf(COMPLAINT_OUTCOMES), explanation: Long }, strict);
export const EmptyBody = Type.Object({}, strict);
