import { describe, expect, it } from 'vitest';
import type { Outcome } from '../rule.js';
import type { Scenario } from '../scenario.schema.js';
import { factsOf } from './rule-test-kit.js';
import { prop3Rule } from './prop-3.rule.js';

const cases: { name: string; change: (s: Scenario) => void; outcome: Outcome }[] = [
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
  it.each(cases)('$name → $outcome', ({ change, outcome }) => {
    const f = prop3Rule.evaluate(factsOf(change));
    expect(f.ruleId).toBe('PROP-3');
    expect(f.outcome).toBe(outcome);
    expect(f.reasons.length).toBeGreaterThan(0);
    if (outcome === 'condition') expect(f.conditions?.length).toBeGreaterThan(0);
  });
});
