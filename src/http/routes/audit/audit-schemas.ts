/** TypeBox schemas of the audit log and its verification (validation, serialisation and OpenAPI). */
import { Type, type Static } from 'typebox';
import type { AuditEntry } from '../../../core/audit/chain.js';
import { Nullable, everyFieldOf, strict } from '../../schemas.js';

// Answers

export const AuditEntrySchema = everyFieldOf<AuditEntry & { actorName: string | null }>()(
  Type.Object({
    seq: Type.Integer(),
    at: Type.String(),
    actor: Type.String(),
    /** The username for user actors (the id stays the stable reference); null when unknown. */
    actorName: Nullable(Type.String()),
    action: Type.String(),
    subject: Type.String(),
    details: Type.Record(Type.String(), Type.Unknown()),
    prevHash: Type.String(),
    hash: Type.String(),
    /** Present when the stored row cannot be read (details not a JSON object): shown as damaged. */
    damage: Type.Optional(Type.Object({ reason: Type.String(), raw: Type.String() })),
  }),
);
export type AuditEntryView = Static<typeof AuditEntrySchema>;
export const AuditPageSchema = Type.Object({
  entries: Type.Array(AuditEntrySchema),
  total: Type.Integer(),
  nextBefore: Nullable(Type.Integer()),
});
export type AuditPage = Static<typeof AuditPageSchema>;
/** The chain verified whole; `problem` names the first altered, removed, reordered or damaged entry. */
export const AuditVerificationSchema = Type.Object({
  ok: Type.Boolean(),
  checked: Type.Integer(),
  headHash: Type.Optional(Nullable(Type.String())),
  problem: Type.Optional(Type.Object({ kind: Type.String(), seq: Type.Integer(), detail: Type.String() })),
  /** The chain held against the configured anchor file of signed heads (ADR 0002). */
  anchor: Type.Optional(
    Type.Object({
      present: Type.Boolean(),
      anchors: Type.Integer(),
      lastGood: Nullable(
        Type.Object({ line: Type.Integer(), seq: Type.Integer(), hash: Type.String(), at: Type.String() }),
      ),
      problem: Type.Optional(
        Type.Object({
          kind: Type.String(),
          seq: Type.Integer(),
          line: Type.Integer(),
          detail: Type.String(),
        }),
      ),
    }),
  ),
});
export type AuditVerificationView = Static<typeof AuditVerificationSchema>;

// Requests

export const AuditQuery = Type.Object(
  {
    before: Type.Optional(Type.Integer({ minimum: 1 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
    subject: Type.Optional(Type.String({ maxLength: 200 })),
    action: Type.Optional(Type.String({ maxLength: 100 })),
  },
  strict,
);
export type AuditQuery = Static<typeof AuditQuery>;
