import { describe, expect, it } from 'vitest';
import { rowProblems, type RuleCase } from './rule-test-kit.js';
import { ropa1Rule } from './ropa-1.rule.js';

const cases: RuleCase[] = [
  { name: 'camera produces a register entry', change: () => undefined, outcome: 'pass' },
  {
    name: 'alarm log produces a register entry',
    change: (s) => {
      s.measure = { id: 'alarm-button' };
    },
    outcome: 'pass',
  },
  {
    name: 'no personal data',
    change: (s) => {
      s.measure = { id: 'room-design' };
    },
    outcome: 'pass',
  },
];

describe('ROPA-1 — GDPR Art. 30', () => {
  it.each(cases)('$name → $outcome', (row) => {
    expect(rowProblems(ropa1Rule, row)).toEqual([]);
  });
});
