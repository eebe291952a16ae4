import { describe, expect, it } from 'vitest';
import { rowProblems, type RuleCase } from './rule-test-kit.js';
import { prop3Rule } from './prop-3.rule.js';

const cases: RuleCase[] = [
  { name: 'service does not depend on the camera', change: () => undefined, outcome: 'pass' },
  {
    name: 'refusing the camera costs the benefit',
    change: (s) => {
      s.conditionsAccessToService = true;
    },
    outcome: 'fail',
  },
  {
    name: 'no camera',
    change: (s) => {
      s.measure = { id: 'second-staff-member' };
      s.conditionsAccessToService = true;
    },
    outcome: 'pass',
  },
];

describe('PROP-3 — WP248 rev.01 criterion 9', () => {
  it.each(cases)('$name → $outcome', (row) => {
    expect(rowProblems(prop3Rule, row)).toEqual([]);
  });
});
