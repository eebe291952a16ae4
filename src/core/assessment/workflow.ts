/**
 * What stands between a version and a decision on it (DOMAIN.md section 5), as pure functions of
 * the version's records, the recomputed assessment and the time: a list of blockers, each a
 * DomainError with a stable code. The service refuses with the first one; the list says everything
 * that is missing. Four-eyes is core/assessment/four-eyes.ts; this file only asks it.
 *
 * Two lists, because they apply to different decisions: `decisionBlockers` bar any decision
 * (approve or reject: the version must be submitted, the decider must not have contributed);
 * `approvalBlockers` bar approval only — the official may always say no.
 */
import { blockingConditions, describeConditions } from '../policy/conditions.js';
import { resolveInstant } from '../policy/local-date.js';
import { err, ok, type DomainError, type Result } from '../result.js';
import { contributionsTo, mayDecide, type VersionContributions } from './four-eyes.js';
import type { Condition } from './rule.js';
import type { AssessedFinding, Verdict } from './verdict.js';

/** Where a version stands: open (draft, submitted), decided (approved, rejected) or withdrawn. */
export const VERSION_STATUSES = ['draft', 'submitted', 'approved', 'rejected', 'withdrawn'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

export type BlockerCode =
  | 'ASSESSMENT.WRONG_STATE'
  | 'ASSESSMENT.IMMUTABLE'
  | 'ASSESSMENT.FOUR_EYES'
  | 'ASSESSMENT.DPO_ADVICE_MISSING'
  | 'ASSESSMENT.VIEWS_MISSING'
  | 'ASSESSMENT.NOT_PERMITTED_VERDICT'
  | 'ASSESSMENT.JUDGEMENT_MISSING'
  | 'ASSESSMENT.REVIEW_DATE_MISSING'
  | 'ASSESSMENT.CONDITIONS_OPEN';

export type Blocker = DomainError<BlockerCode>;

/** The records of a stored version a decision looks at (structurally the workflow's version). */
export interface VersionUnderDecision extends VersionContributions {
  readonly assessmentId: string;
  readonly status: VersionStatus;
  readonly dpoAdvice?: { readonly by: string } | undefined;
  readonly dataSubjectViews?:
    | {
        readonly by: string;
        readonly sought: boolean;
        readonly summary?: string | undefined;
        readonly reasonNotSought?: string | undefined;
      }
    | undefined;
  readonly scenario: { readonly safeguards: { readonly reviewDate?: string | undefined } };
}

/** What the engine recomputed for the version (the verdict is never typed in). */
export interface Recomputed {
  readonly verdict: Verdict;
  readonly findings: readonly AssessedFinding[];
  readonly conditions: readonly Condition[];
}

const blocker = (code: BlockerCode, message: string, details?: Record<string, unknown>): Blocker =>
  details === undefined ? { code, message } : { code, message, details };

export const wrongState = (
  v: Pick<VersionUnderDecision, 'assessmentId' | 'version' | 'status'>,
  doing: string,
): DomainError<'ASSESSMENT.WRONG_STATE'> => ({
  code: 'ASSESSMENT.WRONG_STATE',
  message: `assessment ${v.assessmentId} version ${v.version} is ${v.status}; cannot ${doing}`,
  details: { assessmentId: v.assessmentId, version: v.version, status: v.status },
});

/**
 * A step that needs the version in one state (`submit` a draft, `decide` a submitted one): an
 * approved version is immutable, any other state is the wrong one.
 */
export const stateBlocker = (
  v: Pick<VersionUnderDecision, 'assessmentId' | 'version' | 'status'>,
  needed: VersionStatus,
  doing: string,
): Blocker | undefined =>
  v.status === needed
    ? undefined
    : v.status === 'approved'
      ? blocker(
          'ASSESSMENT.IMMUTABLE',
          `assessment ${v.assessmentId} version ${v.version} is already approved`,
        )
      : wrongState(v, doing);

/**
 * Advice, views and judgements are recorded on the open version only (draft or submitted): an
 * approved version never changes — a changed scenario starts a new version — and a decided or
 * withdrawn one is closed.
 */
export const recordBlocker = (
  v: Pick<VersionUnderDecision, 'assessmentId' | 'version' | 'status'>,
  doing: string,
): Blocker | undefined =>
  v.status === 'approved'
    ? blocker(
        'ASSESSMENT.IMMUTABLE',
        `assessment ${v.assessmentId} version ${v.version} is approved and cannot change; change the scenario to start a new version`,
        { assessmentId: v.assessmentId, version: v.version },
      )
    : v.status === 'draft' || v.status === 'submitted'
      ? undefined
      : wrongState(v, doing);

/** Rule ids of `review` findings that still lack a recorded human judgement. */
export const pendingReviews = (findings: readonly AssessedFinding[]): string[] =>
  findings.filter((f) => f.effectiveOutcome === 'review').map((f) => f.ruleId);

/** Is the recorded views entry complete: a summary when sought, a reason when not (Art. 35(9))? */
export const viewsComplete = (v: VersionUnderDecision['dataSubjectViews']): boolean =>
  v !== undefined && (v.sought ? (v.summary ?? '').trim() !== '' : (v.reasonNotSought ?? '').trim() !== '');

/**
 * What bars `decider` from approving or rejecting `v`: it must be submitted, and nobody who
 * contributed to it (the assessment's author, earlier versions' authors, advice, views,
 * judgements, submission) decides on it, whatever roles they hold.
 */
export const decisionBlockers = (
  v: VersionUnderDecision,
  decider: string,
  assessmentAuthor: string,
  versions: readonly Pick<VersionContributions, 'version' | 'createdBy'>[],
): Blocker[] => {
  const out: Blocker[] = [];
  const state = stateBlocker(v, 'submitted', 'decide (submit it first)');
  if (state !== undefined) out.push(state);
  const right = mayDecide(decider, v.version, contributionsTo(v, assessmentAuthor, versions));
  if (!right.may)
    out.push(
      blocker('ASSESSMENT.FOUR_EYES', right.reason.en, {
        assessmentId: v.assessmentId,
        version: v.version,
        contributions: right.contributions.map((c) => c.kind),
        reason: right.reason,
      }),
    );
  return out;
};

/**
 * What else bars approval, in the order the official would fix it: the DPO advice (GDPR Art.
 * 35(2)), the views or why not (Art. 35(9)), a verdict that is not "not permitted", a judgement on
 * every review finding, a review date after `now`, and no open condition that must hold before
 * the first frame (those are closed by changing the scenario, never waved through here).
 */
export const approvalBlockers = (
  v: VersionUnderDecision,
  recomputed: Recomputed,
  now: number,
  timeZone: string,
): Blocker[] => {
  const id = v.assessmentId;
  const out: Blocker[] = [];
  if (v.dpoAdvice === undefined)
    out.push(
      blocker('ASSESSMENT.DPO_ADVICE_MISSING', 'record the DPO advice before approval (GDPR Art. 35(2))', {
        assessmentId: id,
      }),
    );
  if (!viewsComplete(v.dataSubjectViews))
    out.push(
      blocker(
        'ASSESSMENT.VIEWS_MISSING',
        'record the views of data subjects or their representatives, or why they were not sought (GDPR Art. 35(9))',
        { assessmentId: id },
      ),
    );
  if (recomputed.verdict === 'not-permitted') {
    const failed = recomputed.findings.filter((f) => f.effectiveOutcome === 'fail').map((f) => f.ruleId);
    out.push(
      blocker(
        'ASSESSMENT.NOT_PERMITTED_VERDICT',
        `the recomputed verdict is "not permitted" (${failed.join(', ')}); it cannot be approved`,
        { assessmentId: id, failedRules: failed },
      ),
    );
  }
  const pending = pendingReviews(recomputed.findings);
  if (pending.length > 0)
    out.push(
      blocker('ASSESSMENT.JUDGEMENT_MISSING', `record a human judgement on ${pending.join(', ')} first`, {
        assessmentId: id,
        ruleIds: pending,
      }),
    );
  const review = resolveInstant(v.scenario.safeguards.reviewDate, timeZone);
  if (review === undefined || review <= now)
    out.push(
      blocker('ASSESSMENT.REVIEW_DATE_MISSING', 'safeguards.reviewDate must lie in the future', {
        field: 'safeguards.reviewDate',
      }),
    );
  const open = blockingConditions(recomputed.conditions);
  if (open.length > 0)
    out.push(
      blocker(
        'ASSESSMENT.CONDITIONS_OPEN',
        `conditions that must be met before recording starts are still open: ${describeConditions(open)}; meet them in a new version of the scenario`,
        {
          assessmentId: id,
          conditions: open.map((c) => ({ ruleId: c.ruleId, kind: c.kind, text: c.text })),
        },
      ),
    );
  return out;
};

export interface ApprovalWindow {
  /** ISO instants. */
  readonly validFrom: string;
  readonly validUntil: string;
}

const instant = (
  field: 'validFrom' | 'validUntil',
  value: string,
  timeZone: string,
): Result<string, 'REQUEST.INVALID'> => {
  const ms = resolveInstant(value, timeZone);
  return ms === undefined
    ? err('REQUEST.INVALID', `${field} must be an ISO date or date-time`, { field })
    : ok(new Date(ms).toISOString());
};

/**
 * When an approval is in force: from the decision (or the given instant) until the review date
 * (or the given end, an ISO instant or a date in the policy's time zone), which must lie after the
 * start and after `now`. `reviewDate` has passed approvalBlockers, so it resolves.
 */
export const approvalWindow = (
  asked: { readonly validFrom?: string | undefined; readonly validUntil?: string | undefined },
  reviewDate: string,
  now: Date,
  timeZone: string,
): Result<ApprovalWindow, 'REQUEST.INVALID'> => {
  const from =
    asked.validFrom === undefined ? ok(now.toISOString()) : instant('validFrom', asked.validFrom, timeZone);
  if (!from.ok) return from;
  const until =
    asked.validUntil === undefined
      ? instant('validUntil', reviewDate, timeZone)
      : instant('validUntil', asked.validUntil, timeZone);
  if (!until.ok) return until;
  if (Date.parse(until.value) <= Math.max(now.getTime(), Date.parse(from.value)))
    return err('REQUEST.INVALID', 'validUntil must lie after validFrom and in the future', {
      field: 'validUntil',
    });
  return ok({ validFrom: from.value, validUntil: until.value });
};
