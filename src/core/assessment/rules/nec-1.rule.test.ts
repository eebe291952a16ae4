import { describe, expect, it } from 'vitest';
import { incident, rowProblems, type RuleCase } from './rule-test-kit.js';
import { nec1Rule } from './nec-1.rule.js';

const cases: RuleCase[] = [
  { name: 'serious incidents in scope', change: () => undefined, outcome: 'pass' },
  {
    name: 'no evidence at all',
    change: (s) => {
      s.evidence = {};
    },
    outcome: 'fail',
  },
  {
    name: 'general statistics only',
    change: (s) => {
      s.evidence = { statistics: 'landelijke cijfers' };
    },
    outcome: 'fail',
  },
  {
    name: 'incidents in another room only',
    change: (s) => {
      s.evidence = { incidents: [incident({ roomId: 'kamer-9' })] };
    },
    outcome: 'fail',
  },
  {
    name: 'incidents older than two years',
    change: (s) => {
      s.evidence = { incidents: [incident({ date: '2020-01-01' })] };
    },
    outcome: 'fail',
  },
  {
    name: 'only low-severity incidents without police report',
    change: (s) => {
      s.evidence = { incidents: [incident({ severity: 'low', policeReport: false })] };
    },
    outcome: 'review',
  },
  {
    name: 'a concrete imminent danger',
    change: (s) => {
      s.evidence = { imminentDanger: { statement: 'aangekondigde aanval', date: '2023-12-20' } };
    },
    outcome: 'pass',
  },
  {
    name: 'alarm button needs no incidents',
    change: (s) => {
      s.evidence = {};
      s.measure = { id: 'alarm-button' };
    },
    outcome: 'pass',
  },
];

describe('NEC-1 — EDPB Guidelines 3/2019 §19–21 and §23 (verify); CJEU C-708/18', () => {
  it.each(cases)('$name → $outcome', (row) => {
    expect(rowProblems(nec1Rule, row)).toEqual([]);
  });
});
