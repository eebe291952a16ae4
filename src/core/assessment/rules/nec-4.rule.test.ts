import { describe, expect, it } from 'vitest';
import { rowProblems, type RuleCase } from './rule-test-kit.js';
import { nec4Rule } from './nec-4.rule.js';

const cases: RuleCase[] = [
  { name: 'recording for evidence', change: () => undefined, outcome: 'pass' },
  {
    name: 'recording for immediate help only',
    change: (s) => {
      s.purpose.kinds = ['immediate-help'];
    },
    outcome: 'fail',
  },
  {
    name: 'recording for deterrence only',
    change: (s) => {
      s.purpose.kinds = ['deterrence'];
    },
    outcome: 'fail',
  },
  {
    name: 'alarm button for immediate help',
    change: (s) => {
      s.measure = { id: 'alarm-button' };
      s.purpose.kinds = ['immediate-help'];
    },
    outcome: 'pass',
  },
  {
    name: 'live view for evidence achieves nothing',
    change: (s) => {
      s.measure = { id: 'live-view' };
      s.purpose.kinds = ['evidence'];
    },
    outcome: 'fail',
  },
  {
    name: 'no purpose kind',
    change: (s) => {
      s.purpose.kinds = [];
    },
    outcome: 'fail',
  },
];

describe('NEC-4 — EDPB Guidelines 3/2019 §29 (verify)', () => {
  it.each(cases)('$name → $outcome', (row) => {
    expect(rowProblems(nec4Rule, row)).toEqual([]);
  });
});
