/**
 * The interfaces the assessment and policy capability needs from the world, beside the
 * foundation's ports. Repositories run inside whatever transaction the AssessmentStore gives, so
 * a version's state change, the policy it causes and their audit entries commit together.
 */
import type { HumanJudgement, Incident, Scenario } from '../core/assessment/scenario.schema.js';
import type { Contribution } from '../core/assessment/four-eyes.js';
import type { Verdict } from '../core/assessment/verdict.js';
import type { CompiledPolicy } from '../core/policy/policy.js';
import type { VersionStatus } from '../core/assessment/workflow.js';
import type { Repositories, UnitOfWork } from './ports.js';

/** A version's states are the workflow's (core/assessment/workflow.ts); named here for the store. */
export { VERSION_STATUSES, type VersionStatus } from '../core/assessment/workflow.js';

export interface AssessmentHead {
  readonly id: string;
  readonly title: string;
  readonly measure: string;
  /** User id of the author. */
  readonly createdBy: string;
  readonly createdAt: string;
}

export const DPO_RECOMMENDATIONS = ['approve', 'approve-with-conditions', 'reject'] as const;
export type DpoRecommendation = (typeof DPO_RECOMMENDATIONS)[number];

/** The DPO's advice (GDPR Art. 35(2)). */
export interface DpoAdvice {
  /** User id. */
  readonly by: string;
  readonly name: string;
  readonly at: string;
  readonly advice: string;
  readonly recommendation: DpoRecommendation;
}

/** The views of data subjects or their representatives, or why they were not sought (Art. 35(9)). */
export interface DataSubjectViews {
  readonly by: string;
  readonly at: string;
  readonly sought: boolean;
  readonly summary?: string;
  readonly reasonNotSought?: string;
  /** Who was heard, e.g. "Cliëntenraad, ondernemingsraad". */
  readonly representatives?: string;
}

/** A person's judgement on a `review` finding, with who recorded it. */
export interface RecordedJudgement extends HumanJudgement {
  readonly by: string;
  readonly at: string;
}

export interface AssessmentDecision {
  readonly by: string;
  readonly name: string;
  readonly at: string;
  readonly outcome: 'approved' | 'rejected';
  readonly reasons: string;
  /** The verdict recomputed at decision time. */
  readonly verdict: Verdict;
}

export interface Withdrawal {
  readonly at: string;
  readonly by: string;
  readonly reason: string;
}

export interface AssessmentVersion {
  readonly assessmentId: string;
  readonly version: number;
  readonly scenario: Scenario;
  readonly status: VersionStatus;
  readonly dpoAdvice: DpoAdvice | undefined;
  readonly dataSubjectViews: DataSubjectViews | undefined;
  readonly humanJudgements: readonly RecordedJudgement[];
  readonly decision: AssessmentDecision | undefined;
  readonly validFrom: string | undefined;
  readonly validUntil: string | undefined;
  readonly withdrawal: Withdrawal | undefined;
  /** Incident evidence frozen at approval; undefined before (then it is read live from the register). */
  readonly evidence: readonly Incident[] | undefined;
  readonly verdict: Verdict | undefined;
  readonly submittedAt: string | undefined;
  /**
   * Every workflow step on this version, with who took it (advice, views, judgements,
   * submission), kept even when a record is replaced: whoever contributed never decides (four-eyes).
   */
  readonly contributions: readonly Contribution[];
  readonly createdBy: string;
  readonly createdAt: string;
}

export interface AssessmentRepository {
  insert(a: AssessmentHead): Promise<void>;
  get(id: string): Promise<AssessmentHead | undefined>;
  list(): Promise<AssessmentHead[]>;
  insertVersion(v: AssessmentVersion): Promise<void>;
  updateVersion(v: AssessmentVersion): Promise<void>;
  /** Oldest first. */
  versions(assessmentId: string): Promise<AssessmentVersion[]>;
  /** Every version that was ever approved (withdrawn ones included): the policy's input. */
  everApproved(): Promise<AssessmentVersion[]>;
  count(): Promise<{ assessments: number; versions: number }>;
}

export const POLICY_TRIGGERS = ['approval', 'rejection', 'withdrawal', 'expiry', 'schedule'] as const;
export type PolicyTrigger = (typeof POLICY_TRIGGERS)[number];

export interface PolicyVersion {
  readonly seq: number;
  readonly compiledAt: string;
  readonly trigger: PolicyTrigger;
  /** The assessment whose change caused it, if any. */
  readonly cause: string | undefined;
  readonly compiled: CompiledPolicy;
  readonly hash: string;
}

export interface PolicyVersionRepository {
  /** Serialises recompilations until the transaction ends (PostgreSQL; SQLite has one writer anyway). */
  lockHead(): Promise<void>;
  latest(): Promise<PolicyVersion | undefined>;
  append(v: Omit<PolicyVersion, 'seq'>): Promise<PolicyVersion>;
  /** Newest first. */
  list(limit: number): Promise<PolicyVersion[]>;
}

export interface AssessmentRepositories extends Repositories {
  readonly assessments: AssessmentRepository;
  readonly policyVersions: PolicyVersionRepository;
}

export type AssessmentStore = UnitOfWork<AssessmentRepositories>;
