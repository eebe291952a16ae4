import { describe, expect, it } from 'vitest';
import { rowProblems, type RuleCase } from './rule-test-kit.js';
import { lb2Rule } from './lb-2.rule.js';

const cases: RuleCase[] = [
  { name: '(e) with a provision', change: () => undefined, outcome: 'pass' },
  {
    name: '(e) without a provision',
    change: (s) => {
      s.legalBasis = { article: 'e' };
    },
    outcome: 'fail',
  },
  {
    name: '(c) without a provision',
    change: (s) => {
      s.legalBasis = { article: 'c' };
    },
    outcome: 'fail',
  },
  {
    name: '(c) with a provision',
    change: (s) => {
      s.legalBasis = { article: 'c', provision: 'Arbeidsomstandighedenwet art. 3' };
    },
    outcome: 'pass',
  },
  {
    name: '(b) contract needs a person',
    change: (s) => {
      s.legalBasis = { article: 'b' };
    },
    outcome: 'review',
  },
  {
    name: '(d) vital interests needs a person',
    change: (s) => {
      s.legalBasis = { article: 'd' };
    },
    outcome: 'review',
  },
  {
    name: '(f) is not this rule',
    change: (s) => {
      s.legalBasis = { article: 'f' };
    },
    outcome: 'pass',
  },
];

describe('LB-2 — GDPR Art. 6(3); EDPB Guidelines 3/2019 §41 (verify)', () => {
  it.each(cases)('$name → $outcome', (row) => {
    expect(rowProblems(lb2Rule, row)).toEqual([]);
  });
});
