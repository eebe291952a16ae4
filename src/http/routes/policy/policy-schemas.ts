/**
 * TypeBox schemas of the room policy (serialisation and OpenAPI). The objects stay open
 * (undeclared fields pass through): the policy is the compiler's output and grows with it, and
 * nothing it adds may vanish from the answer; the declared fields are the ones screens read.
 */
import { Type, type Static } from 'typebox';
import { HourWindowSchema } from '../../../core/assessment/scenario.schema.js';
import { DECISION_REASONS, type Decision } from '../../../core/policy/decide.js';
import type { PolicyEntry } from '../../../core/policy/policy.js';
import type { CurrentPolicy, RoomPolicyView } from '../../../services/policy.service.js';
import { Nullable, everyFieldOf, open, strict } from '../../schemas.js';

// Answers

const IncidentTriggered = Type.Object({
  kind: Type.Literal('incident-triggered'),
  preRollSeconds: Type.Integer(),
  postRollSeconds: Type.Integer(),
});
const Continuous = Type.Object({ kind: Type.Literal('continuous') });
/** What a room records: nothing, a window around each alarm, or everything. */
export const RecordingModeSchema = Type.Union([
  Type.Object({ kind: Type.Literal('off') }),
  IncidentTriggered,
  Continuous,
]);
export type RecordingModeView = Static<typeof RecordingModeSchema>;

export const PolicyEntrySchema = everyFieldOf<PolicyEntry>()(
  Type.Object(
    {
      assessmentId: Type.String(),
      measureId: Type.String(),
      conversationTypeId: Type.String(),
      /** Empty: all hours, in the policy's time zone. */
      hours: Type.Array(HourWindowSchema),
      mode: Type.Union([IncidentTriggered, Continuous]),
      audioAllowed: Type.Boolean(),
      retentionHours: Type.Number(),
      viewers: Type.Array(Type.String()),
      riskFlaggedOnly: Type.Optional(Type.Boolean()),
      validUntil: Type.Optional(Type.String()),
    },
    open,
  ),
);
export type PolicyEntryView = Static<typeof PolicyEntrySchema>;
export const RoomPolicySchema = Type.Object(
  { roomId: Type.String(), entries: Type.Array(PolicyEntrySchema) },
  open,
);
export type RoomPolicy = Static<typeof RoomPolicySchema>;

/** decide()'s answer: what the recorder does for a conversation, and why. */
export const DecisionSchema = everyFieldOf<Decision>()(
  Type.Object(
    {
      mode: RecordingModeSchema,
      audioAllowed: Type.Boolean(),
      retentionHours: Type.Optional(Type.Number()),
      viewers: Type.Array(Type.String()),
      assessmentIds: Type.Array(Type.String()),
      reason: Type.String(),
      reasonCode: Type.Union(DECISION_REASONS.map((r) => Type.Literal(r))),
    },
    open,
  ),
);
export type DecisionView = Static<typeof DecisionSchema>;

export const CompiledPolicySchema = Type.Object(
  { compiledAt: Type.String(), timeZone: Type.String(), rooms: Type.Array(RoomPolicySchema) },
  open,
);
export type CompiledPolicyView = Static<typeof CompiledPolicySchema>;

/** GET /api/policy. */
export const CurrentPolicySchema = everyFieldOf<CurrentPolicy>()(
  Type.Object(
    {
      compiled: CompiledPolicySchema,
      hash: Type.String(),
      version: Nullable(
        Type.Object({
          seq: Type.Integer(),
          hash: Type.String(),
          compiledAt: Type.String(),
          trigger: Type.String(),
        }),
      ),
    },
    open,
  ),
);
export type CurrentPolicyView = Static<typeof CurrentPolicySchema>;

/**
 * A stored version, as it was compiled then: older versions may lack fields the compiler adds
 * today, so only the envelope is declared and the rest passes through as stored.
 */
export const PolicyVersionSchema = Type.Object(
  {
    seq: Type.Integer(),
    compiledAt: Type.String(),
    trigger: Type.String(),
    cause: Type.Optional(Type.String()),
    hash: Type.String(),
    compiled: Type.Object(
      {
        compiledAt: Type.String(),
        timeZone: Type.String(),
        rooms: Type.Array(
          Type.Object({ roomId: Type.String(), entries: Type.Array(Type.Object({}, open)) }, open),
        ),
      },
      open,
    ),
  },
  open,
);
export type PolicyVersionView = Static<typeof PolicyVersionSchema>;

/** GET /api/rooms/:id/policy. */
export const RoomPolicyViewSchema = everyFieldOf<RoomPolicyView>()(
  Type.Object(
    {
      roomId: Type.String(),
      roomName: Type.String(),
      at: Type.String(),
      policy: RoomPolicySchema,
      decisions: Type.Array(
        Type.Object({
          conversationTypeId: Type.String(),
          code: Type.String(),
          name: Type.String(),
          decision: DecisionSchema,
          riskFlaggedDecision: DecisionSchema,
        }),
      ),
    },
    open,
  ),
);
export type { RoomPolicyView };

// Requests

export const PolicyHistoryQuery = Type.Object(
  { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })) },
  strict,
);
export type PolicyHistoryQuery = Static<typeof PolicyHistoryQuery>;
export const RoomPolicyQuery = Type.Object(
  { conversationType: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })) },
  strict,
);
export type RoomPolicyQuery = Static<typeof RoomPolicyQuery>;
