import { describe, expect, it } from 'vitest';
import type { Outcome } from '../rule.js';
import type { Scenario } from '../scenario.schema.js';
import { factsOf, incident } from './rule-test-kit.js';
import { prop1Rule } from './prop-1.rule.js';

const cases: { name: string; change: (s: Scenario) => void; outcome: Outcome }[] = [
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
  it.each(cases)('$name → $outcome', ({ change, outcome }) => {
    const f = prop1Rule.evaluate(factsOf(change));
    expect(f.ruleId).toBe('PROP-1');
    expect(f.outcome).toBe(outcome);
    expect(f.reasons.length).toBeGreaterThan(0);
    if (outcome === 'condition') expect(f.conditions?.length).toBeGreaterThan(0);
  });
});
