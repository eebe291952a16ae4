import { describe, expect, it } from 'vitest';
import { rowProblems, type RuleCase } from './rule-test-kit.js';
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

describe('SC-1 — GDPR Art. 9; EDPB Guidelines 3/2019 §62–67 (verify)', () => {
  it.each(cases)('$name → $outcome', (row) => {
    expect(rowProblems(sc1Rule, row)).toEqual([]);
  });
});
