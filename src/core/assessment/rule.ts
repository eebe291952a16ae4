/** The shape every rule shares: data (id, title, source) plus one pure function. */
import type { Facts } from './facts.js';
import type { Text } from './text.js';

export type Outcome = 'pass' | 'fail' | 'condition' | 'review';

export type ConditionKind =
  | 'retention-max'
  | 'automatic-deletion'
  | 'no-audio'
  | 'signage'
  | 'second-layer'
  | 'letter'
  | 'works-council-consent'
  | 'dpo-advice'
  | 'data-subject-views'
  | 'review-date'
  | 'rights-procedure'
  | 'objection-switch'
  | 'access-control'
  | 'no-staff-performance-use'
  | 'alternatives-documented'
  | 'dpia-before-start'
  | 'human-judgement';

/** A concrete safeguard that must be in place for the measure to be permitted. */
export interface Condition {
  readonly kind: ConditionKind;
  readonly ruleId: string;
  readonly text: Text;
  /** For 'retention-max': the maximum in hours. */
  readonly hours?: number;
}

export interface Finding {
  readonly ruleId: string;
  readonly outcome: Outcome;
  /** Dutch first, then English. */
  readonly reasons: readonly Text[];
  readonly source: string;
  readonly conditions?: readonly Condition[];
}

export interface Rule {
  readonly id: string;
  readonly title: Text;
  /** Citation of the legal source; "(verify)" marks a reference we could not confirm. */
  readonly source: string;
  evaluate(facts: Facts): Finding;
}

/** Small helpers so rule files read as the rule, not as plumbing. */
export const finding = (
  rule: Pick<Rule, 'id' | 'source'>,
  outcome: Outcome,
  reasons: readonly Text[],
  conditions?: readonly Condition[],
): Finding =>
  conditions === undefined || conditions.length === 0
    ? { ruleId: rule.id, outcome, reasons, source: rule.source }
    : { ruleId: rule.id, outcome, reasons, source: rule.source, conditions };

export const condition = (
  rule: Pick<Rule, 'id'>,
  kind: ConditionKind,
  text: Text,
  hours?: number,
): Condition =>
  hours === undefined ? { kind, ruleId: rule.id, text } : { kind, ruleId: rule.id, text, hours };
