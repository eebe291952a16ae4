/**
 * Row types of the assessment capability's tables (migration 0003-assessments). They join the DB
 * interface by declaration merging, so schema.ts stays the foundation's file. JSON columns are
 * text (the same on SQLite and PostgreSQL); times are ISO-8601 UTC text.
 */
import type { Selectable } from 'kysely';

export interface AssessmentTable {
  id: string;
  title: string;
  measure: string;
  created_by: string;
  created_at: string;
}

export interface AssessmentVersionTable {
  assessment_id: string;
  version: number;
  /** JSON: the Scenario as entered (evidence comes from the register, see `evidence`). */
  scenario: string;
  status: string; // 'draft' | 'submitted' | 'approved' | 'rejected' | 'withdrawn'
  /** JSON DpoAdvice (Art. 35(2)). */
  dpo_advice: string | null;
  /** JSON DataSubjectViews (Art. 35(9)). */
  data_subject_views: string | null;
  /** JSON array of RecordedJudgement. */
  human_judgements: string;
  /** JSON AssessmentDecision. */
  decision: string | null;
  valid_from: string | null;
  valid_until: string | null;
  withdrawn_at: string | null;
  withdrawn_by: string | null;
  withdrawn_reason: string | null;
  /** JSON array of engine Incidents frozen at approval. */
  evidence: string | null;
  /** Cached for listing only; the policy always recomputes. */
  verdict: string | null;
  submitted_at: string | null;
  /** JSON array of four-eyes Contributions: every workflow step and who took it (migration 0009). */
  contributions: string;
  created_by: string;
  created_at: string;
}

export interface PolicyVersionTable {
  seq: number;
  compiled_at: string;
  trigger: string;
  cause: string | null;
  /** JSON CompiledPolicy. */
  compiled: string;
  /** SHA-256 of the canonical JSON of what the policy enables (compiledAt left out). */
  hash: string;
}

declare module './schema.js' {
  interface DB {
    assessments: AssessmentTable;
    assessment_versions: AssessmentVersionTable;
    policy_versions: PolicyVersionTable;
  }
}

export type AssessmentRow = Selectable<AssessmentTable>;
export type AssessmentVersionRow = Selectable<AssessmentVersionTable>;
export type PolicyVersionRow = Selectable<PolicyVersionTable>;
