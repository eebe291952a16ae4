import { describe, expect, it } from 'vitest';
import { rowProblems, type RuleCase } from './rule-test-kit.js';
import { prop2Rule } from './prop-2.rule.js';

const cases: RuleCase[] = [
  { name: 'signs not used as an argument', change: () => undefined, outcome: 'pass' },
  {
    name: 'relies on signs creating an expectation',
    change: (s) => {
      s.claims = { signageCreatesExpectation: true };
    },
    outcome: 'fail',
  },
  {
    name: 'no camera',
    change: (s) => {
      s.measure = { id: 'alarm-button' };
      s.claims = { signageCreatesExpectation: true };
    },
    outcome: 'pass',
  },
];

describe('PROP-2 — EDPB Guidelines 3/2019 §40 (verify)', () => {
  it.each(cases)('$name → $outcome', (row) => {
    expect(rowProblems(prop2Rule, row)).toEqual([]);
  });
});
