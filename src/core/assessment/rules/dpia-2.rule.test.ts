import { describe, expect, it } from 'vitest';
import type { Outcome } from '../rule.js';
import type { Scenario } from '../scenario.schema.js';
import { factsOf } from './rule-test-kit.js';
import { dpia2Rule } from './dpia-2.rule.js';

const cases: { name: string; change: (s: Scenario) => void; outcome: Outcome }[] = [
  { name: 'complete', change: () => undefined, outcome: 'pass' },
  {
    name: 'high residual risk without prior consultation',
    change: (s) => {
      s.dpia.residualRisk = 'high';
    },
    outcome: 'fail',
  },
  {
    name: 'high residual risk, AP consulted',
    change: (s) => {
      s.dpia.residualRisk = 'high';
      s.dpia.priorConsultationDate = '2023-12-20';
    },
    outcome: 'pass',
  },
  {
    name: 'no DPO advice',
    change: (s) => {
      delete s.safeguards.dpoAdviceDate;
    },
    outcome: 'condition',
  },
  {
    name: 'views not sought and no reason',
    change: (s) => {
      s.dpia.dataSubjectViews = { sought: false };
    },
    outcome: 'condition',
  },
  {
    name: 'no review date',
    change: (s) => {
      delete s.safeguards.reviewDate;
    },
    outcome: 'condition',
  },
  {
    name: 'no DPIA required',
    change: (s) => {
      s.measure = { id: 'alarm-button' };
      delete s.safeguards.dpoAdviceDate;
    },
    outcome: 'pass',
  },
];

describe('DPIA-2 — GDPR Art. 35(2),(9),(11), 36', () => {
  it.each(cases)('$name → $outcome', ({ change, outcome }) => {
    const f = dpia2Rule.evaluate(factsOf(change));
    expect(f.ruleId).toBe('DPIA-2');
    expect(f.outcome).toBe(outcome);
    expect(f.reasons.length).toBeGreaterThan(0);
    if (outcome === 'condition') expect(f.conditions?.length).toBeGreaterThan(0);
  });
});
