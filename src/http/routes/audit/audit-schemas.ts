/** TypeBox schemas of the audit log and its verification (validation, serialisation and OpenAPI). */
import { Type, type Static } from 'typebox';
import type { NamedAuditEntry } from '../../../services/audit.service.js';
import { AUDIT_GROUPS } from '../../../core/audit/sentences.js';
import { Nullable, everyFieldOf, strict } from '../../schemas.js';
import { IsoTime } from '../incidents/incident-schemas.js';

// Answers

const TextSchema = Type.Object({ nl: Type.String(), en: Type.String() });

export const AuditEntrySchema = everyFieldOf<NamedAuditEntry>()(
  Type.Object({
    seq: Type.Integer(),
    at: Type.String(),
    actor: Type.String(),
    /** The actor's name (the id stays the stable reference); null: an account that no longer exists. */
    actorName: Nullable(Type.String()),
    /** What the subject names, in words. */
    subjectName: TextSchema,
    /** The entry as a sentence with names, in Dutch and English. */
    sentence: TextSchema,
    group: Nullable(Type.String()),
    action: Type.String(),
    subject: Type.String(),
    details: Type.Record(Type.String(), Type.Unknown()),
    /** The details as a person reads them: ids as names ({nl, en}) or left out. */
    facts: Type.Record(Type.String(), Type.Unknown()),
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
    /** What: a group of actions (core/audit/sentences.ts). */
    group: Type.Optional(Type.Union(AUDIT_GROUPS.map((g) => Type.Literal(g)))),
    /** Who: an actor reference (`user:<id>`, `system:<name>`). */
    actor: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    /** When: a date (a whole day in Amsterdam, `to` included) or an instant. */
    from: Type.Optional(IsoTime),
    to: Type.Optional(IsoTime),
  },
  strict,
);
export type AuditQuery = Static<typeof AuditQuery>;
export const AuditExportQuery = Type.Object(
  {
    lang: Type.Optional(Type.Union([Type.Literal('nl'), Type.Literal('en')])),
    subject: Type.Optional(Type.String({ maxLength: 200 })),
    group: Type.Optional(Type.Union(AUDIT_GROUPS.map((g) => Type.Literal(g)))),
    actor: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    from: Type.Optional(IsoTime),
    to: Type.Optional(IsoTime),
  },
  strict,
);
export const AuditPeopleSchema = Type.Array(Type.Object({ id: Type.String(), name: Type.String() }));
