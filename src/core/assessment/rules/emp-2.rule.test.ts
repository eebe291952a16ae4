import { describe, expect, it } from 'vitest';
import { rowProblems, type RuleCase } from './rule-test-kit.js';
import { emp2Rule } from './emp-2.rule.js';

const cases: RuleCase[] = [
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
  it.each(cases)('$name → $outcome', (row) => {
    expect(rowProblems(emp2Rule, row)).toEqual([]);
  });
});
