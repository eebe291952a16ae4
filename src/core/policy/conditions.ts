/**
 * What each condition of a "permitted with conditions" verdict means for the recorder
 * (DOMAIN.md section 5: each condition is a concrete safeguard). Every condition kind the rules
 * can emit is in exactly one class — the Record below makes a new kind a compile error until
 * someone decides:
 *
 * - `enforced`: the compiled policy applies it, so it is closed by construction (retention is cut
 *   to the bound, audio switched off, footage deleted when retention ends, an objection stops
 *   recording at once in decide());
 * - `blocking`: a precondition the recorder cannot create itself and that must hold before the
 *   first frame (DPIA before start, works-council consent, signage, access rules, the workflow's
 *   own records). While one is open the assessment cannot be approved
 *   (ASSESSMENT.CONDITIONS_OPEN) and compile() enables nothing for it;
 * - `organisational`: an obligation of the organisation that stays a condition of the approval
 *   and is shown in the report, but is neither enforceable by the recorder nor a precondition
 *   for lawful recording (the letter paragraph, the rights procedure, the written ban on staff
 *   assessment).
 *
 * A condition is "open" when the engine still emits it for the scenario as approved: closing one
 * means changing the scenario (a new version), never ticking a box.
 */
import type { Condition, ConditionKind } from '../assessment/rule.js';

export type ConditionClass = 'enforced' | 'blocking' | 'organisational';

export const CONDITION_CLASS: Readonly<Record<ConditionKind, ConditionClass>> = {
  'retention-max': 'enforced',
  'automatic-deletion': 'enforced',
  'no-audio': 'enforced',
  'objection-switch': 'enforced',
  'dpia-before-start': 'blocking',
  'works-council-consent': 'blocking',
  signage: 'blocking',
  'second-layer': 'blocking',
  'access-control': 'blocking',
  'dpo-advice': 'blocking',
  'data-subject-views': 'blocking',
  'review-date': 'blocking',
  'human-judgement': 'blocking',
  letter: 'organisational',
  'rights-procedure': 'organisational',
  'no-staff-performance-use': 'organisational',
  'alternatives-documented': 'organisational',
};

/** The open conditions that forbid recording (and approval). */
export const blockingConditions = (conditions: readonly Condition[]): Condition[] =>
  conditions.filter((c) => CONDITION_CLASS[c.kind] === 'blocking');

/** "DPIA-1 dpia-before-start, EMP-1 works-council-consent": for messages and the audit trail. */
export const describeConditions = (conditions: readonly Condition[]): string =>
  conditions.map((c) => `${c.ruleId} ${c.kind} (${c.text.en})`).join('; ');

/** The retention the policy applies: the scenario's value, cut to every retention-max bound. */
export const enforcedRetentionHours = (hours: number, conditions: readonly Condition[]): number =>
  Math.min(
    hours,
    ...conditions.flatMap((c) => (c.kind === 'retention-max' && c.hours !== undefined ? [c.hours] : [])),
  );

/** Audio is off when any condition says so, whatever the scenario asked. */
export const enforcedAudio = (audio: boolean, conditions: readonly Condition[]): boolean =>
  audio && !conditions.some((c) => c.kind === 'no-audio');
