import { describe, expect, it } from 'vitest';
import type { Outcome } from '../rule.js';
import type { Scenario } from '../scenario.schema.js';
import { factsOf } from './rule-test-kit.js';
import { rgt1Rule } from './rgt-1.rule.js';

const cases: { name: string; change: (s: Scenario) => void; outcome: Outcome }[] = [
  { name: 'procedure in place', change: () => undefined, outcome: 'pass' },
  {
    name: 'no procedure',
    change: (s) => {
      delete s.safeguards.rightsProcedure;
    },
    outcome: 'condition',
  },
  {
    name: 'no personal data',
    change: (s) => {
      delete s.safeguards.rightsProcedure;
      s.measure = { id: 'host-nearby' };
    },
    outcome: 'pass',
  },
];

describe('RGT-1 — GDPR Art. 12(3), 15(4); EDPB Guidelines 3/2019 section 6.1', () => {
  it.each(cases)('$name → $outcome', ({ change, outcome }) => {
    const f = rgt1Rule.evaluate(factsOf(change));
    expect(f.ruleId).toBe('RGT-1');
    expect(f.outcome).toBe(outcome);
    expect(f.reasons.length).toBeGreaterThan(0);
    if (outcome === 'condition') expect(f.conditions?.length).toBeGreaterThan(0);
  });
});
