import { describe, expect, it } from 'vitest';
import { factsOf, rowProblems, type RuleCase } from './rule-test-kit.js';
import { sc1Rule } from './sc-1.rule.js';

const cases: RuleCase[] = [
  { name: 'images of a sensitive conversation', change: () => undefined, outcome: 'pass' },
  {
    name: 'sound of a sensitive conversation',
    change: (s) => {
      s.measure = { id: 'audio-recording' };
    },
    outcome: 'fail',
  },
  {
    name: 'sound with an Art. 9(2) exception cited',
    change: (s) => {
      s.measure = { id: 'audio-recording' };
      s.safeguards.art9Exception = 'art. 9(2)(g)';
    },
    outcome: 'review',
  },
  {
    name: 'sound of a non-sensitive conversation',
    change: (s) => {
      s.measure = { id: 'audio-recording' };
      s.scope.conversationTypes = [{ id: 'terugvordering', sensitive: false }];
    },
    outcome: 'pass',
  },
  {
    name: 'video measure with audio switched on',
    change: (s) => {
      s.measure = { id: 'continuous-video', audio: true };
    },
    outcome: 'fail',
  },
];

describe('SC-1 — GDPR Art. 9(1),(2), 4(15); EDPB Guidelines 3/2019 §62–67', () => {
  it.each(cases)('$name → $outcome', (row) => {
    expect(rowProblems(sc1Rule, row)).toEqual([]);
  });

  it('cites the confirmed articles and marks the reading of them as its own', () => {
    const f = sc1Rule.evaluate(
      factsOf((s) => {
        s.measure = { id: 'audio-recording' };
      }),
    );
    expect(f.sourceConfirmed).toBe(true);
    expect(f.sourceNl).toMatch(
      /^art\. 9 lid 1 en lid 2 AVG \(gegevens over gezondheid: art\. 4, onder 15 AVG\)/,
    );
    expect(f.sourceNl).toMatch(/onze eigen lezing/);
    expect(f.source).toMatch(/^GDPR Art\. 9\(1\) and \(2\)/);
    expect(f.source).toMatch(/our own reading/);
  });
});
