import { describe, expect, it } from 'vitest';
import type { Outcome } from '../rule.js';
import type { Scenario } from '../scenario.schema.js';
import { factsOf } from './rule-test-kit.js';
import { cov1Rule } from './cov-1.rule.js';

const cases: { name: string; change: (s: Scenario) => void; outcome: Outcome }[] = [
  { name: 'visible measure', change: () => undefined, outcome: 'pass' },
  {
    name: 'covert recording',
    change: (s) => {
      s.measure = { id: 'covert-recording' };
    },
    outcome: 'fail',
  },
];

describe('COV-1 — AP conditions for covert monitoring; CBP Nijmegen 2013', () => {
  it.each(cases)('$name → $outcome', ({ change, outcome }) => {
    const f = cov1Rule.evaluate(factsOf(change));
    expect(f.ruleId).toBe('COV-1');
    expect(f.outcome).toBe(outcome);
    expect(f.reasons.length).toBeGreaterThan(0);
    if (outcome === 'condition') expect(f.conditions?.length).toBeGreaterThan(0);
  });
});
