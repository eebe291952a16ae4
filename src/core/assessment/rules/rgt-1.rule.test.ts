import { describe, expect, it } from 'vitest';
import { rowProblems, type RuleCase } from './rule-test-kit.js';
import { rgt1Rule } from './rgt-1.rule.js';

const cases: RuleCase[] = [
  { name: 'procedure in place', change: () => undefined, outcome: 'pass' },
  {
    name: 'no procedure',
    change: (s) => {
      delete s.safeguards.rightsProcedure;
    },
    outcome: 'condition',
  },
  {
    name: 'no personal data',
    change: (s) => {
      delete s.safeguards.rightsProcedure;
      s.measure = { id: 'host-nearby' };
    },
    outcome: 'pass',
  },
];

describe('RGT-1 — GDPR Art. 12(3), 15(4); EDPB Guidelines 3/2019 section 6.1', () => {
  it.each(cases)('$name → $outcome', (row) => {
    expect(rowProblems(rgt1Rule, row)).toEqual([]);
  });
});
