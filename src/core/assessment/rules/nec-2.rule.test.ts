import { describe, expect, it } from 'vitest';
import { rowProblems, type RuleCase } from './rule-test-kit.js';
import { nec2Rule } from './nec-2.rule.js';

const cases: RuleCase[] = [
  { name: 'every lighter measure addressed', change: () => undefined, outcome: 'pass' },
  {
    name: 'one lighter measure missing',
    change: (s) => {
      s.alternatives = s.alternatives.filter((a) => a.measure !== 'host-nearby');
    },
    outcome: 'fail',
  },
  {
    name: 'marked not considered',
    change: (s) => {
      s.alternatives[0] = { measure: 'room-design', status: 'not-considered', reasons: '' };
    },
    outcome: 'fail',
  },
  {
    name: 'insufficient without reasons',
    change: (s) => {
      s.alternatives[1] = { measure: 'de-escalation', status: 'in-place-insufficient', reasons: '  ' };
    },
    outcome: 'fail',
  },
  {
    name: 'adopted instead counts as addressed',
    change: (s) => {
      s.alternatives[2] = {
        measure: 'second-staff-member',
        status: 'adopted-instead',
        reasons: 'voor risicogesprekken',
      };
    },
    outcome: 'pass',
  },
  {
    name: 'alarm button with lighter measures missing',
    change: (s) => {
      s.measure = { id: 'alarm-button' };
      s.alternatives = [];
    },
    outcome: 'condition',
  },
  {
    name: 'room design is the lightest',
    change: (s) => {
      s.measure = { id: 'room-design' };
      s.alternatives = [];
    },
    outcome: 'pass',
  },
];

describe('NEC-2 — EDPB Guidelines 3/2019 §24–25; GDPR Art. 35(7)(b)', () => {
  it.each(cases)('$name → $outcome', (row) => {
    expect(rowProblems(nec2Rule, row)).toEqual([]);
  });
});
