import { describe, expect, it } from 'vitest';
import type { Outcome } from '../rule.js';
import type { Scenario } from '../scenario.schema.js';
import { factsOf } from './rule-test-kit.js';
import { emp1Rule } from './emp-1.rule.js';

const cases: { name: string; change: (s: Scenario) => void; outcome: Outcome }[] = [
  { name: 'consent dated', change: () => undefined, outcome: 'pass' },
  {
    name: 'camera without consent',
    change: (s) => {
      delete s.safeguards.worksCouncilConsentDate;
    },
    outcome: 'condition',
  },
  {
    name: 'alarm log without consent',
    change: (s) => {
      s.measure = { id: 'alarm-button' };
      delete s.safeguards.worksCouncilConsentDate;
    },
    outcome: 'condition',
  },
  {
    name: 'no staff affected',
    change: (s) => {
      delete s.safeguards.worksCouncilConsentDate;
      s.peopleAffected.staff = false;
    },
    outcome: 'pass',
  },
  {
    name: 'second staff member observes nothing',
    change: (s) => {
      s.measure = { id: 'second-staff-member' };
      delete s.safeguards.worksCouncilConsentDate;
    },
    outcome: 'pass',
  },
];

describe('EMP-1 — WOR art. 27(1)(l); 27(4)', () => {
  it.each(cases)('$name → $outcome', ({ change, outcome }) => {
    const f = emp1Rule.evaluate(factsOf(change));
    expect(f.ruleId).toBe('EMP-1');
    expect(f.outcome).toBe(outcome);
    expect(f.reasons.length).toBeGreaterThan(0);
    if (outcome === 'condition') expect(f.conditions?.length).toBeGreaterThan(0);
  });
});
