/** Request and response schemas of the assessment workflow (TypeBox = JSON Schema = OpenAPI). */
import { Type } from 'typebox';
import { open, strict } from '../../schemas.js';
import { DPO_RECOMMENDATIONS, VERSION_STATUSES } from '../../../services/assessment-ports.js';

export const Prose = (max: number) => Type.String({ minLength: 1, maxLength: max });

/**
 * The scenario is validated by the engine (validateScenario), which names every wrong field by
 * its path; the route only insists on an object so the engine's precise errors reach the user.
 */
export const ScenarioBody = Type.Object({ scenario: Type.Record(Type.String(), Type.Unknown()) }, strict);

const Version = Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 }));
export const LangSchema = Type.Optional(Type.Union([Type.Literal('nl'), Type.Literal('en')]));
export const VersionQuery = Type.Object({ version: Version }, strict);
export const ReportQuery = Type.Object({ version: Version, lang: LangSchema }, strict);

export const AdviceBody = Type.Object(
  { advice: Prose(8000), recommendation: Type.Union(DPO_RECOMMENDATIONS.map((r) => Type.Literal(r))) },
  strict,
);
export const ViewsBody = Type.Object(
  {
    sought: Type.Boolean(),
    summary: Type.Optional(Prose(8000)),
    reasonNotSought: Type.Optional(Prose(8000)),
    representatives: Type.Optional(Prose(500)),
  },
  strict,
);
export const JudgementBody = Type.Object(
  {
    ruleId: Type.String({ minLength: 1, maxLength: 16, pattern: '^[A-Z]+-[0-9]+$' }),
    outcome: Type.Union([Type.Literal('pass'), Type.Literal('fail')]),
    reasons: Prose(4000),
  },
  strict,
);
export const DecisionBody = Type.Object(
  {
    outcome: Type.Union([Type.Literal('approved'), Type.Literal('rejected')]),
    reasons: Prose(8000),
    validFrom: Type.Optional(Type.String({ minLength: 10, maxLength: 40 })),
    validUntil: Type.Optional(Type.String({ minLength: 10, maxLength: 40 })),
  },
  strict,
);
export const WithdrawBody = Type.Object({ reason: Prose(4000) }, strict);

export const AssessmentHeadSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  measure: Type.String(),
  createdBy: Type.String(),
  createdAt: Type.String(),
});

export const VersionSchema = Type.Object(
  {
    assessmentId: Type.String(),
    version: Type.Integer(),
    status: Type.Union(VERSION_STATUSES.map((s) => Type.Literal(s))),
    scenario: Type.Record(Type.String(), Type.Unknown()),
    verdict: Type.Optional(Type.String()),
    createdBy: Type.String(),
    createdAt: Type.String(),
  },
  open,
);

export const SummarySchema = Type.Object(
  {
    ...AssessmentHeadSchema.properties,
    latest: Type.Object(
      {
        version: Type.Integer(),
        status: Type.String(),
        title: Type.String(),
        verdict: Type.Union([Type.String(), Type.Null()]),
        validUntil: Type.Union([Type.String(), Type.Null()]),
      },
      open,
    ),
    approvedVersion: Type.Union([Type.Integer(), Type.Null()]),
  },
  open,
);

export const EvaluationSchema = Type.Object(
  {
    verdict: Type.String(),
    findings: Type.Array(
      Type.Object({ ruleId: Type.String(), outcome: Type.String(), effectiveOutcome: Type.String() }, open),
    ),
    pendingReviews: Type.Array(Type.String()),
    evidence: Type.Object(
      { source: Type.String(), incidents: Type.Array(Type.Object({}, open)), unreported: Type.Integer() },
      open,
    ),
  },
  open,
);

export const ComparisonSchema = Type.Object(
  { rows: Type.Array(Type.Object({ measureId: Type.String(), verdict: Type.String() }, open)) },
  open,
);
