/**
 * Pure helpers of the assessment workflow: the incident register mapped to the engine's
 * evidence, the scenario as the engine sees it once the workflow's records are merged in, and a
 * stored version as the policy compiler's AssessmentRecord. No I/O: easy to test, easy to trust.
 */
import type { FieldError } from '../core/assessment/validate-scenario.js';
import type { Incident, Scenario } from '../core/assessment/scenario.schema.js';
import type { AssessmentRecord } from '../core/policy/policy.js';
import type {
  AssessmentVersion,
  DataSubjectViews,
  DpoAdvice,
  RecordedJudgement,
} from './assessment-ports.js';
import type { IncidentRecord } from './ports.js';

/** The register's incident kinds (DOMAIN.md section 7) in the engine's words. */
const KIND: Readonly<Record<string, Incident['kind']>> = {
  'verbal-aggression': 'verbal-aggression',
  'intimidation-threat': 'intimidation-or-threat',
  'intimidation-or-threat': 'intimidation-or-threat',
  discrimination: 'discrimination',
  damage: 'damage-to-property',
  'damage-to-property': 'damage-to-property',
  'physical-violence': 'physical-violence',
};

/**
 * The register scores severity 1–4; the engine knows low/medium/high. 1 is low, 2 medium, 3
 * (damage, serious threat) and 4 (physical violence) high — the same line the register draws
 * for filing a police report.
 */
export const severityOf = (n: number): Incident['severity'] => (n >= 3 ? 'high' : n === 2 ? 'medium' : 'low');

/** Calendar date (YYYY-MM-DD) of an instant in a time zone: an incident at 00:30 local belongs to that local day. */
export const localDate = (iso: string, timeZone: string): string => {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
};

/**
 * One register incident as evidence, or undefined when it cannot count: no report yet (kind or
 * severity unknown) or no kind of conversation. Never the resident's identity, never the narrative.
 */
export const toEngineIncident = (r: IncidentRecord, timeZone: string): Incident | undefined => {
  const kind = r.kind === null ? undefined : KIND[r.kind];
  if (kind === undefined || r.severity === null || r.conversationTypeId === null) return undefined;
  return {
    date: localDate(r.occurredAt, timeZone),
    // The time of day too: NEC-3 compares the hours in scope with the hours incidents happened.
    occurredAt: r.occurredAt,
    kind,
    severity: severityOf(r.severity),
    policeReport: r.policeReport,
    roomId: r.roomId,
    conversationTypeId: r.conversationTypeId,
    // NEC-3 asks whether the risk was limited to flagged conversations: known only for linked incidents.
    ...(r.riskFlagged !== undefined ? { riskFlagged: r.riskFlagged } : {}),
  };
};

export interface RegisterEvidence {
  readonly incidents: readonly Incident[];
  /** Incidents in scope that could not count because their report is missing. */
  readonly unreported: number;
}

/** The register's incidents for the scenario's rooms × conversation types, up to the assessment date. */
export const evidenceFor = (
  scenario: Scenario,
  records: readonly IncidentRecord[],
  timeZone: string,
): RegisterEvidence => {
  const rooms = new Set(scenario.scope.rooms.map((r) => r.id));
  const types = new Set(scenario.scope.conversationTypes.map((c) => c.id));
  const inScope = records.filter(
    (r) =>
      rooms.has(r.roomId) &&
      r.conversationTypeId !== null &&
      types.has(r.conversationTypeId) &&
      localDate(r.occurredAt, timeZone) <= scenario.assessedOn,
  );
  const incidents = inScope
    .map((r) => toEngineIncident(r, timeZone))
    .filter((i): i is Incident => i !== undefined);
  const when = (i: Incident) => i.occurredAt ?? i.date;
  incidents.sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : when(a) < when(b) ? -1 : when(a) > when(b) ? 1 : 0,
  );
  return { incidents, unreported: inScope.length - incidents.length };
};

/**
 * Fields a scenario may not carry inside Proportio, because the workflow records them with the
 * name of the person who did: typed-in advice, views or judgements would be unverifiable claims,
 * and typed-in incidents would bypass the register. Refused, never silently dropped.
 */
export const workflowFieldErrors = (s: Scenario): FieldError[] => {
  const out: FieldError[] = [];
  if (s.safeguards.dpoAdviceDate !== undefined)
    out.push({
      path: 'safeguards.dpoAdviceDate',
      message: 'is recorded by the DPO in the workflow (POST /api/assessments/:id/dpo-advice); leave it out',
    });
  if (s.dpia.dataSubjectViews !== undefined)
    out.push({
      path: 'dpia.dataSubjectViews',
      message: 'is recorded in the workflow (POST /api/assessments/:id/views); leave it out',
    });
  if (s.humanJudgements !== undefined)
    out.push({
      path: 'humanJudgements',
      message:
        'are recorded in the workflow with the name of the person judging (POST /api/assessments/:id/judgements); leave them out',
    });
  if (s.evidence.incidents !== undefined)
    out.push({
      path: 'evidence.incidents',
      message: 'come from the incident register; record incidents there and leave this out',
    });
  return out;
};

export interface WorkflowRecords {
  readonly incidents: readonly Incident[];
  readonly dpoAdvice: DpoAdvice | undefined;
  readonly dataSubjectViews: DataSubjectViews | undefined;
  readonly humanJudgements: readonly RecordedJudgement[];
}

/** The scenario the engine assesses: the input plus the register's evidence and the workflow's records. */
export const effectiveScenario = (s: Scenario, w: WorkflowRecords, timeZone: string): Scenario => {
  const views = w.dataSubjectViews;
  const dataSubjectViews =
    views === undefined
      ? undefined
      : {
          sought: views.sought,
          ...(views.summary !== undefined ? { summary: views.summary } : {}),
          ...(views.reasonNotSought !== undefined ? { reasonNotSought: views.reasonNotSought } : {}),
        };
  const judgements = w.humanJudgements.map(({ by: _by, at: _at, ...j }) => j);
  return {
    ...s,
    evidence: { ...s.evidence, incidents: [...w.incidents] },
    safeguards: {
      ...s.safeguards,
      ...(w.dpoAdvice !== undefined ? { dpoAdviceDate: localDate(w.dpoAdvice.at, timeZone) } : {}),
    },
    dpia: { ...s.dpia, ...(dataSubjectViews !== undefined ? { dataSubjectViews } : {}) },
    ...(judgements.length > 0 ? { humanJudgements: judgements } : {}),
  };
};

/** A stored version as the policy compiler's input; the verdict is recomputed there, never read from the cache. */
export const toAssessmentRecord = (v: AssessmentVersion, timeZone: string): AssessmentRecord => {
  const incidents = v.evidence ?? [];
  const scenario = effectiveScenario(
    v.scenario,
    {
      incidents,
      dpoAdvice: v.dpoAdvice,
      dataSubjectViews: v.dataSubjectViews,
      humanJudgements: v.humanJudgements,
    },
    timeZone,
  );
  const status = v.status === 'submitted' ? 'draft' : v.status;
  return {
    id: v.assessmentId,
    version: v.version,
    scenario,
    incidents,
    status,
    ...(v.dpoAdvice !== undefined ? { dpoAdviceRecordedAt: v.dpoAdvice.at } : {}),
    ...(v.decision !== undefined
      ? { decision: { by: v.decision.by, at: v.decision.at, outcome: v.decision.outcome } }
      : {}),
    ...(v.validFrom !== undefined ? { validFrom: v.validFrom } : {}),
    ...(v.validUntil !== undefined ? { validUntil: v.validUntil } : {}),
    ...(v.withdrawal !== undefined ? { withdrawnAt: v.withdrawal.at } : {}),
  };
};
