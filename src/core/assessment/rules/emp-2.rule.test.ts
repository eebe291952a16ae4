import { describe, expect, it } from 'vitest';
import type { Outcome } from '../rule.js';
import type { Scenario } from '../scenario.schema.js';
import { factsOf } from './rule-test-kit.js';
import { emp2Rule } from './emp-2.rule.js';

const cases: { name: string; change: (s: Scenario) => void; outcome: Outcome }[] = [
  { name: 'written ban', change: () => undefined, outcome: 'pass' },
  {
    name: 'used for staff assessment',
    change: (s) => {
      s.claims = { usedForStaffAssessment: true };
    },
    outcome: 'fail',
  },
  {
    name: 'no written ban',
    change: (s) => {
      delete s.safeguards.noStaffPerformanceUse;
    },
    outcome: 'condition',
  },
  {
    name: 'alarm log used to assess staff',
    change: (s) => {
      s.measure = { id: 'alarm-button' };
      s.claims = { usedForStaffAssessment: true };
    },
    outcome: 'fail',
  },
];

describe('EMP-2 — GDPR Art. 5(1)(b); ECtHR Antović v Montenegro', () => {
  it.each(cases)('$name → $outcome', ({ change, outcome }) => {
    const f = emp2Rule.evaluate(factsOf(change));
    expect(f.ruleId).toBe('EMP-2');
    expect(f.outcome).toBe(outcome);
    expect(f.reasons.length).toBeGreaterThan(0);
    if (outcome === 'condition') expect(f.conditions?.length).toBeGreaterThan(0);
  });
});
