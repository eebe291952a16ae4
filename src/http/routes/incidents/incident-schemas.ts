/** TypeBox schemas of the incident register (validation and OpenAPI from one source). */
import { Type } from 'typebox';
import { INCIDENT_KINDS, SEVERITY_MAX, SEVERITY_MIN } from '../../../core/alarm/model.js';
import { Id, Nullable } from '../../schemas.js';

export const IsoTime = Type.String({
  minLength: 4,
  maxLength: 40,
  pattern: '^[0-9]{4}(-[0-9]{2}(-[0-9]{2}(T[0-9:.]+(Z|[+-][0-9:]+)?)?)?)?$',
});

const IncidentFields = {
  id: Type.String(),
  siteId: Type.String(),
  roomId: Type.String(),
  conversationTypeId: Nullable(Type.String()),
  occurredAt: Type.String(),
  source: Type.Union([Type.Literal('alarm'), Type.Literal('manual')]),
  kind: Nullable(Type.String()),
  severity: Type.Union([Type.Integer(), Type.Null()]),
  injury: Type.Boolean(),
  policeReport: Type.Boolean(),
  policeReference: Nullable(Type.String()),
  followUp: Nullable(Type.String()),
  reportedBy: Nullable(Type.String()),
  reportedAt: Nullable(Type.String()),
  createdAt: Type.String(),
  alarmId: Nullable(Type.String()),
  conversationId: Nullable(Type.String()),
  raisedBy: Nullable(Type.String()),
  respondedAt: Nullable(Type.String()),
  responseMs: Type.Union([Type.Integer(), Type.Null()]),
};
export const IncidentSummarySchema = Type.Object({ ...IncidentFields, hasNarrative: Type.Boolean() });
const ReportVersionSchema = Type.Object({
  version: Type.Integer(),
  kind: Type.String(),
  severity: Type.Integer(),
  injury: Type.Boolean(),
  policeReport: Type.Boolean(),
  policeReference: Nullable(Type.String()),
  followUp: Nullable(Type.String()),
  narrative: Nullable(Type.String()),
  reportedBy: Type.String(),
  reportedAt: Type.String(),
  bySecurity: Type.Boolean(),
});
export const IncidentSchema = Type.Object({
  ...IncidentFields,
  narrative: Nullable(Type.String()),
  /** The current report version (null: not reported yet). */
  reportVersion: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
  /** Every version, oldest first (GET, for readers of narratives; null for others). */
  history: Type.Optional(Type.Union([Type.Array(ReportVersionSchema), Type.Null()])),
});

export const ReportFields = {
  kind: Type.Union(INCIDENT_KINDS.map((k) => Type.Literal(k))),
  severity: Type.Integer({ minimum: SEVERITY_MIN, maximum: SEVERITY_MAX }),
  injury: Type.Boolean(),
  policeReport: Type.Boolean(),
  policeReference: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
  followUp: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  narrative: Type.Optional(Nullable(Type.String({ maxLength: 10_000 }))),
};

const Counts = Type.Record(Type.String(), Type.Integer());
export const BucketSchema = Type.Object({
  key: Type.String(),
  count: Type.Integer(),
  byKind: Counts,
  bySeverity: Counts,
  injuries: Type.Integer(),
  policeReports: Type.Integer(),
  fromAlarm: Type.Integer(),
  unreported: Type.Integer(),
  responseTimes: Type.Object({
    count: Type.Integer(),
    medianMs: Type.Union([Type.Number(), Type.Null()]),
    p90Ms: Type.Union([Type.Number(), Type.Null()]),
    maxMs: Type.Union([Type.Number(), Type.Null()]),
  }),
});

export const FilterQuery = {
  siteId: Type.Optional(Id),
  roomId: Type.Optional(Id),
  conversationTypeId: Type.Optional(Id),
  from: Type.Optional(IsoTime),
  to: Type.Optional(IsoTime),
};

/** The register's page: filters, search and paging (issue 11); every parameter checked, an unknown one refused. */
export const RegisterQuery = Type.Object(
  {
    siteId: Type.Optional(Id),
    roomId: Type.Optional(Id),
    kind: Type.Optional(Type.Union(INCIDENT_KINDS.map((k) => Type.Literal(k)))),
    severity: Type.Optional(Type.Integer({ minimum: SEVERITY_MIN, maximum: SEVERITY_MAX })),
    /** 'unreported': the report is still to be completed ("nog in te vullen"). */
    status: Type.Optional(Type.Union([Type.Literal('reported'), Type.Literal('unreported')])),
    policeReport: Type.Optional(Type.Boolean()),
    /** A date (a whole day in the municipality's time zone, `to` included) or an instant. */
    from: Type.Optional(IsoTime),
    to: Type.Optional(IsoTime),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
  },
  { additionalProperties: false },
);
export const RegisterPageSchema = Type.Object({
  items: Type.Array(IncidentSummarySchema),
  total: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
});
