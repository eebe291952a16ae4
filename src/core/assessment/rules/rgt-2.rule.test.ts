import { describe, expect, it } from 'vitest';
import { rowProblems, type RuleCase } from './rule-test-kit.js';
import { rgt2Rule } from './rgt-2.rule.js';

const cases: RuleCase[] = [
  { name: 'objection switches off', change: () => undefined, outcome: 'pass' },
  {
    name: 'cannot be switched off',
    change: (s) => {
      s.safeguards.objectionSwitchesOff = false;
    },
    outcome: 'fail',
  },
  {
    name: 'not recorded how',
    change: (s) => {
      delete s.safeguards.objectionSwitchesOff;
    },
    outcome: 'condition',
  },
  {
    name: 'alarm button',
    change: (s) => {
      s.measure = { id: 'alarm-button' };
      s.safeguards.objectionSwitchesOff = false;
    },
    outcome: 'pass',
  },
];

describe('RGT-2 — EDPB Guidelines 3/2019 §105–106', () => {
  it.each(cases)('$name → $outcome', (row) => {
    expect(rowProblems(rgt2Rule, row)).toEqual([]);
  });
});
