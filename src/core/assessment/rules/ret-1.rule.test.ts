import { describe, expect, it } from 'vitest';
import { factsOf, rowProblems, type RuleCase } from './rule-test-kit.js';
import { ret1Rule } from './ret-1.rule.js';

const cases: RuleCase[] = [
  { name: '72 hours, automatic deletion', change: () => undefined, outcome: 'pass' },
  {
    name: 'no retention set',
    change: (s) => {
      delete s.safeguards.retentionHours;
    },
    outcome: 'fail',
  },
  {
    name: 'more than four weeks',
    change: (s) => {
      s.safeguards.retentionHours = 24 * 29;
    },
    outcome: 'fail',
  },
  {
    name: 'two weeks without justification',
    change: (s) => {
      s.safeguards.retentionHours = 336;
    },
    outcome: 'condition',
  },
  {
    name: 'two weeks with justification',
    change: (s) => {
      s.safeguards.retentionHours = 336;
      s.safeguards.retentionJustification = 'aangifte duurt langer';
    },
    outcome: 'review',
  },
  {
    name: 'no automatic deletion',
    change: (s) => {
      s.safeguards.automaticDeletion = false;
    },
    outcome: 'condition',
  },
  {
    name: 'live view stores nothing',
    change: (s) => {
      s.measure = { id: 'live-view' };
      delete s.safeguards.retentionHours;
    },
    outcome: 'pass',
  },
];

describe('RET-1 — EDPB Guidelines 3/2019 §121–122 (verify)', () => {
  it.each(cases)('$name → $outcome', (row) => {
    expect(rowProblems(ret1Rule, row)).toEqual([]);
  });

  it('asks for at most 72 hours when retention is longer without justification', () => {
    const f = ret1Rule.evaluate(
      factsOf((s) => {
        s.safeguards.retentionHours = 336;
      }),
    );
    expect(f.conditions?.find((c) => c.kind === 'retention-max')?.hours).toBe(72);
  });
});
