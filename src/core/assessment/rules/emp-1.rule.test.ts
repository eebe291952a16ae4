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
  // WOR art. 27(1)(l): consent comes first; a measure already running without it is a breach now.
  {
    name: 'started on the assessment date without consent (WOR art. 27(1)(l))',
    change: (s) => {
      delete s.safeguards.worksCouncilConsentDate;
      s.measure.startDate = s.assessedOn;
    },
    outcome: 'fail',
  },
  {
    name: 'started before the assessment date without consent (WOR art. 27(1)(l))',
    change: (s) => {
      delete s.safeguards.worksCouncilConsentDate;
      s.measure.startDate = '2023-06-01';
    },
    outcome: 'fail',
  },
  {
    name: 'alarm log already running without consent (WOR art. 27(1)(l))',
    change: (s) => {
      s.measure = { id: 'alarm-button', startDate: '2023-06-01' };
      delete s.safeguards.worksCouncilConsentDate;
    },
    outcome: 'fail',
  },
  {
    name: 'starts the day after the assessment, no consent yet (WOR art. 27(1)(l))',
    change: (s) => {
      delete s.safeguards.worksCouncilConsentDate;
      s.measure.startDate = '2024-01-02';
    },
    outcome: 'condition',
  },
  {
    name: 'no start date, no consent yet (WOR art. 27(1)(l))',
    change: (s) => {
      delete s.safeguards.worksCouncilConsentDate;
      delete s.measure.startDate;
    },
    outcome: 'condition',
  },
  {
    name: 'consent dated after the start: ran without consent (WOR art. 27(1)(l))',
    change: (s) => {
      s.measure.startDate = '2023-06-01';
      s.safeguards.worksCouncilConsentDate = '2023-12-01';
    },
    outcome: 'fail',
  },
  {
    name: 'consent dated on the start day (WOR art. 27(1)(l))',
    change: (s) => {
      s.measure.startDate = '2023-12-01';
      s.safeguards.worksCouncilConsentDate = '2023-12-01';
    },
    outcome: 'pass',
  },
  {
    name: 'started without consent, but no staff affected',
    change: (s) => {
      delete s.safeguards.worksCouncilConsentDate;
      s.measure.startDate = '2023-06-01';
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

  it('says the breach is now and names the start date', () => {
    const f = emp1Rule.evaluate(
      factsOf((s) => {
        delete s.safeguards.worksCouncilConsentDate;
        s.measure.startDate = '2023-06-01';
      }),
    );
    const en = f.reasons.map((r) => r.en).join(' ');
    expect(en).toContain('2023-06-01');
    expect(en).toContain('breach');
    expect(f.reasons.map((r) => r.nl).join(' ')).toContain('zonder instemming van de OR');
    expect(f.conditions).toBeUndefined();
  });
});
