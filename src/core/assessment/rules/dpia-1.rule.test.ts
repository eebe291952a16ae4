import { describe, expect, it } from 'vitest';
import { factsOf, rowProblems, type RuleCase } from './rule-test-kit.js';
import { dpia1Rule } from './dpia-1.rule.js';

const cases: RuleCase[] = [
  { name: 'DPIA before start', change: () => undefined, outcome: 'pass' },
  {
    name: 'DPIA after start (late)',
    change: (s) => {
      s.measure = { id: 'incident-recording', startDate: '2023-01-01' };
      s.dpia.date = '2023-06-01';
    },
    outcome: 'fail',
  },
  {
    name: 'started without DPIA',
    change: (s) => {
      s.measure = { id: 'incident-recording', startDate: '2023-01-01' };
      delete s.dpia.date;
    },
    outcome: 'fail',
  },
  {
    name: 'not started, DPIA not done yet',
    change: (s) => {
      delete s.dpia.date;
    },
    outcome: 'condition',
  },
  {
    name: 'alarm button needs no DPIA',
    change: (s) => {
      s.measure = { id: 'alarm-button' };
      delete s.dpia.date;
    },
    outcome: 'pass',
  },
  {
    name: 'alarm button that conditions the service needs one',
    change: (s) => {
      s.measure = { id: 'alarm-button', startDate: '2023-01-01' };
      s.conditionsAccessToService = true;
      delete s.dpia.date;
    },
    outcome: 'fail',
  },
];

describe('DPIA-1 — GDPR Art. 35(1),(4); AP DPIA list (Stcrt. 2019, 64418); WP248 rev.01', () => {
  it.each(cases)('$name → $outcome', (row) => {
    expect(rowProblems(dpia1Rule, row)).toEqual([]);
  });

  it('states how late the DPIA was', () => {
    const f = dpia1Rule.evaluate(
      factsOf((s) => {
        s.measure = { id: 'incident-recording', startDate: '2014-03-01' };
        s.dpia.date = '2016-03-01';
      }),
    );
    expect(f.reasons.map((r) => r.en).join(' ')).toContain('731 days after the start');
  });
});
