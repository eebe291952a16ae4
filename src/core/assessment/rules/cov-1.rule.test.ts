import { describe, expect, it } from 'vitest';
import { rowProblems, type RuleCase } from './rule-test-kit.js';
import { cov1Rule } from './cov-1.rule.js';

const cases: RuleCase[] = [
  { name: 'visible measure', change: () => undefined, outcome: 'pass' },
  {
    name: 'covert recording',
    change: (s) => {
      s.measure = { id: 'covert-recording' };
    },
    outcome: 'fail',
  },
];

describe('COV-1 — AP conditions for covert monitoring (unconfirmed); CRvB 2016:3479; CBP Nijmegen 2013', () => {
  it.each(cases)('$name → $outcome', (row) => {
    expect(rowProblems(cov1Rule, row)).toEqual([]);
  });
});
