import { describe, expect, it } from 'vitest';
import type { Outcome } from '../rule.js';
import type { Scenario } from '../scenario.schema.js';
import { factsOf } from './rule-test-kit.js';
import { ropa1Rule } from './ropa-1.rule.js';

const cases: { name: string; change: (s: Scenario) => void; outcome: Outcome }[] = [
  { name: 'camera produces a register entry', change: () => undefined, outcome: 'pass' },
  {
    name: 'alarm log produces a register entry',
    change: (s) => {
      s.measure = { id: 'alarm-button' };
    },
    outcome: 'pass',
  },
  {
    name: 'no personal data',
    change: (s) => {
      s.measure = { id: 'room-design' };
    },
    outcome: 'pass',
  },
];

describe('ROPA-1 — GDPR Art. 30', () => {
  it.each(cases)('$name → $outcome', ({ change, outcome }) => {
    const f = ropa1Rule.evaluate(factsOf(change));
    expect(f.ruleId).toBe('ROPA-1');
    expect(f.outcome).toBe(outcome);
    expect(f.reasons.length).toBeGreaterThan(0);
    if (outcome === 'condition') expect(f.conditions?.length).toBeGreaterThan(0);
  });
});
