/** Schemas of the recorder agents' routes (ADR 0015): administrators' and the agents' own. */
import { Type, type Static } from 'typebox';
import { Id, Name, Nullable, open, strict } from '../../schemas.js';

export const AgentReportSchema = Type.Object(
  {
    state: Type.Union([Type.Literal('recording'), Type.Literal('offline'), Type.Literal('disarmed')]),
    armedCameras: Type.Integer({ minimum: 0 }),
    queuedSteps: Type.Integer({ minimum: 0 }),
    queuedParts: Type.Integer({ minimum: 0 }),
    oldestQueuedAt: Nullable(Type.String({ maxLength: 40 })),
    restarts: Type.Integer({ minimum: 0 }),
    version: Type.String({ maxLength: 40 }),
  },
  strict,
);

export const AgentSchema = Type.Object(
  {
    id: Type.String(),
    siteId: Type.String(),
    name: Type.String(),
    state: Type.Union([
      Type.Literal('awaiting-enrolment'),
      Type.Literal('code-expired'),
      Type.Literal('enrolled'),
      Type.Literal('revoked'),
    ]),
    createdAt: Type.String(),
    /** Until when the one-time code enrols the agent (24 hours after creation); null once enrolled or revoked. */
    codeExpiresAt: Nullable(Type.String()),
    enrolledAt: Nullable(Type.String()),
    revokedAt: Nullable(Type.String()),
    lastSeenAt: Nullable(Type.String()),
    lagSeconds: Nullable(Type.Number()),
    report: Nullable(AgentReportSchema),
  },
  strict,
);

export const CreateAgentBody = Type.Object({ siteId: Id, name: Name }, strict);
export type CreateAgentBody = Static<typeof CreateAgentBody>;
export const CreatedAgentSchema = Type.Object({ agent: AgentSchema, code: Type.String() }, strict);

export const EnrolBody = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 40 }),
    recipient: Type.String({ minLength: 1, maxLength: 100 }),
  },
  strict,
);
export type EnrolBody = Static<typeof EnrolBody>;
export const EnrolledSchema = Type.Object(
  { agentId: Type.String(), siteId: Type.String(), token: Type.String(), planKey: Type.String() },
  strict,
);

/** The plan is signed as canonical JSON: passed through as it is (core/agents/plan.ts is its shape). */
export const SignedPlanSchema = Type.Object({ plan: Type.Unknown(), signature: Type.String() }, strict);

export const HeartbeatBody = Type.Object({ report: AgentReportSchema }, strict);

/** The recorder's clip row as it opens (services/recording.service.ts clipOpened); checked there. */
export const ClipOpenBody = Type.Object(
  {
    cameraId: Id,
    alarmId: Nullable(Id),
    incidentId: Nullable(Id),
    alarmIds: Type.Array(Id, { maxItems: 1000 }),
    incidentIds: Type.Array(Id, { maxItems: 1000 }),
    conversationId: Nullable(Id),
    mode: Type.Union([Type.Literal('incident'), Type.Literal('continuous')]),
    policySeq: Nullable(Type.Integer()),
    policyCompiledAt: Nullable(Type.String({ maxLength: 40 })),
    policyHash: Nullable(Type.String({ maxLength: 200 })),
    assessmentIds: Type.Array(Type.String({ maxLength: 64 }), { maxItems: 100 }),
    retentionHours: Type.Number({ minimum: 0, maximum: 100_000 }),
    startedAt: Nullable(Type.String({ maxLength: 40 })),
    preRollSeconds: Nullable(Type.Number({ minimum: 0 })),
  },
  strict,
);
export type ClipOpenBody = Static<typeof ClipOpenBody>;

export const ClipParams = Type.Object({ clipId: Id }, strict);
export const PartParams = Type.Object(
  { clipId: Id, n: Type.Integer({ minimum: 0, maximum: 999_999 }) },
  strict,
);

export const ExtendBody = Type.Object({ alarmId: Id, incidentId: Nullable(Id) }, strict);

export const NoteBody = Type.Object(
  {
    incidentId: Nullable(Id),
    alarmId: Id,
    roomId: Id,
    cameraId: Nullable(Id),
    kind: Type.Union([
      Type.Literal('clip'),
      Type.Literal('clip-extended'),
      Type.Literal('clip-cut'),
      Type.Literal('camera-offline'),
      Type.Literal('camera-disabled'),
      Type.Literal('suspended'),
      Type.Literal('objection'),
      Type.Literal('policy-off'),
      Type.Literal('vault-key-missing'),
      Type.Literal('ffmpeg-missing'),
      Type.Literal('seal-failed'),
      Type.Literal('vault-disk-full'),
    ]),
    message: Type.String({ minLength: 1, maxLength: 2000 }),
    clipId: Nullable(Id),
  },
  strict,
);

export const ClipEndBody = Type.Object(
  {
    outcome: Type.Union([Type.Literal('sealed'), Type.Literal('failed'), Type.Literal('interrupted')]),
    parts: Type.Integer({ minimum: 0 }),
    sealedBytes: Type.Integer({ minimum: 0 }),
    error: Nullable(
      Type.Object(
        { code: Type.String({ maxLength: 64 }), message: Type.String({ maxLength: 2000 }) },
        strict,
      ),
    ),
    /** The recorder's clip metadata (core/recording/clip.ts ClipMetadata). */
    meta: Nullable(Type.Object({}, open)),
  },
  strict,
);

export const StoredPartSchema = Type.Object({ stored: Type.Boolean() }, strict);
export const DoneSchema = Type.Object({ ok: Type.Boolean() }, strict);
