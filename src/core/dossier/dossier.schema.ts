/**
 * The regulator dossier (issue 12 §4, docs/dossier.md) as a TypeBox schema: the same definition is
 * the TypeScript type of what the core builds, and the JSON Schema published at
 * docs/dossier.schema.json that the JSON in the ZIP validates against. Nothing in it names a
 * resident: subject requests appear by kind, dates and timeliness only; staff appear by name,
 * because the regulator asks who did what.
 */
import { Type, type Static, type TSchema } from 'typebox';

const closed = { additionalProperties: false } as const;
const Obj = <P extends Record<string, TSchema>>(properties: P, description?: string) =>
  Type.Object(properties, { ...closed, ...(description === undefined ? {} : { description }) });
const Nullable = <T extends TSchema>(s: T) => Type.Union([s, Type.Null()]);
const Day = Type.String({
  pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$',
  description: 'Calendar day (Europe/Amsterdam), YYYY-MM-DD',
});
const Instant = Type.String({ description: 'ISO 8601 instant (UTC)' });
const Month = Type.String({
  pattern: '^[0-9]{4}-[0-9]{2}$',
  description: 'Calendar month (Europe/Amsterdam), YYYY-MM',
});
const Count = Type.Integer({ minimum: 0 });
const Text = Obj({ nl: Type.String(), en: Type.String() }, 'The same text in Dutch and English');

const Organisation = Obj({
  name: Type.String(),
  address: Type.String(),
  dpo: Obj({ name: Type.String(), email: Type.String(), phone: Type.String() }),
});

const AssessmentVersion = Obj({
  version: Type.Integer({ minimum: 1 }),
  status: Type.String({ description: 'draft, submitted, approved, rejected, superseded, withdrawn, …' }),
  createdAt: Instant,
  submittedAt: Nullable(Instant),
  verdict: Nullable(Type.String()),
  dpoAdvice: Nullable(
    Obj({ by: Type.String(), at: Instant, recommendation: Type.String(), advice: Type.String() }),
  ),
  decision: Nullable(Obj({ by: Type.String(), at: Instant, outcome: Type.String(), reasons: Type.String() })),
  validFrom: Nullable(Type.String()),
  reviewDate: Nullable(
    Type.String({ description: 'The decision holds until this day; then the measure is assessed again' }),
  ),
  withdrawal: Nullable(Obj({ at: Instant, reason: Type.String() })),
});

const Measure = Obj(
  {
    assessmentId: Type.String(),
    title: Type.String(),
    measure: Type.String(),
    rooms: Type.Array(Type.String()),
    conversationTypes: Type.Array(Type.String()),
    inForce: Type.Boolean({ description: 'An approved version holds at the end of the period' }),
    versions: Type.Array(AssessmentVersion),
  },
  'One measure (assessment) for the rooms and kinds of conversation in its scope',
);

const PolicyEntry = Obj({
  room: Type.String(),
  site: Type.String(),
  conversationType: Type.String(),
  measure: Type.String(),
  mode: Type.String({ description: 'incident-triggered or continuous' }),
  audio: Type.Boolean(),
  retentionHours: Type.Number(),
  assessmentId: Type.String(),
});

const PolicyVersion = Obj(
  {
    seq: Type.Integer({ minimum: 1 }),
    compiledAt: Instant,
    trigger: Type.String(),
    cause: Nullable(Type.String()),
    hash: Type.String(),
    recording: Type.Array(PolicyEntry, { description: 'What this version let the recorder record, where' }),
  },
  'One version of the compiled room policy',
);

const Suspension = Obj({
  scope: Type.String(),
  site: Nullable(Type.String()),
  suspendedAt: Instant,
  resumedAt: Nullable(Instant),
});

const figures = {
  recorded: Count,
  viewed: Count,
  exported: Count,
  held: Count,
  deleted: Count,
  deletedOnTime: Count,
  deletedLate: Count,
  keptPastDeadline: Count,
};
const RecordingFigures = Obj(figures, 'Clips recorded, and what became of those clips');
const RecordingMonth = Obj(
  { month: Month, ...figures },
  'Clips recorded in a month, and what became of those clips',
);

const Access = Obj({
  requestedAt: Instant,
  requestedBy: Type.String(),
  site: Type.String(),
  room: Type.String(),
  reason: Type.String(),
  legalGround: Type.String(),
  policeReport: Type.Boolean({
    description: 'A police report is named (its number stays out of the dossier)',
  }),
  purposes: Type.Array(Type.String()),
  state: Type.String(),
  plays: Count,
});

const Export = Obj({ at: Instant, by: Type.String(), room: Type.String() });

const SubjectRequest = Obj(
  {
    receivedOn: Day,
    kind: Type.String(),
    channel: Type.String(),
    site: Type.String(),
    status: Type.String(),
    decision: Nullable(Type.String()),
    extended: Type.Boolean(),
    dueOn: Day,
    answeredOn: Nullable(Day),
    timeliness: Type.Union([
      Type.Literal('on-time'),
      Type.Literal('late'),
      Type.Literal('open'),
      Type.Literal('overdue'),
    ]),
  },
  "A resident's request without anything that names the resident",
);

const Complaint = Obj({
  receivedOn: Day,
  kind: Type.String({ description: 'complaint or regulator-inquiry' }),
  from: Type.String({
    description:
      'the kind of sender (resident, staff, union, works-council, regulator, other); never a name. The subject is left out: it may name a person',
  }),
  dueOn: Day,
  answeredOn: Nullable(Day),
  onTime: Nullable(Type.Boolean({ description: 'null: not answered yet, or withdrawn' })),
  outcome: Nullable(Type.String({ description: 'founded, partly-founded, unfounded or withdrawn' })),
});

const RegisterEntry = Obj(
  {
    name: Text,
    purposes: Type.Array(Text),
    legalBasis: Type.String(),
    dataSubjectCategories: Type.Array(Text),
    personalDataCategories: Type.Array(Text),
    recipients: Type.Array(Text),
    transfers: Text,
    retention: Text,
    securityMeasures: Type.Array(Text),
    assessmentId: Type.String(),
    version: Nullable(Type.Integer()),
    approvedOn: Type.String(),
    reviewDate: Nullable(Type.String()),
  },
  'An entry of the register of processing activities (AVG art. 30 lid 1)',
);

const Audit = Obj({
  verifiedAt: Instant,
  ok: Type.Boolean(),
  entriesChecked: Count,
  headHash: Nullable(Type.String()),
  problem: Nullable(Obj({ kind: Type.String(), seq: Type.Integer(), detail: Type.String() })),
  anchor: Nullable(
    Obj({
      present: Type.Boolean(),
      anchors: Count,
      lastGood: Nullable(Obj({ seq: Type.Integer(), hash: Type.String(), at: Instant })),
      problem: Nullable(Type.String()),
    }),
  ),
});

export const DossierSchema = Obj({
  kind: Type.Literal('proportio.regulator-dossier'),
  schemaVersion: Type.Literal(1),
  generatedAt: Instant,
  period: Obj({ from: Day, to: Day, timeZone: Type.Literal('Europe/Amsterdam') }),
  organisation: Nullable(Organisation),
  measures: Type.Array(Measure),
  policyHistory: Obj({
    inForceAtStart: Nullable(PolicyVersion),
    versions: Type.Array(PolicyVersion, { description: 'Versions compiled within the period, oldest first' }),
  }),
  suspensions: Obj({ count: Count, items: Type.Array(Suspension) }),
  objections: Obj({
    count: Count,
    items: Type.Array(Obj({ at: Instant, room: Type.String(), site: Type.String() })),
  }),
  recordings: Obj({
    deletionGraceHours: Type.Number({
      description:
        'A deletion this long after its deadline still counts as on time (the retention sweep runs every minute)',
    }),
    months: Type.Array(RecordingMonth),
    totals: RecordingFigures,
  }),
  footageAccess: Obj({
    requests: Type.Array(Access),
    exports: Type.Array(Export),
  }),
  subjectRequests: Obj({
    count: Count,
    onTime: Count,
    late: Count,
    open: Count,
    overdue: Count,
    items: Type.Array(SubjectRequest),
  }),
  complaints: Type.Union([
    Obj({ available: Type.Literal(true), count: Count, items: Type.Array(Complaint) }),
    Obj({
      available: Type.Literal(false),
      note: Text,
    }),
  ]),
  register: Type.Array(RegisterEntry),
  audit: Audit,
});

export type Dossier = Static<typeof DossierSchema>;
export type DossierMeasure = Static<typeof Measure>;
export type DossierPolicyVersion = Static<typeof PolicyVersion>;
export type RecordingMonthFigures = Static<typeof RecordingMonth>;
export type RecordingFiguresTotal = Static<typeof RecordingFigures>;
export type DossierRegisterEntry = Static<typeof RegisterEntry>;
export type DossierComplaint = Static<typeof Complaint>;
export type DossierAudit = Static<typeof Audit>;
export type DossierComplaints = Dossier['complaints'];
