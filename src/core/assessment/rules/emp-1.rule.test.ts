import { describe, expect, it } from 'vitest';
import type { MeasureId } from '../catalogue.js';
import type { Scenario } from '../scenario.schema.js';
import { factsOf, rowProblems, type RuleCase } from './rule-test-kit.js';
import { emp1Rule } from './emp-1.rule.js';

/**
 * No works-council consent; the measure starts on `startDate` (null: no start date, 'assessedOn':
 * the assessment date), is `measure`, and affects staff unless `staff` is false.
 */
const noConsent =
  (over: { startDate?: string | null; measure?: MeasureId; staff?: false } = {}) =>
  (s: Scenario): void => {
    delete s.safeguards.worksCouncilConsentDate;
    if (over.measure !== undefined) s.measure = { id: over.measure };
    if (over.startDate === null) delete s.measure.startDate;
    else if (over.startDate !== undefined)
      s.measure.startDate = over.startDate === 'assessedOn' ? s.assessedOn : over.startDate;
    if (over.staff === false) s.peopleAffected.staff = false;
  };
/** Consent given on `consent`, for a measure that started on `startDate`. */
const consentedOn =
  (consent: string, startDate: string) =>
  (s: Scenario): void => {
    s.measure.startDate = startDate;
    s.safeguards.worksCouncilConsentDate = consent;
  };

const cases: RuleCase[] = [
  { name: 'consent dated', change: () => undefined, outcome: 'pass' },
  { name: 'camera without consent', change: noConsent(), outcome: 'condition' },
  { name: 'alarm log without consent', change: noConsent({ measure: 'alarm-button' }), outcome: 'condition' },
  { name: 'no staff affected', change: noConsent({ staff: false }), outcome: 'pass' },
  // WOR art. 27(1)(l): consent comes first; a measure already running without it is a breach now.
  {
    name: 'started on the assessment date without consent (WOR art. 27(1)(l))',
    change: noConsent({ startDate: 'assessedOn' }),
    outcome: 'fail',
  },
  {
    name: 'started before the assessment date without consent (WOR art. 27(1)(l))',
    change: noConsent({ startDate: '2023-06-01' }),
    outcome: 'fail',
  },
  {
    name: 'alarm log already running without consent (WOR art. 27(1)(l))',
    change: noConsent({ measure: 'alarm-button', startDate: '2023-06-01' }),
    outcome: 'fail',
  },
  {
    name: 'starts the day after the assessment, no consent yet (WOR art. 27(1)(l))',
    change: noConsent({ startDate: '2024-01-02' }),
    outcome: 'condition',
  },
  {
    name: 'no start date, no consent yet (WOR art. 27(1)(l))',
    change: noConsent({ startDate: null }),
    outcome: 'condition',
  },
  {
    name: 'consent dated after the start: ran without consent (WOR art. 27(1)(l))',
    change: consentedOn('2023-12-01', '2023-06-01'),
    outcome: 'fail',
  },
  {
    name: 'consent dated on the start day (WOR art. 27(1)(l))',
    change: consentedOn('2023-12-01', '2023-12-01'),
    outcome: 'pass',
  },
  {
    name: 'started without consent, but no staff affected',
    change: noConsent({ startDate: '2023-06-01', staff: false }),
    outcome: 'pass',
  },
  {
    name: 'second staff member observes nothing',
    change: noConsent({ measure: 'second-staff-member' }),
    outcome: 'pass',
  },
];

describe('EMP-1 — WOR art. 27(1)(l); 27(4)', () => {
  it.each(cases)('$name → $outcome', (row) => {
    expect(rowProblems(emp1Rule, row)).toEqual([]);
  });

  it('says the breach is now and names the start date', () => {
    const f = emp1Rule.evaluate(factsOf(noConsent({ startDate: '2023-06-01' })));
    const en = f.reasons.map((r) => r.en).join(' ');
    expect(en).toContain('2023-06-01');
    expect(en).toContain('breach');
    expect(f.reasons.map((r) => r.nl).join(' ')).toContain('zonder instemming van de OR');
    expect(f.conditions).toBeUndefined();
  });
});
