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
 * or a judgement, or submitted it (four-eyes, core/assessment/four-eyes.ts).
 */
import {
  assess,
  compareAlternatives,
  buildReportModel,
  renderMarkdown,
  validateScenario,
  type Assessment,
  type Comparison,
  type Incident,
  type Lang,
  type Scenario,
} from '../core/assessment/index.js';
import { contributionsTo, mayDecide } from '../core/assessment/four-eyes.js';
import type { FieldError } from '../core/assessment/validate-scenario.js';
import { hasPermission } from '../core/auth/roles.js';
import { err, ok, unwrap, type Result } from '../core/result.js';
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
  viewsComplete,
  workflowFieldErrors,
  type RegisterEvidence,
} from './assessment-evidence.js';
import { inTransaction } from './transaction.js';
import { recordAudit } from './audit.service.js';
import type { PolicyService } from './policy.service.js';
import { blockingConditions, describeConditions, resolveInstant } from '../core/policy/index.js';
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

const invalid = (errors: readonly FieldError[]) =>
  err('ASSESSMENT.INVALID_SCENARIO', errors.map((e) => `${e.path}: ${e.message}`).join('; '), {
    errors,
    field: errors[0]?.path,
  });

const userOf = (actor: Actor): { id: string; roles: readonly string[] } => {
  // Every workflow step names a person; system actors never author, advise or decide.
  if (actor.kind !== 'user')
    unwrap(err('AUTH.FORBIDDEN', 'assessments are authored, advised on and decided by people'));
  return actor.kind === 'user' ? { id: actor.userId, roles: actor.roles } : { id: '', roles: [] };
};

const notFound = (id: string) =>
  err('RESOURCE.NOT_FOUND', `assessment ${id} does not exist`, { assessmentId: id });
const wrongState = (id: string, v: AssessmentVersion, doing: string) =>
  err('ASSESSMENT.WRONG_STATE', `assessment ${id} version ${v.version} is ${v.status}; cannot ${doing}`, {
    assessmentId: id,
    version: v.version,
    status: v.status,
  });

/** An ISO instant, or a date-only value as the start of that day in the policy's time zone; NaN if malformed. */
const instantOf = (s: string, timeZone: string): number => resolveInstant(s, timeZone) ?? Number.NaN;

export const assessmentService = (deps: AssessmentDeps) => {
  const { store, clock, ids, policy } = deps;
  const tz = policy.timeZone;
  const nowIso = () => clock.now().toISOString();

  /** Shape, meaning, workflow-owned fields and the registry: every problem named by its field. */
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

  const evaluateWith = (
    s: Scenario,
    evidence: RegisterEvidence,
    source: 'register' | 'frozen',
    v?: AssessmentVersion,
  ): Result<Evaluation & { scenario: Scenario; assessment: Assessment }> => {
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
    const a = assess(scenario);
    if (!a.ok) return a;
    const pendingReviews = a.value.findings
      .filter((f) => f.effectiveOutcome === 'review')
      .map((f) => f.ruleId);
    return ok({
      verdict: a.value.verdict,
      measure: a.value.measure,
      findings: a.value.findings,
      dpia: a.value.dpia,
      conditions: a.value.conditions,
      pendingReviews,
      evidence: { source, incidents: evidence.incidents, unreported: evidence.unreported },
      scenario,
      assessment: a.value,
    });
  };

  /** A stored version: frozen evidence once decided, live register before. */
  const evaluateVersion = async (repos: Repositories, v: AssessmentVersion) =>
    v.evidence !== undefined
      ? evaluateWith(v.scenario, { incidents: v.evidence, unreported: 0 }, 'frozen', v)
      : evaluateWith(v.scenario, await registerEvidence(repos, v.scenario), 'register', v);

  const load = async (repos: AssessmentRepositories, id: string) => {
    const head = await repos.assessments.get(id);
    if (head === undefined) unwrap(notFound(id));
    const versions = await repos.assessments.versions(id);
    const latest = versions[versions.length - 1];
    if (head === undefined || latest === undefined) return unwrap(notFound(id));
    return { head, versions, latest };
  };

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

  /** Workflow records on the open version only: an approved (or otherwise decided) version never changes. */
  const openVersion = (id: string, v: AssessmentVersion, doing: string): AssessmentVersion => {
    if (v.status === 'approved')
      unwrap(
        err(
          'ASSESSMENT.IMMUTABLE',
          `assessment ${id} version ${v.version} is approved and cannot change; change the scenario to start a new version`,
          { assessmentId: id, version: v.version },
        ),
      );
    if (v.status !== 'draft' && v.status !== 'submitted') unwrap(wrongState(id, v, doing));
    return v;
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

    async get(id: string): Promise<Result<{ assessment: AssessmentHead; versions: AssessmentVersion[] }>> {
      const head = await store.read.assessments.get(id);
      if (head === undefined) return notFound(id);
      return ok({ assessment: head, versions: await store.read.assessments.versions(id) });
    },

    count: () => store.read.assessments.count(),

    /** Live findings for the wizard: nothing is written. */
    async evaluate(input: unknown): Promise<Result<Evaluation>> {
      const s = await checkScenario(store.read, input);
      if (!s.ok) return s;
      const r = evaluateWith(s.value, await registerEvidence(store.read, s.value), 'register');
      return r.ok ? ok(stripInternal(r.value)) : r;
    },

    async evaluateStored(id: string, version?: number): Promise<Result<Evaluation>> {
      const got = await this.get(id);
      if (!got.ok) return got;
      const v = pickVersion(id, got.value.versions, version);
      if (!v.ok) return v;
      const r = await evaluateVersion(store.read, v.value);
      return r.ok ? ok(stripInternal(r.value)) : r;
    },

    async compare(input: unknown): Promise<Result<Comparison>> {
      const s = await checkScenario(store.read, input);
      if (!s.ok) return s;
      const r = evaluateWith(s.value, await registerEvidence(store.read, s.value), 'register');
      return r.ok ? ok(compareAlternatives(r.value.scenario)) : r;
    },

    async compareStored(id: string, version?: number): Promise<Result<Comparison>> {
      const got = await this.get(id);
      if (!got.ok) return got;
      const v = pickVersion(id, got.value.versions, version);
      if (!v.ok) return v;
      const r = await evaluateVersion(store.read, v.value);
      return r.ok ? ok(compareAlternatives(r.value.scenario)) : r;
    },

    /**
     * What the document renderers need for one version: the report model, the scenario and the
     * workflow as recorded (names, dates, reasons). Rendering (HTML, PDF) is an adapter's job.
     */
    async documentInputs(id: string, version: number | undefined): Promise<Result<DocumentInputs>> {
      const got = await this.get(id);
      if (!got.ok) return got;
      const v = pickVersion(id, got.value.versions, version);
      if (!v.ok) return v;
      const r = await evaluateVersion(store.read, v.value);
      if (!r.ok) return r;
      const model = buildReportModel(
        r.value.scenario,
        r.value.assessment,
        compareAlternatives(r.value.scenario),
      );
      return ok({ scenario: r.value.scenario, model, workflow: workflowRecord(v.value) });
    },

    /** The DPIA report in Markdown; the decision, the advice and the views are appended as recorded. */
    async reportMarkdown(id: string, version: number | undefined, lang: Lang): Promise<Result<string>> {
      const got = await this.get(id);
      if (!got.ok) return got;
      const v = pickVersion(id, got.value.versions, version);
      if (!v.ok) return v;
      const r = await evaluateVersion(store.read, v.value);
      if (!r.ok) return r;
      const body = renderMarkdown(
        buildReportModel(r.value.scenario, r.value.assessment, compareAlternatives(r.value.scenario)),
        lang,
      );
      return ok(`${body.trimEnd()}\n\n${workflowSection(v.value, lang)}`);
    },

    create: async (
      actor: Actor,
      input: { scenario: unknown },
    ): Promise<Result<{ assessment: AssessmentHead; version: AssessmentVersion }>> =>
      inTransaction(store, async (repos) => {
        const user = userOf(actor);
        const s = unwrap(await checkScenario(repos, input.scenario));
        const evaluation = unwrap(evaluateWith(s, await registerEvidence(repos, s), 'register'));
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
        const evaluation = unwrap(evaluateWith(s, await registerEvidence(repos, s), 'register'));
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
        if (!hasPermission(actor.kind === 'user' ? actor.roles : [], 'assessments:advise'))
          unwrap(err('AUTH.FORBIDDEN', 'only the DPO records the DPO advice (GDPR Art. 35(2))'));
        const { latest } = await load(repos, id);
        const v = openVersion(id, latest, 'record advice');
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
        const { latest } = await load(repos, id);
        const v = openVersion(id, latest, 'record views');
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
        const { latest } = await load(repos, id);
        const v = openVersion(id, latest, 'record a judgement');
        const reasons = requireText('reasons', input.reasons);
        const evaluation = unwrap(await evaluateVersion(repos, v));
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
        if (latest.status !== 'draft')
          unwrap(
            latest.status === 'approved'
              ? err('ASSESSMENT.IMMUTABLE', `assessment ${id} version ${latest.version} is already approved`)
              : wrongState(id, latest, 'submit'),
          );
        const evaluation = unwrap(await evaluateVersion(repos, latest));
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
     * The accountable official's decision on the submitted version. Approval needs the DPO
     * advice, the views (or why not), a judgement on every review finding, a verdict that is not
     * "not permitted" (recomputed here from the register as it stands now, which is then frozen)
     * and a review date; it supersedes an earlier approved version and recompiles the policy.
     */
    decide: async (
      actor: Actor,
      id: string,
      input: DecisionInput,
    ): Promise<Result<{ version: AssessmentVersion; policyVersion: PolicyVersion | undefined }>> =>
      afterCommit(
        await inTransaction(store, async (repos) => {
          const user = userOf(actor);
          if (!hasPermission(actor.kind === 'user' ? actor.roles : [], 'assessments:decide'))
            unwrap(err('AUTH.FORBIDDEN', 'only the accountable official decides on an assessment'));
          const { head, versions, latest } = await load(repos, id);
          if (latest.status !== 'submitted')
            unwrap(
              latest.status === 'approved'
                ? err(
                    'ASSESSMENT.IMMUTABLE',
                    `assessment ${id} version ${latest.version} is already approved`,
                  )
                : wrongState(id, latest, 'decide (submit it first)'),
            );
          // Four-eyes: whoever contributed to this version (wrote or edited it, advised, recorded the
          // views or a judgement, submitted it) does not decide on it, whatever roles they hold.
          const right = mayDecide(user.id, latest.version, contributionsTo(latest, head.createdBy, versions));
          if (!right.may)
            unwrap(
              err('ASSESSMENT.FOUR_EYES', right.reason.en, {
                assessmentId: id,
                version: latest.version,
                contributions: right.contributions.map((c) => c.kind),
                reason: right.reason,
              }),
            );
          const reasons = requireText('reasons', input.reasons);
          const at = nowIso();
          const evidence = await registerEvidence(repos, latest.scenario);
          const evaluation = unwrap(evaluateWith(latest.scenario, evidence, 'register', latest));
          const u = await repos.users.get(user.id);
          let validFrom: string | undefined;
          let validUntil: string | undefined;
          if (input.outcome === 'approved') {
            if (latest.dpoAdvice === undefined)
              unwrap(
                err(
                  'ASSESSMENT.DPO_ADVICE_MISSING',
                  'record the DPO advice before approval (GDPR Art. 35(2))',
                  { assessmentId: id },
                ),
              );
            if (!viewsComplete(latest.dataSubjectViews))
              unwrap(
                err(
                  'ASSESSMENT.VIEWS_MISSING',
                  'record the views of data subjects or their representatives, or why they were not sought (GDPR Art. 35(9))',
                  { assessmentId: id },
                ),
              );
            if (evaluation.verdict === 'not-permitted') {
              const failed = evaluation.findings
                .filter((f) => f.effectiveOutcome === 'fail')
                .map((f) => f.ruleId);
              unwrap(
                err(
                  'ASSESSMENT.NOT_PERMITTED_VERDICT',
                  `the recomputed verdict is "not permitted" (${failed.join(', ')}); it cannot be approved`,
                  { assessmentId: id, failedRules: failed },
                ),
              );
            }
            if (evaluation.pendingReviews.length > 0) {
              unwrap(
                err(
                  'ASSESSMENT.JUDGEMENT_MISSING',
                  `record a human judgement on ${evaluation.pendingReviews.join(', ')} first`,
                  { assessmentId: id, ruleIds: evaluation.pendingReviews },
                ),
              );
            }
            const review = latest.scenario.safeguards.reviewDate;
            const now = clock.now().getTime();
            if (review === undefined || instantOf(review, tz) <= now)
              unwrap(
                err('ASSESSMENT.REVIEW_DATE_MISSING', 'safeguards.reviewDate must lie in the future', {
                  field: 'safeguards.reviewDate',
                }),
              );
            // Conditions that must hold before the first frame (DPIA, works council, sign, access
            // rules, …) are closed by changing the scenario, never waved through at approval.
            const open = blockingConditions(evaluation.conditions);
            if (open.length > 0)
              unwrap(
                err(
                  'ASSESSMENT.CONDITIONS_OPEN',
                  `conditions that must be met before recording starts are still open: ${describeConditions(open)}; meet them in a new version of the scenario`,
                  {
                    assessmentId: id,
                    conditions: open.map((c) => ({ ruleId: c.ruleId, kind: c.kind, text: c.text })),
                  },
                ),
              );
            validFrom = input.validFrom === undefined ? at : checkInstant('validFrom', input.validFrom, tz);
            validUntil =
              input.validUntil === undefined
                ? new Date(instantOf(review ?? '', tz)).toISOString()
                : checkInstant('validUntil', input.validUntil, tz);
            if (instantOf(validUntil, tz) <= Math.max(now, instantOf(validFrom, tz)))
              unwrap(
                err('REQUEST.INVALID', 'validUntil must lie after validFrom and in the future', {
                  field: 'validUntil',
                }),
              );
          }
          const decision = {
            by: user.id,
            name: u?.displayName ?? user.id,
            at,
            outcome: input.outcome,
            reasons,
            verdict: evaluation.verdict,
          };
          const version: AssessmentVersion = {
            ...latest,
            status: input.outcome,
            decision,
            evidence: evidence.incidents,
            verdict: evaluation.verdict,
            ...(validFrom !== undefined ? { validFrom } : {}),
            ...(validUntil !== undefined ? { validUntil } : {}),
          };
          await repos.assessments.updateVersion(version);
          if (input.outcome === 'approved') {
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
          await audit(
            repos,
            actor,
            input.outcome === 'approved' ? 'assessment.approve' : 'assessment.reject',
            id,
            {
              version: latest.version,
              verdict: evaluation.verdict,
              incidents: evidence.incidents.length,
              ...(validUntil !== undefined ? { validFrom, validUntil } : {}),
            },
          );
          const policyVersion = await policy.recompileWithin(
            repos,
            actor,
            input.outcome === 'approved' ? 'approval' : 'rejection',
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

const checkInstant = (field: string, value: string, timeZone: string): string => {
  const ms = instantOf(value, timeZone);
  if (Number.isNaN(ms))
    unwrap(err('REQUEST.INVALID', `${field} must be an ISO date or date-time`, { field }));
  return new Date(ms).toISOString();
};

const stripInternal = (e: Evaluation & { scenario?: Scenario; assessment?: Assessment }): Evaluation => {
  const { scenario: _s, assessment: _a, ...rest } = e;
  return rest;
};

/** The workflow as the document renderers print it (structurally the reports' ReportWorkflow). */
export interface DocumentWorkflow {
  readonly version: number;
  readonly status: 'draft' | 'approved' | 'rejected' | 'withdrawn';
  readonly dpoAdvice?: {
    readonly by: string;
    readonly date: string;
    readonly advice: string;
    readonly response?: string;
  };
  readonly dataSubjectViews?: {
    readonly sought: boolean;
    readonly from?: string;
    readonly date?: string;
    readonly summary?: string;
    readonly reasonNotSought?: string;
  };
  readonly decision?: {
    readonly by: string;
    readonly role?: string;
    readonly date: string;
    readonly outcome: 'approved' | 'rejected';
    readonly reasons: string;
    readonly validUntil?: string;
  };
}

export interface DocumentInputs {
  readonly scenario: Scenario;
  readonly model: ReturnType<typeof buildReportModel>;
  readonly workflow: DocumentWorkflow;
}

const workflowRecord = (v: AssessmentVersion): DocumentWorkflow => {
  const a = v.dpoAdvice;
  const w = v.dataSubjectViews;
  const d = v.decision;
  const status =
    v.status === 'approved' || v.status === 'rejected' || v.status === 'withdrawn' ? v.status : 'draft';
  return {
    version: v.version,
    status,
    ...(a
      ? { dpoAdvice: { by: a.name, date: a.at.slice(0, 10), advice: a.advice, response: a.recommendation } }
      : {}),
    ...(w
      ? {
          dataSubjectViews: {
            sought: w.sought,
            date: w.at.slice(0, 10),
            ...(w.representatives ? { from: w.representatives } : {}),
            ...(w.summary ? { summary: w.summary } : {}),
            ...(w.reasonNotSought ? { reasonNotSought: w.reasonNotSought } : {}),
          },
        }
      : {}),
    ...(d
      ? {
          decision: {
            by: d.name,
            role: 'verantwoordelijke / accountable official',
            date: d.at.slice(0, 10),
            outcome: d.outcome,
            reasons: d.reasons,
            ...(v.validUntil ? { validUntil: v.validUntil.slice(0, 10) } : {}),
          },
        }
      : {}),
  };
};

/** The workflow's own records, appended to the engine's report: advice, views, decision, withdrawal. */
const workflowSection = (v: AssessmentVersion, lang: Lang): string => {
  const nl = lang === 'nl';
  const lines = [
    `## ${nl ? 'Besluitvorming' : 'Decision-making'} (${nl ? 'versie' : 'version'} ${v.version}, ${v.status})`,
    '',
  ];
  const a = v.dpoAdvice;
  lines.push(
    a === undefined
      ? `- ${nl ? 'Advies FG (AVG art. 35 lid 2): nog niet vastgelegd' : 'DPO advice (GDPR Art. 35(2)): not yet recorded'}`
      : `- ${nl ? 'Advies FG (AVG art. 35 lid 2)' : 'DPO advice (GDPR Art. 35(2))'}: ${a.name}, ${a.at.slice(0, 10)} — ${a.recommendation}: ${a.advice}`,
  );
  const w = v.dataSubjectViews;
  lines.push(
    w === undefined
      ? `- ${nl ? 'Zienswijze betrokkenen (art. 35 lid 9): nog niet vastgelegd' : 'Views of data subjects (Art. 35(9)): not yet recorded'}`
      : w.sought
        ? `- ${nl ? 'Zienswijze betrokkenen (art. 35 lid 9)' : 'Views of data subjects (Art. 35(9))'}${w.representatives ? ` (${w.representatives})` : ''}: ${w.summary ?? ''}`
        : `- ${nl ? 'Zienswijze niet gevraagd, omdat' : 'Views not sought, because'}: ${w.reasonNotSought ?? ''}`,
  );
  const d = v.decision;
  if (d !== undefined) {
    lines.push(
      `- ${nl ? 'Besluit' : 'Decision'}: ${d.outcome} — ${d.name}, ${d.at.slice(0, 10)}: ${d.reasons}`,
    );
    if (v.validUntil !== undefined)
      lines.push(`- ${nl ? 'Geldig' : 'In force'}: ${v.validFrom ?? d.at} — ${v.validUntil}`);
  }
  if (v.withdrawal !== undefined)
    lines.push(
      `- ${nl ? 'Ingetrokken' : 'Withdrawn'}: ${v.withdrawal.at.slice(0, 10)} — ${v.withdrawal.reason}`,
    );
  return `${lines.join('\n')}\n`;
};
