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

/**
 * The legal source of a rule, as a citation in words in each language (AVG in Dutch, GDPR in
 * English; never a file name), and whether every reference in it was confirmed against the
 * primary text. An unconfirmed source is shown as such in plain words (sourceText), never as an
 * internal note.
 */
export interface Source {
  readonly nl: string;
  readonly en: string;
  readonly confirmed: boolean;
}

export const confirmedSource = (nl: string, en: string): Source => ({ nl, en, confirmed: true });
export const unconfirmedSource = (nl: string, en: string): Source => ({ nl, en, confirmed: false });

export interface Finding {
  readonly ruleId: string;
  readonly outcome: Outcome;
  /** Dutch first, then English. */
  readonly reasons: readonly Text[];
  /** The source in English (the API's field since version 1; API clients read it as before). */
  readonly source: string;
  /** The same source in Dutch. */
  readonly sourceNl: string;
  /** False when a reference in the source is not yet confirmed against the primary text. */
  readonly sourceConfirmed: boolean;
  readonly conditions?: readonly Condition[];
}

export interface Rule {
  readonly id: string;
  readonly title: Text;
  /** Citation of the legal source, in both languages, with whether it is confirmed. */
  readonly source: Source;
  evaluate(facts: Facts): Finding;
}

/** Small helpers so rule files read as the rule, not as plumbing. */
export const finding = (
  rule: Pick<Rule, 'id' | 'source'>,
  outcome: Outcome,
  reasons: readonly Text[],
  conditions?: readonly Condition[],
): Finding => {
  const base = {
    ruleId: rule.id,
    outcome,
    reasons,
    source: rule.source.en,
    sourceNl: rule.source.nl,
    sourceConfirmed: rule.source.confirmed,
  };
  return conditions === undefined || conditions.length === 0 ? base : { ...base, conditions };
};

export const condition = (
  rule: Pick<Rule, 'id'>,
  kind: ConditionKind,
  text: Text,
  hours?: number,
): Condition =>
  hours === undefined ? { kind, ruleId: rule.id, text } : { kind, ruleId: rule.id, text, hours };
