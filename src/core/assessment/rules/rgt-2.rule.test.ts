import { describe, expect, it } from 'vitest';
import type { Outcome } from '../rule.js';
import type { Scenario } from '../scenario.schema.js';
import { factsOf } from './rule-test-kit.js';
import { rgt2Rule } from './rgt-2.rule.js';

const cases: { name: string; change: (s: Scenario) => void; outcome: Outcome }[] = [
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
  it.each(cases)('$name → $outcome', ({ change, outcome }) => {
    const f = rgt2Rule.evaluate(factsOf(change));
    expect(f.ruleId).toBe('RGT-2');
    expect(f.outcome).toBe(outcome);
    expect(f.reasons.length).toBeGreaterThan(0);
    if (outcome === 'condition') expect(f.conditions?.length).toBeGreaterThan(0);
  });
});
