import { describe, expect, it } from 'vitest';
import type { Outcome } from '../rule.js';
import type { Scenario } from '../scenario.schema.js';
import { factsOf } from './rule-test-kit.js';
import { lb3Rule } from './lb-3.rule.js';

const cases: { name: string; change: (s: Scenario) => void; outcome: Outcome }[] = [
  {
    name: 'consent towards a public authority',
    change: (s) => {
      s.legalBasis = { article: 'a' };
    },
    outcome: 'fail',
  },
  {
    name: 'consent of employees to a private employer',
    change: (s) => {
      s.legalBasis = { article: 'a' };
      s.controller.publicAuthority = false;
    },
    outcome: 'fail',
  },
  {
    name: 'consent, private controller, no staff affected',
    change: (s) => {
      s.legalBasis = { article: 'a' };
      s.controller.publicAuthority = false;
      s.peopleAffected.staff = false;
    },
    outcome: 'review',
  },
  { name: 'not consent', change: () => undefined, outcome: 'pass' },
];

describe('LB-3 — GDPR recital 43; EDPB Guidelines 3/2019 section 3.3', () => {
  it.each(cases)('$name → $outcome', ({ change, outcome }) => {
    const f = lb3Rule.evaluate(factsOf(change));
    expect(f.ruleId).toBe('LB-3');
    expect(f.outcome).toBe(outcome);
    expect(f.reasons.length).toBeGreaterThan(0);
    if (outcome === 'condition') expect(f.conditions?.length).toBeGreaterThan(0);
  });
});
