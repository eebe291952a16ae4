import { describe, expect, it } from 'vitest';
import { rowProblems, type RuleCase } from './rule-test-kit.js';
import { lb3Rule } from './lb-3.rule.js';

const cases: RuleCase[] = [
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
  it.each(cases)('$name → $outcome', (row) => {
    expect(rowProblems(lb3Rule, row)).toEqual([]);
  });
});
