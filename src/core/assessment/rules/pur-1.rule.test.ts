import { describe, expect, it } from 'vitest';
import type { Outcome } from '../rule.js';
import type { Scenario } from '../scenario.schema.js';
import { factsOf } from './rule-test-kit.js';
import { pur1Rule } from './pur-1.rule.js';

const cases: { name: string; change: (s: Scenario) => void; outcome: Outcome }[] = [
  { name: 'specific purpose', change: () => undefined, outcome: 'pass' },
  {
    name: '"voor uw veiligheid"',
    change: (s) => {
      s.purpose.text = 'Voor uw veiligheid';
    },
    outcome: 'fail',
  },
  {
    name: '"for safety and security"',
    change: (s) => {
      s.purpose.text = 'For safety and security';
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
  {
    name: 'brief purpose',
    change: (s) => {
      s.purpose.text = 'Bewijs van agressie bij terugvordering';
    },
    outcome: 'review',
  },
  {
    name: 'no personal data',
    change: (s) => {
      s.purpose.text = 'veiligheid';
      s.measure = { id: 'room-design' };
    },
    outcome: 'pass',
  },
];

describe('PUR-1 — EDPB Guidelines 3/2019 §15; GDPR Art. 5(1)(b)', () => {
  it.each(cases)('$name → $outcome', ({ change, outcome }) => {
    const f = pur1Rule.evaluate(factsOf(change));
    expect(f.ruleId).toBe('PUR-1');
    expect(f.outcome).toBe(outcome);
    expect(f.reasons.length).toBeGreaterThan(0);
    if (outcome === 'condition') expect(f.conditions?.length).toBeGreaterThan(0);
  });
});
