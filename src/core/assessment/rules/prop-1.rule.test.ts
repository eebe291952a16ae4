import { describe, expect, it } from 'vitest';
import { incident, rowProblems, type RuleCase } from './rule-test-kit.js';
import { prop1Rule } from './prop-1.rule.js';

const cases: RuleCase[] = [
  { name: 'concrete evidence leaves it to a person', change: () => undefined, outcome: 'review' },
  {
    name: 'only low-severity incidents',
    change: (s) => {
      s.evidence = { incidents: [incident({ severity: 'low', policeReport: false })] };
    },
    outcome: 'fail',
  },
  {
    name: 'no evidence',
    change: (s) => {
      s.evidence = {};
    },
    outcome: 'fail',
  },
  {
    name: 'no camera',
    change: (s) => {
      s.measure = { id: 'alarm-button' };
      s.evidence = {};
    },
    outcome: 'pass',
  },
];

describe('PROP-1 — EDPB Guidelines 3/2019 §36–39 (verify)', () => {
  it.each(cases)('$name → $outcome', (row) => {
    expect(rowProblems(prop1Rule, row)).toEqual([]);
  });
});
