import { describe, expect, it } from 'vitest';
import type { Outcome } from '../rule.js';
import type { Scenario } from '../scenario.schema.js';
import { factsOf } from './rule-test-kit.js';
import { nec2Rule } from './nec-2.rule.js';

const cases: { name: string; change: (s: Scenario) => void; outcome: Outcome }[] = [
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
  it.each(cases)('$name → $outcome', ({ change, outcome }) => {
    const f = nec2Rule.evaluate(factsOf(change));
    expect(f.ruleId).toBe('NEC-2');
    expect(f.outcome).toBe(outcome);
    expect(f.reasons.length).toBeGreaterThan(0);
    if (outcome === 'condition') expect(f.conditions?.length).toBeGreaterThan(0);
  });
});
