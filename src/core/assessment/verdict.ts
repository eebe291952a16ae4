/**
 * Verdicts exactly as DOMAIN.md section 5: not permitted if any finding blocks; permitted with
 * conditions if none blocks but some need a safeguard or a human judgement; permitted when every
 * finding passes. A `review` never becomes a pass by itself: without a recorded human judgement
 * it adds a condition "record a judgement"; with one, the person's outcome counts, shown as theirs.
 */
import type { Condition, Finding, Outcome } from './rule.js';
import type { HumanJudgement } from './scenario.schema.js';
import { t, type Text } from './text.js';

export type Verdict = 'not-permitted' | 'permitted-with-conditions' | 'permitted';

export const VERDICT_NAMES: Readonly<Record<Verdict, Text>> = {
  'not-permitted': t('niet toegestaan', 'not permitted'),
  'permitted-with-conditions': t('toegestaan onder voorwaarden', 'permitted with conditions'),
  permitted: t('toegestaan', 'permitted'),
};

/** A finding as reported: the engine's outcome, untouched, plus the person's judgement if any. */
export interface AssessedFinding extends Finding {
  readonly title: Text;
  /** Only on `review` findings: the recorded human judgement (latest by date). */
  readonly humanJudgement?: HumanJudgement;
  /** What the verdict counts: the engine outcome, or for a judged review the person's outcome. */
  readonly effectiveOutcome: Outcome;
}

export const applyJudgement = (
  f: Finding,
  title: Text,
  judgements: readonly HumanJudgement[],
): AssessedFinding => {
  if (f.outcome !== 'review') return { ...f, title, effectiveOutcome: f.outcome };
  const mine = judgements
    .filter((j) => j.ruleId === f.ruleId)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const latest = mine[mine.length - 1];
  if (latest === undefined) {
    const pending: Condition = {
      kind: 'human-judgement',
      ruleId: f.ruleId,
      text: t(
        `Een benoemde persoon legt een oordeel met redenen vast over ${f.ruleId}.`,
        `A named person records a reasoned judgement on ${f.ruleId}.`,
      ),
    };
    return { ...f, title, conditions: [...(f.conditions ?? []), pending], effectiveOutcome: 'review' };
  }
  return { ...f, title, humanJudgement: latest, effectiveOutcome: latest.outcome };
};

const RANK: Readonly<Record<Verdict, number>> = {
  'not-permitted': 0,
  'permitted-with-conditions': 1,
  permitted: 2,
};
/** Higher is better; used by property tests and the comparison. */
export const verdictRank = (v: Verdict): number => RANK[v];

export const verdictOf = (findings: readonly AssessedFinding[]): Verdict => {
  if (findings.some((f) => f.effectiveOutcome === 'fail')) return 'not-permitted';
  if (findings.some((f) => f.effectiveOutcome !== 'pass')) return 'permitted-with-conditions';
  return 'permitted';
};

/** The conditions of a verdict: every safeguard asked by a finding that does not block. */
export const conditionsOf = (findings: readonly AssessedFinding[]): Condition[] =>
  findings
    .filter((f) => f.effectiveOutcome === 'condition' || f.effectiveOutcome === 'review')
    .flatMap((f) => f.conditions ?? []);
