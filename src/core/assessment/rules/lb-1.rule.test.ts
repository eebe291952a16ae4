import { describe, expect, it } from 'vitest';
import { factsOf, rowProblems, type RuleCase } from './rule-test-kit.js';
import { lb1Rule } from './lb-1.rule.js';

const cases: RuleCase[] = [
  {
    name: 'public authority on (f)',
    change: (s) => {
      s.legalBasis = { article: 'f' };
    },
    outcome: 'fail',
  },
  { name: 'public authority on (e) with provision', change: () => undefined, outcome: 'pass' },
  {
    name: 'private controller on (f)',
    change: (s) => {
      s.controller.publicAuthority = false;
      s.legalBasis = { article: 'f' };
    },
    outcome: 'pass',
  },
  {
    name: 'public authority on (f) for a measure without personal data',
    change: (s) => {
      s.legalBasis = { article: 'f' };
      s.measure = { id: 'second-staff-member' };
    },
    outcome: 'pass',
  },
];

describe('LB-1 — GDPR Art. 6(1), last subparagraph', () => {
  it.each(cases)('$name → $outcome', (row) => {
    expect(rowProblems(lb1Rule, row)).toEqual([]);
  });

  it('gives its reasons in Dutch and English', () => {
    const f = lb1Rule.evaluate(
      factsOf((s) => {
        s.legalBasis = { article: 'f' };
      }),
    );
    expect(f.reasons[0]?.nl).toMatch(/gerechtvaardigd belang/);
    expect(f.reasons[0]?.en).toMatch(/legitimate interests/);
    expect(f.source).toBe(lb1Rule.source.en);
    expect(f.sourceNl).toBe('AVG art. 6 lid 1, laatste alinea');
    expect(f.sourceConfirmed).toBe(true);
  });
});
