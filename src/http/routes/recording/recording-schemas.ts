/** TypeBox schemas of the recording API (validation and OpenAPI from one source). */
import { Type, type Static } from 'typebox';
import { Id, Nullable, strict } from '../../schemas.js';

const NullableString = Nullable(Type.String());
const NullableNumber = Nullable(Type.Number());
export const Reason = Type.String({ minLength: 3, maxLength: 500 });

export const ClipSchema = Type.Object({
  id: Type.String(),
  cameraId: Type.String(),
  roomId: Type.String(),
  siteId: Type.String(),
  alarmId: NullableString,
  incidentId: NullableString,
  alarmIds: Type.Array(Type.String()),
  incidentIds: Type.Array(Type.String()),
  conversationId: NullableString,
  mode: Type.Union([Type.Literal('incident'), Type.Literal('continuous')]),
  policySeq: NullableNumber,
  policyCompiledAt: NullableString,
  policyHash: NullableString,
  assessmentIds: Type.Array(Type.String()),
  status: Type.Union([
    Type.Literal('recording'),
    Type.Literal('sealed'),
    Type.Literal('failed'),
    Type.Literal('interrupted'),
    Type.Literal('deleted'),
  ]),
  startedAt: NullableString,
  endedAt: NullableString,
  durationSeconds: NullableNumber,
  bytes: NullableNumber,
  sealedBytes: NullableNumber,
  parts: NullableNumber,
  keyframeIntervalSeconds: NullableNumber,
  preRollSeconds: NullableNumber,
  endReason: NullableString,
  codec: NullableString,
  width: NullableNumber,
  height: NullableNumber,
  manifestDigest: NullableString,
  retentionHours: Type.Number(),
  retentionUntil: NullableString,
  errorCode: NullableString,
  createdAt: Type.String(),
  sealedAt: NullableString,
  deletedAt: NullableString,
  deletedReason: NullableString,
  /** A live legal hold keeps the clip past its retention (issue 10 §3). */
  held: Type.Boolean(),
  /** When the last live hold ends (ISO UTC); null when not held. */
  heldUntil: NullableString,
});

export const SuspensionSchema = Type.Object({
  id: Type.String(),
  scope: Type.Union([Type.Literal('site'), Type.Literal('organisation')]),
  siteId: NullableString,
  reason: Type.String(),
  suspendedBy: Type.String(),
  suspendedAt: Type.String(),
  resumedBy: NullableString,
  resumedAt: NullableString,
  resumeReason: NullableString,
});

export const NoteSchema = Type.Object({
  id: Type.String(),
  incidentId: NullableString,
  alarmId: Type.String(),
  roomId: Type.String(),
  cameraId: NullableString,
  kind: Type.String(),
  message: Type.String(),
  clipId: NullableString,
  at: Type.String(),
});

export const CameraStatusSchema = Type.Object({
  cameraId: Type.String(),
  cameraName: Type.String(),
  roomId: Type.String(),
  siteId: Type.String(),
  armed: Type.Boolean(),
  recording: Type.Boolean(),
  draining: Type.Boolean(),
  mode: Type.String(),
  offReason: NullableString,
  /** Why it is off, as a stable word the screens translate (offReason is English for logs). */
  offKind: NullableString,
  state: Type.String(),
  stateSince: NullableString,
  error: Nullable(Type.Object({ code: Type.String(), message: Type.String() })),
  lastFragmentAt: NullableString,
  bitrateBps: NullableNumber,
  gopSeconds: NullableNumber,
  gopWarning: Type.Boolean(),
  restarts: Type.Number(),
  nextAttemptAt: NullableString,
  ringSeconds: Type.Number(),
  ringBytes: Type.Number(),
  preRollSeconds: NullableNumber,
  sealError: Nullable(Type.Object({ code: Type.String(), message: Type.String(), at: Type.String() })),
  clipsSealed: Type.Number(),
  bytesSealed: Type.Number(),
});

/** GET /api/recording/status. */
export const RecordingStatusSchema = Type.Object({
  /** Whether the recorder runs in this server: when it does not, no camera is listed (none is planned). */
  running: Type.Boolean(),
  blocked: Type.Array(Type.Object({ kind: Type.String(), message: Type.String() })),
  suspensions: Type.Array(SuspensionSchema),
  cameras: Type.Array(CameraStatusSchema),
});
export type RecordingStatus = Static<typeof RecordingStatusSchema>;
/** Whether an incident has footage: its clips, or the notes that say why not. */
export const FootageSchema = Type.Object({ notes: Type.Array(NoteSchema), clips: Type.Array(ClipSchema) });
export type Footage = Static<typeof FootageSchema>;
export const ObjectionSchema = Type.Object({
  objection: Type.Object({
    id: Type.String(),
    roomId: Type.String(),
    conversationId: Type.String(),
    at: Type.String(),
  }),
  created: Type.Boolean(),
});
export type Objection = Static<typeof ObjectionSchema>;
export type Clip = Static<typeof ClipSchema>;
export type Suspension = Static<typeof SuspensionSchema>;
export type FootageNote = Static<typeof NoteSchema>;
export type CameraStatusView = Static<typeof CameraStatusSchema>;

// Requests

export const ClipsQuery = Type.Object(
  {
    incidentId: Type.Optional(Id),
    alarmId: Type.Optional(Id),
    cameraId: Type.Optional(Id),
    includeDeleted: Type.Optional(Type.Boolean()),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  },
  strict,
);
export type ClipsQuery = Static<typeof ClipsQuery>;
export const ObjectionBody = Type.Object({ roomId: Id }, strict);
export type ObjectionBody = Static<typeof ObjectionBody>;
export const SuspensionBody = Type.Object(
  {
    scope: Type.Union([Type.Literal('site'), Type.Literal('organisation')]),
    siteId: Type.Optional(Id),
    reason: Reason,
  },
  strict,
);
export type SuspensionBody = Static<typeof SuspensionBody>;
export const ResumeBody = Type.Object({ reason: Reason }, strict);
export type ResumeBody = Static<typeof ResumeBody>;
