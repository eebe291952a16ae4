/** TypeBox schemas of the recording API (validation and OpenAPI from one source). */
import { Type } from 'typebox';
import { Nullable } from '../../schemas.js';

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
