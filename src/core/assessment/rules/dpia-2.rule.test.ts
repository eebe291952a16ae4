import { describe, expect, it } from 'vitest';
import { rowProblems, type RuleCase } from './rule-test-kit.js';
import { dpia2Rule } from './dpia-2.rule.js';

const cases: RuleCase[] = [
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
  it.each(cases)('$name → $outcome', (row) => {
    expect(rowProblems(dpia2Rule, row)).toEqual([]);
  });
});
