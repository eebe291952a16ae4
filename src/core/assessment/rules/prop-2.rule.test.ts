import { describe, expect, it } from 'vitest';
import type { Outcome } from '../rule.js';
import type { Scenario } from '../scenario.schema.js';
import { factsOf } from './rule-test-kit.js';
import { prop2Rule } from './prop-2.rule.js';

const cases: { name: string; change: (s: Scenario) => void; outcome: Outcome }[] = [
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
  it.each(cases)('$name → $outcome', ({ change, outcome }) => {
    const f = prop2Rule.evaluate(factsOf(change));
    expect(f.ruleId).toBe('PROP-2');
    expect(f.outcome).toBe(outcome);
    expect(f.reasons.length).toBeGreaterThan(0);
    if (outcome === 'condition') expect(f.conditions?.length).toBeGreaterThan(0);
  });
});
