/** TypeBox schemas of legal holds, deletion records and the hold maximum (issue 10 §3). */
import { Type, type Static } from 'typebox';
import type { DeletionRecord } from '../../../services/hold-ports.js';
import type { HoldView } from '../../../services/hold.service.js';
import { Id, Nullable, everyFieldOf, strict } from '../../schemas.js';
import { IsoTime } from '../incidents/incident-schemas.js';

const NullableString = Nullable(Type.String());
/** Checked by the service (HOLD.REASON_REQUIRED), so an empty reason gets its own code. */
const HoldReason = Type.String({ maxLength: 1000 });
/** A date (YYYY-MM-DD: through that day, Europe/Amsterdam) or an ISO date-time with offset. */
const Until = Type.String({
  maxLength: 40,
  description: 'YYYY-MM-DD (through that day, Europe/Amsterdam) or ISO 8601 with offset',
});

export const HoldSchema = everyFieldOf<HoldView>()(
  Type.Object({
    id: Type.String(),
    clipId: Type.String(),
    reason: Type.String(),
    policeReport: NullableString,
    until: Type.String(),
    placedBy: Type.String(),
    placedAt: Type.String(),
    extendedAt: NullableString,
    extendedBy: NullableString,
    extensionReason: NullableString,
    beyondMaximum: Type.Boolean(),
    releasedAt: NullableString,
    releasedBy: NullableString,
    releaseReason: NullableString,
    state: Type.Union([Type.Literal('live'), Type.Literal('released'), Type.Literal('expired')]),
  }),
);
export type Hold = Static<typeof HoldSchema>;

export const ClipHoldsSchema = Type.Object({
  maxDays: Type.Integer(),
  held: Type.Boolean(),
  heldUntil: NullableString,
  holds: Type.Array(HoldSchema),
});
export type ClipHolds = Static<typeof ClipHoldsSchema>;

export const PlaceHoldBody = Type.Object(
  {
    reason: HoldReason,
    policeReport: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    until: Until,
  },
  strict,
);
export type PlaceHoldBody = Static<typeof PlaceHoldBody>;
export const ExtendHoldBody = Type.Object({ until: Until, reason: HoldReason }, strict);
export type ExtendHoldBody = Static<typeof ExtendHoldBody>;
export const ReleaseHoldBody = Type.Object({ reason: HoldReason }, strict);
export type ReleaseHoldBody = Static<typeof ReleaseHoldBody>;

export const HoldPolicySchema = Type.Object({ maxDays: Type.Integer() });
export type HoldPolicy = Static<typeof HoldPolicySchema>;
export const HoldPolicyBody = Type.Object({ maxDays: Type.Integer({ minimum: 1, maximum: 3650 }) }, strict);

export const DeletionSchema = everyFieldOf<DeletionRecord>()(
  Type.Object({
    id: Type.String(),
    clipId: Type.String(),
    cameraId: Type.String(),
    roomId: Type.String(),
    siteId: Type.String(),
    incidentIds: Type.Array(Type.String()),
    startedAt: NullableString,
    endedAt: NullableString,
    parts: Nullable(Type.Number()),
    sealedBytes: Nullable(Type.Number()),
    manifestDigest: NullableString,
    reason: Type.Union([Type.Literal('retention'), Type.Literal('erasure'), Type.Literal('objection')]),
    deletedAt: Type.String(),
    deletedBy: Type.String(),
  }),
);
export type Deletion = Static<typeof DeletionSchema>;

export const DeletionsQuery = Type.Object(
  {
    clipId: Type.Optional(Id),
    incidentId: Type.Optional(Id),
    from: Type.Optional(IsoTime),
    to: Type.Optional(IsoTime),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  },
  strict,
);
export type DeletionsQuery = Static<typeof DeletionsQuery>;
