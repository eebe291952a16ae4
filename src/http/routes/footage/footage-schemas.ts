/** TypeBox schemas of the four-eyes viewing API (VIEWING-API.md; validation and OpenAPI from one source). */
import { Type, type Static } from 'typebox';
import type { FootageEvent, PersonRef, ViewingRequest } from '../../../services/viewing.service.js';
import { Id, Nullable, everyFieldOf, strict } from '../../schemas.js';

const NullableString = Nullable(Type.String());
export const LegalGroundSchema = Type.Union([
  Type.Literal('own-investigation'),
  Type.Literal('police-report'),
  Type.Literal('subject-access'),
  Type.Literal('complaint'),
]);
export const PurposeSchema = Type.Union([Type.Literal('view'), Type.Literal('export')]);
export const RequestStateSchema = Type.Union([
  Type.Literal('pending'),
  Type.Literal('granted'),
  Type.Literal('refused'),
  Type.Literal('revoked'),
  Type.Literal('ended'),
]);

export const PersonRefSchema = everyFieldOf<PersonRef>()(
  Type.Object({ id: Type.String(), displayName: Type.String() }),
);

export const ViewingRequestSchema = everyFieldOf<ViewingRequest>()(
  Type.Object({
    id: Type.String(),
    clipId: Type.String(),
    incidentId: NullableString,
    alarmId: NullableString,
    siteId: Type.String(),
    roomId: Type.String(),
    cameraId: Type.String(),
    clipStartedAt: NullableString,
    clipEndedAt: NullableString,
    requestedBy: PersonRefSchema,
    requestedAt: Type.String(),
    reason: Type.String(),
    legalGround: LegalGroundSchema,
    policeReport: NullableString,
    purposes: Type.Array(PurposeSchema),
    state: RequestStateSchema,
    threshold: Type.Integer(),
    approvals: Type.Array(Type.Object({ by: PersonRefSchema, at: Type.String() })),
    refusal: Nullable(Type.Object({ by: PersonRefSchema, at: Type.String(), reason: Type.String() })),
    awaiting: Type.Array(PersonRefSchema),
    grant: Nullable(
      Type.Object({
        id: Type.String(),
        grantedAt: Type.String(),
        expiresAt: Type.String(),
        playsLeft: Type.Integer(),
        exportAllowed: Type.Boolean(),
        live: Type.Boolean(),
      }),
    ),
    endedAt: NullableString,
    endReason: NullableString,
  }),
);
export type ViewingRequestView = Static<typeof ViewingRequestSchema>;

export const FootageEventSchema = everyFieldOf<FootageEvent>()(
  Type.Object({
    at: Type.String(),
    clipId: Type.String(),
    action: Type.String(),
    actor: Nullable(PersonRefSchema),
    requestId: NullableString,
    details: Type.Record(
      Type.String(),
      Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()]),
    ),
    auditSeq: Type.Integer(),
  }),
);
export type FootageEventView = Static<typeof FootageEventSchema>;

export const RequestBody = Type.Object(
  {
    clipId: Id,
    reason: Type.String({ minLength: 1, maxLength: 4000 }),
    legalGround: LegalGroundSchema,
    purposes: Type.Array(PurposeSchema, { minItems: 1, maxItems: 2 }),
    policeReport: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  },
  strict,
);
export type RequestBody = Static<typeof RequestBody>;

export const RequestsQuery = Type.Object(
  {
    state: Type.Optional(RequestStateSchema),
    clipId: Type.Optional(Id),
    incidentId: Type.Optional(Id),
    awaitingMe: Type.Optional(Type.Boolean()),
  },
  strict,
);
export type RequestsQuery = Static<typeof RequestsQuery>;

/** With a passphrase (typed in the browser) or the opened share document (base64; the CLI). */
export const ApproveBody = Type.Union([
  Type.Object({ passphrase: Type.String({ minLength: 1, maxLength: 1000 }) }, strict),
  Type.Object(
    { share: Type.String({ minLength: 1, maxLength: 4096, pattern: '^[A-Za-z0-9+/=]+$' }) },
    strict,
  ),
]);
export type ApproveBody = Static<typeof ApproveBody>;

export const ReasonBody = Type.Object({ reason: Type.String({ minLength: 3, maxLength: 2000 }) }, strict);
export type ReasonBody = Static<typeof ReasonBody>;

export const PlayBody = Type.Object({}, strict);
export const PlaySchema = Type.Object({
  url: Type.String(),
  expiresAt: Type.String(),
  playsLeft: Type.Integer(),
  viewer: Type.Object({ displayName: Type.String() }),
  clip: Type.Object({
    roomName: Type.String(),
    cameraName: Type.String(),
    startedAt: NullableString,
    endedAt: NullableString,
  }),
});
export type Play = Static<typeof PlaySchema>;

export const TokenParams = Type.Object(
  { token: Type.String({ minLength: 10, maxLength: 200, pattern: '^[A-Za-z0-9_-]+$' }) },
  strict,
);
export const HistoryQuery = Type.Object({ incidentId: Type.Optional(Id), clipId: Type.Optional(Id) }, strict);
export type HistoryQuery = Static<typeof HistoryQuery>;
