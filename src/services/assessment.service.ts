/**
 * The assessment workflow (DOMAIN.md section 5; issue 4): a draft by its author, the DPO's advice
 * (GDPR Art. 35(2)), the views of data subjects or the reason they were not sought (Art. 35(9)),
 * human judgements on `review` findings, submission, and the decision by the accountable official.
 * The verdict is always recomputed by the engine, never typed in; an approved version never
 * changes (a changed input becomes a new version); every state change is audited in the same
 * transaction, and a decision or withdrawal recompiles the room policy in that transaction too.
 *
 * Who does what: authors are the security coordinator and the DPO (assessments:write) — the DPO
 * often drafts a DPIA and still gives the formal advice; the decision is the accountable
 * official's (assessments:decide), never by anyone who contributed to the version: its authors,
 * the advising DPO (Art. 38(6) keeps the DPO free of conflicting tasks), whoever recorded the views
 * or a judgement, or submitted it (four-eyes, core/assessment/four-eyes.ts). What may stop a step
 * is core/assessment/workflow.ts; this file loads, evaluates, stores and audits.
 */
import {
  assessValidated,
  compareAlternatives,
  buildReportModel,
  validateScenario,
  type Assessment,
  type Comparison,
  type Incident,
  type ReportModel,
  type Scenario,
} from '../core/assessment/index.js';
import type { FieldError } from '../core/assessment/validate-scenario.js';
import {
  approvalBlockers,
  approvalWindow,
  decisionBlockers,
  pendingReviews,
  recordBlocker,
  stateBlocker,
} from '../core/assessment/workflow.js';
import { hasPermission, type Role } from '../core/auth/roles.js';
import { DomainFailure, err, ok, unwrap, type DomainError, type Result } from '../core/result.js';
import type {
  AssessmentHead,
  AssessmentRepositories,
  AssessmentStore,
  AssessmentVersion,
  DataSubjectViews,
  DpoAdvice,
  DpoRecommendation,
  PolicyVersion,
  RecordedJudgement,
  VersionStatus,
} from './assessment-ports.js';
import {
  effectiveScenario,
  evidenceFor,
  localDate,
  workflowFieldErrors,
  type RegisterEvidence,
} from './assessment-evidence.js';
import { inTransaction } from './transaction.js';
import { recordAudit } from './audit.service.js';
import type { PolicyService } from './policy.service.js';
import type { Actor, Clock, IdGenerator, Repositories } from './ports.js';

export interface AssessmentDeps {
  readonly store: AssessmentStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly policy: PolicyService;
}

export interface Evaluation {
  readonly verdict: Assessment['verdict'];
  readonly measure: Assessment['measure'];
  readonly findings: Assessment['findings'];
  readonly dpia: Assessment['dpia'];
  readonly conditions: Assessment['conditions'];
  /** Rule ids of `review` findings that still lack a recorded human judgement. */
  readonly pendingReviews: readonly string[];
  readonly evidence: {
    /** 'register': read live now; 'frozen': the extract kept at approval. */
    readonly source: 'register' | 'frozen';
    readonly incidents: readonly Incident[];
    readonly unreported: number;
  };
}

export interface AssessmentSummary extends AssessmentHead {
  readonly latest: {
    readonly version: number;
    readonly status: VersionStatus;
    readonly title: string;
    readonly verdict: string | null;
    readonly validUntil: string | null;
  };
  /** The version currently approved and not withdrawn, if any. */
  readonly approvedVersion: number | null;
}

export interface AdviceInput {
  readonly advice: string;
  readonly recommendation: DpoRecommendation;
}
export interface ViewsInput {
  readonly sought: boolean;
  readonly summary?: string;
  readonly reasonNotSought?: string;
  readonly representatives?: string;
}
export interface JudgementInput {
  readonly ruleId: string;
  readonly outcome: 'pass' | 'fail';
  readonly reasons: string;
}
export interface DecisionInput {
  readonly outcome: 'approved' | 'rejected';
  readonly reasons: string;
  /** ISO instant; default: the decision. */
  readonly validFrom?: string;
  /** ISO instant or date; default: the scenario's review date. Never later than the review date counts. */
  readonly validUntil?: string;
}

/** What the document renderers need for one version: the report model, the scenario and the version. */
export interface DocumentInputs {
  readonly scenario: Scenario;
  readonly model: ReportModel;
  /** The version as stored, with its workflow records (names, dates, reasons). */
  readonly version: AssessmentVersion;
}

/** An evaluation with what it was computed from: the scenario as the engine saw it, and its assessment. */
interface Evaluated {
  readonly evaluation: Evaluation;
  readonly scenario: Scenario;
  readonly assessment: Assessment;
}

const invalid = (errors: readonly FieldError[]) =>
  err('ASSESSMENT.INVALID_SCENARIO', errors.map((e) => `${e.path}: ${e.message}`).join('; '), {
    errors,
    field: errors[0]?.path,
  });

/** Every workflow step names a person; system actors never author, advise or decide. */
const userOf = (actor: Actor): { id: string; roles: readonly Role[] } =>
  actor.kind === 'user'
    ? { id: actor.userId, roles: actor.roles }
    : unwrap(err('AUTH.FORBIDDEN', 'assessments are authored, advised on and decided by people'));

/** Aborts the transaction with the first thing that stands in the way, if any. */
const refuse = (first: DomainError | undefined): void => {
  if (first !== undefined) throw new DomainFailure(first);
};

const notFound = (id: string) =>
  err('RESOURCE.NOT_FOUND', `assessment ${id} does not exist`, { assessmentId: id });

const pickVersion = (
  id: string,
  versions: readonly AssessmentVersion[],
  n: number | undefined,
): Result<AssessmentVersion> => {
  const v = n === undefined ? versions[versions.length - 1] : versions.find((x) => x.version === n);
  return v === undefined
    ? err('RESOURCE.NOT_FOUND', `assessment ${id} has no version ${n ?? ''}`.trim(), {
        assessmentId: id,
        version: n,
      })
    : ok(v);
};

export const assessmentService = (deps: AssessmentDeps) => {
  const { store, clock, ids, policy } = deps;
  const tz = policy.timeZone;
  const nowIso = () => clock.now().toISOString();

  /**
   * The one validation of a scenario that comes in: shape, meaning, workflow-owned fields and the
   * registry, every problem named by its field. What passes is stored and never validated again.
   */
  const checkScenario = async (repos: Repositories, input: unknown): Promise<Result<Scenario>> => {
    const valid = validateScenario(input);
    if (!valid.ok) return valid;
    const s = valid.value;
    const errors = workflowFieldErrors(s);
    for (const [i, r] of s.scope.rooms.entries()) {
      if ((await repos.rooms.get(r.id)) === undefined)
        errors.push({ path: `scope.rooms[${i}].id`, message: `no room with id "${r.id}" in the registry` });
    }
    for (const [i, c] of s.scope.conversationTypes.entries()) {
      if ((await repos.conversationTypes.get(c.id)) === undefined) {
        const byCode = await repos.conversationTypes.findByCode(c.id);
        errors.push({
          path: `scope.conversationTypes[${i}].id`,
          message: byCode
            ? `"${c.id}" is a code; use the id "${byCode.id}"`
            : `no conversation type with id "${c.id}" in the registry`,
        });
      }
    }
    return errors.length > 0 ? invalid(errors) : ok(s);
  };

  const registerEvidence = async (repos: Repositories, s: Scenario): Promise<RegisterEvidence> => {
    const records = (
      await Promise.all(s.scope.rooms.map((r) => repos.incidents.list({ roomId: r.id })))
    ).flat();
    return evidenceFor(s, records, tz);
  };

  /**
   * The one evaluation: a checked scenario with the version's workflow records merged in, on the
   * evidence frozen at its decision or, before one, on the register as it stands now.
   */
  const evaluateScenario = async (
    repos: Repositories,
    s: Scenario,
    v?: AssessmentVersion,
  ): Promise<Result<Evaluated>> => {
    const frozen = v?.evidence;
    const evidence =
      frozen !== undefined ? { incidents: frozen, unreported: 0 } : await registerEvidence(repos, s);
    const scenario = effectiveScenario(
      s,
      {
        incidents: evidence.incidents,
        dpoAdvice: v?.dpoAdvice,
        dataSubjectViews: v?.dataSubjectViews,
        humanJudgements: v?.humanJudgements ?? [],
      },
      tz,
    );
    const a = assessValidated(scenario);
    if (!a.ok) return a;
    const { verdict, measure, findings, dpia, conditions } = a.value;
    return ok({
      evaluation: {
        verdict,
        measure,
        findings,
        dpia,
        conditions,
        pendingReviews: pendingReviews(findings),
        evidence: {
          source: frozen !== undefined ? 'frozen' : 'register',
          incidents: evidence.incidents,
          unreported: evidence.unreported,
        },
      },
      scenario,
      assessment: a.value,
    });
  };

  /** A scenario from the wizard, checked and evaluated; nothing is written. */
  const fromInput = async <T>(input: unknown, answer: (e: Evaluated) => T): Promise<Result<T>> => {
    const s = await checkScenario(store.read, input);
    if (!s.ok) return s;
    const e = await evaluateScenario(store.read, s.value);
    return e.ok ? ok(answer(e.value)) : e;
  };

  const get = async (
    id: string,
  ): Promise<Result<{ assessment: AssessmentHead; versions: AssessmentVersion[] }>> => {
    const head = await store.read.assessments.get(id);
    if (head === undefined) return notFound(id);
    return ok({ assessment: head, versions: await store.read.assessments.versions(id) });
  };

  /** A stored version (default: the latest), evaluated: what every read of a stored version starts from. */
  const fromStored = async <T>(
    id: string,
    n: number | undefined,
    answer: (e: Evaluated, v: AssessmentVersion) => T,
  ): Promise<Result<T>> => {
    const got = await get(id);
    if (!got.ok) return got;
    const v = pickVersion(id, got.value.versions, n);
    if (!v.ok) return v;
    const e = await evaluateScenario(store.read, v.value.scenario, v.value);
    return e.ok ? ok(answer(e.value, v.value)) : e;
  };

  const load = async (repos: AssessmentRepositories, id: string) => {
    const head = await repos.assessments.get(id);
    const versions = head === undefined ? [] : await repos.assessments.versions(id);
    const latest = versions[versions.length - 1];
    return head !== undefined && latest !== undefined ? { head, versions, latest } : unwrap(notFound(id));
  };

  const audit = (
    repos: AssessmentRepositories,
    actor: Actor,
    action: string,
    id: string,
    details: Record<string, unknown>,
  ) => recordAudit(repos, clock, actor, action, `assessment:${id}`, details);

  const afterCommit = <T extends { policyVersion?: PolicyVersion | undefined }>(r: Result<T>): Result<T> => {
    if (r.ok) policy.notify(r.value.policyVersion);
    return r;
  };

  return {
    async list(): Promise<AssessmentSummary[]> {
      const heads = await store.read.assessments.list();
      const out: AssessmentSummary[] = [];
      for (const h of heads) {
        const versions = await store.read.assessments.versions(h.id);
        const latest = versions[versions.length - 1];
        if (latest === undefined) continue;
        const approved = versions.filter((v) => v.status === 'approved').pop();
        out.push({
          ...h,
          latest: {
            version: latest.version,
            status: latest.status,
            title: latest.scenario.title,
            verdict: latest.verdict ?? null,
            validUntil: latest.validUntil ?? null,
          },
          approvedVersion: approved?.version ?? null,
        });
      }
      return out;
    },

    get,

    count: () => store.read.assessments.count(),

    /** Live findings for the wizard: nothing is written. */
    evaluate: (input: unknown): Promise<Result<Evaluation>> => fromInput(input, (e) => e.evaluation),

    evaluateStored: (id: string, version?: number): Promise<Result<Evaluation>> =>
      fromStored(id, version, (e) => e.evaluation),

    compare: (input: unknown): Promise<Result<Comparison>> =>
      fromInput(input, (e) => compareAlternatives(e.scenario)),

    compareStored: (id: string, version?: number): Promise<Result<Comparison>> =>
      fromStored(id, version, (e) => compareAlternatives(e.scenario)),

    /**
     * What the document renderers need for one version: the report model, the scenario and the
     * version with its workflow records. Rendering (Markdown, HTML, PDF) is an adapter's job.
     */
    documentInputs: (id: string, version: number | undefined): Promise<Result<DocumentInputs>> =>
      fromStored(id, version, (e, v) => ({
        scenario: e.scenario,
        model: buildReportModel(e.scenario, e.assessment, compareAlternatives(e.scenario)),
        version: v,
      })),

    create: async (
      actor: Actor,
      input: { scenario: unknown },
    ): Promise<Result<{ assessment: AssessmentHead; version: AssessmentVersion }>> =>
      inTransaction(store, async (repos) => {
        const user = userOf(actor);
        const s = unwrap(await checkScenario(repos, input.scenario));
        const { evaluation } = unwrap(await evaluateScenario(repos, s));
        const at = nowIso();
        const head: AssessmentHead = {
          id: ids.newId(),
          title: s.title,
          measure: s.measure.id,
          createdBy: user.id,
          createdAt: at,
        };
        const version = newVersion(head.id, 1, s, evaluation.verdict, user.id, at);
        await repos.assessments.insert(head);
        await repos.assessments.insertVersion(version);
        await audit(repos, actor, 'assessment.create', head.id, {
          version: 1,
          measure: head.measure,
          title: head.title,
          verdict: evaluation.verdict,
        });
        return { assessment: head, version };
      }),

    /**
     * A new input. A draft nobody has advised on, judged or heard views on is edited in place;
     * otherwise the input becomes a new draft version (advice and judgements were given on the old
     * input and do not carry over), and an open older version is superseded. Approved versions stay.
     */
    update: async (
      actor: Actor,
      id: string,
      input: { scenario: unknown },
    ): Promise<Result<{ version: AssessmentVersion; newVersion: boolean }>> =>
      inTransaction(store, async (repos) => {
        const user = userOf(actor);
        const { latest } = await load(repos, id);
        const s = unwrap(await checkScenario(repos, input.scenario));
        const { evaluation } = unwrap(await evaluateScenario(repos, s));
        const at = nowIso();
        // Only the version's own author edits it in place: another person's change becomes a version
        // authored by them, so every author stays on record for the four-eyes check at decision.
        const untouched =
          latest.status === 'draft' &&
          latest.createdBy === user.id &&
          latest.dpoAdvice === undefined &&
          latest.dataSubjectViews === undefined &&
          latest.humanJudgements.length === 0 &&
          latest.contributions.length === 0;
        if (untouched) {
          const version: AssessmentVersion = { ...latest, scenario: s, verdict: evaluation.verdict };
          await repos.assessments.updateVersion(version);
          await audit(repos, actor, 'assessment.update', id, {
            version: version.version,
            verdict: evaluation.verdict,
          });
          return { version, newVersion: false };
        }
        if (latest.status === 'draft' || latest.status === 'submitted') {
          await repos.assessments.updateVersion({
            ...latest,
            status: 'withdrawn',
            withdrawal: { at, by: user.id, reason: `superseded by version ${latest.version + 1}` },
          });
        }
        const version = newVersion(id, latest.version + 1, s, evaluation.verdict, user.id, at);
        await repos.assessments.insertVersion(version);
        await audit(repos, actor, 'assessment.version.create', id, {
          version: version.version,
          previous: latest.version,
          previousStatus: latest.status,
          verdict: evaluation.verdict,
        });
        return { version, newVersion: true };
      }),

    recordDpoAdvice: async (
      actor: Actor,
      id: string,
      input: AdviceInput,
    ): Promise<Result<AssessmentVersion>> =>
      inTransaction(store, async (repos) => {
        const user = userOf(actor);
        if (!hasPermission(user.roles, 'assessments:advise'))
          unwrap(err('AUTH.FORBIDDEN', 'only the DPO records the DPO advice (GDPR Art. 35(2))'));
        const { latest: v } = await load(repos, id);
        refuse(recordBlocker(v, 'record advice'));
        const advice = requireText('advice', input.advice);
        const u = await repos.users.get(user.id);
        const dpoAdvice: DpoAdvice = {
          by: user.id,
          name: u?.displayName ?? user.id,
          at: nowIso(),
          advice,
          recommendation: input.recommendation,
        };
        const version: AssessmentVersion = {
          ...v,
          dpoAdvice,
          contributions: [...v.contributions, { kind: 'dpo-advice', by: user.id }],
        };
        await repos.assessments.updateVersion(version);
        await audit(repos, actor, 'assessment.dpo-advice', id, {
          version: v.version,
          recommendation: input.recommendation,
        });
        return version;
      }),

    recordViews: async (actor: Actor, id: string, input: ViewsInput): Promise<Result<AssessmentVersion>> =>
      inTransaction(store, async (repos) => {
        const user = userOf(actor);
        const { latest: v } = await load(repos, id);
        refuse(recordBlocker(v, 'record views'));
        const views: DataSubjectViews = {
          by: user.id,
          at: nowIso(),
          sought: input.sought,
          ...(input.sought
            ? { summary: requireText('summary', input.summary) }
            : { reasonNotSought: requireText('reasonNotSought', input.reasonNotSought) }),
          ...(input.representatives !== undefined && input.representatives.trim() !== ''
            ? { representatives: input.representatives.trim() }
            : {}),
        };
        const version: AssessmentVersion = {
          ...v,
          dataSubjectViews: views,
          contributions: [...v.contributions, { kind: 'views', by: user.id }],
        };
        await repos.assessments.updateVersion(version);
        await audit(repos, actor, 'assessment.views', id, { version: v.version, sought: input.sought });
        return version;
      }),

    /** A person's judgement on a `review` finding; the name is the recording user's, never typed in. */
    recordJudgement: async (
      actor: Actor,
      id: string,
      input: JudgementInput,
    ): Promise<Result<AssessmentVersion>> =>
      inTransaction(store, async (repos) => {
        const user = userOf(actor);
        const { latest: v } = await load(repos, id);
        refuse(recordBlocker(v, 'record a judgement'));
        const reasons = requireText('reasons', input.reasons);
        const { evaluation } = unwrap(await evaluateScenario(repos, v.scenario, v));
        const f = evaluation.findings.find((x) => x.ruleId === input.ruleId);
        if (f === undefined || f.outcome !== 'review') {
          unwrap(
            err(
              'ASSESSMENT.NOT_A_REVIEW_FINDING',
              `${input.ruleId} is ${f === undefined ? 'not a rule' : `a ${f.outcome} finding`}; only review findings take a human judgement`,
              {
                field: 'ruleId',
                ruleId: input.ruleId,
              },
            ),
          );
        }
        const u = await repos.users.get(user.id);
        const at = nowIso();
        const judgement: RecordedJudgement = {
          ruleId: input.ruleId,
          outcome: input.outcome,
          name: u?.displayName ?? user.id,
          role: user.roles.join(', '),
          reasons,
          date: localDate(at, tz),
          by: user.id,
          at,
        };
        const version: AssessmentVersion = {
          ...v,
          humanJudgements: [...v.humanJudgements, judgement],
          contributions: [...v.contributions, { kind: 'judgement', by: user.id, ruleId: input.ruleId }],
        };
        await repos.assessments.updateVersion(version);
        await audit(repos, actor, 'assessment.judgement', id, {
          version: v.version,
          ruleId: input.ruleId,
          outcome: input.outcome,
        });
        return version;
      }),

    submit: async (actor: Actor, id: string): Promise<Result<AssessmentVersion>> =>
      inTransaction(store, async (repos) => {
        const user = userOf(actor);
        const { latest } = await load(repos, id);
        refuse(stateBlocker(latest, 'draft', 'submit'));
        const { evaluation } = unwrap(await evaluateScenario(repos, latest.scenario, latest));
        const version: AssessmentVersion = {
          ...latest,
          status: 'submitted',
          submittedAt: nowIso(),
          contributions: [...latest.contributions, { kind: 'submission', by: user.id }],
          verdict: evaluation.verdict,
        };
        await repos.assessments.updateVersion(version);
        await audit(repos, actor, 'assessment.submit', id, {
          version: latest.version,
          verdict: evaluation.verdict,
        });
        return version;
      }),

    /**
     * The accountable official's decision on the submitted version. What may stop it is
     * core/assessment/workflow.ts: four-eyes for any decision; for approval the DPO advice, the
     * views (or why not), a judgement on every review finding, a verdict that is not "not
     * permitted" (recomputed here from the register as it stands now, which is then frozen) and a
     * review date. Approval supersedes an earlier approved version; both recompile the policy.
     */
    decide: async (
      actor: Actor,
      id: string,
      input: DecisionInput,
    ): Promise<Result<{ version: AssessmentVersion; policyVersion: PolicyVersion | undefined }>> =>
      afterCommit(
        await inTransaction(store, async (repos) => {
          const user = userOf(actor);
          if (!hasPermission(user.roles, 'assessments:decide'))
            unwrap(err('AUTH.FORBIDDEN', 'only the accountable official decides on an assessment'));
          const { head, versions, latest } = await load(repos, id);
          refuse(decisionBlockers(latest, user.id, head.createdBy, versions)[0]);
          const reasons = requireText('reasons', input.reasons);
          const now = clock.now();
          const at = now.toISOString();
          const { evaluation } = unwrap(await evaluateScenario(repos, latest.scenario, latest));
          const approved = input.outcome === 'approved';
          if (approved) refuse(approvalBlockers(latest, evaluation, now.getTime(), tz)[0]);
          const window = approved
            ? unwrap(approvalWindow(input, latest.scenario.safeguards.reviewDate ?? '', now, tz))
            : undefined;
          const u = await repos.users.get(user.id);
          const version: AssessmentVersion = {
            ...latest,
            status: input.outcome,
            decision: {
              by: user.id,
              name: u?.displayName ?? user.id,
              at,
              outcome: input.outcome,
              reasons,
              verdict: evaluation.verdict,
            },
            evidence: evaluation.evidence.incidents,
            verdict: evaluation.verdict,
            ...window,
          };
          await repos.assessments.updateVersion(version);
          if (approved) {
            // One approved version per assessment: the new one supersedes the old.
            for (const old of versions.filter(
              (x) => x.status === 'approved' && x.version !== latest.version,
            )) {
              await repos.assessments.updateVersion({
                ...old,
                status: 'withdrawn',
                withdrawal: { at, by: user.id, reason: `superseded by version ${latest.version}` },
              });
              await audit(repos, actor, 'assessment.supersede', id, {
                version: old.version,
                by: latest.version,
              });
            }
          }
          await audit(repos, actor, approved ? 'assessment.approve' : 'assessment.reject', id, {
            version: latest.version,
            verdict: evaluation.verdict,
            incidents: evaluation.evidence.incidents.length,
            ...window,
          });
          const policyVersion = await policy.recompileWithin(
            repos,
            actor,
            approved ? 'approval' : 'rejection',
            id,
          );
          return { version, policyVersion };
        }),
      ),

    /** Withdraws every open or approved version: recording it enabled stops at once. */
    withdraw: async (
      actor: Actor,
      id: string,
      input: { reason: string },
    ): Promise<Result<{ versions: AssessmentVersion[]; policyVersion: PolicyVersion | undefined }>> =>
      afterCommit(
        await inTransaction(store, async (repos) => {
          const user = userOf(actor);
          const { versions } = await load(repos, id);
          const reason = requireText('reason', input.reason);
          const live = versions.filter(
            (v) => v.status === 'draft' || v.status === 'submitted' || v.status === 'approved',
          );
          if (live.length === 0)
            unwrap(
              err('ASSESSMENT.WRONG_STATE', `assessment ${id} has nothing to withdraw`, { assessmentId: id }),
            );
          const at = nowIso();
          const changed = live.map((v): AssessmentVersion => ({
            ...v,
            status: 'withdrawn',
            withdrawal: { at, by: user.id, reason },
          }));
          for (const v of changed) await repos.assessments.updateVersion(v);
          await audit(repos, actor, 'assessment.withdraw', id, {
            versions: changed.map((v) => v.version),
            reason,
          });
          const policyVersion = await policy.recompileWithin(repos, actor, 'withdrawal', id);
          return { versions: changed, policyVersion };
        }),
      ),
  };
};

export type AssessmentService = ReturnType<typeof assessmentService>;

const newVersion = (
  assessmentId: string,
  version: number,
  scenario: Scenario,
  verdict: Assessment['verdict'],
  by: string,
  at: string,
): AssessmentVersion => ({
  assessmentId,
  version,
  scenario,
  status: 'draft',
  dpoAdvice: undefined,
  dataSubjectViews: undefined,
  humanJudgements: [],
  decision: undefined,
  validFrom: undefined,
  validUntil: undefined,
  withdrawal: undefined,
  evidence: undefined,
  verdict,
  submittedAt: undefined,
  contributions: [],
  createdBy: by,
  createdAt: at,
});

const requireText = (field: string, value: string | undefined): string => {
  const v = (value ?? '').trim();
  if (v === '') unwrap(err('REQUEST.INVALID', `${field} is required and may not be empty`, { field }));
  return v;
};
