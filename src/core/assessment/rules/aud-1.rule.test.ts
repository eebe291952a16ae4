import { describe, expect, it } from 'vitest';
import { rowProblems, type RuleCase } from './rule-test-kit.js';
import { aud1Rule } from './aud-1.rule.js';

const cases: RuleCase[] = [
  { name: 'no sound', change: () => undefined, outcome: 'pass' },
  {
    name: 'sound by design',
    change: (s) => {
      s.measure = { id: 'audio-recording' };
    },
    outcome: 'fail',
  },
  {
    name: 'sound switched on for video',
    change: (s) => {
      s.measure = { id: 'incident-recording', audio: true };
    },
    outcome: 'fail',
  },
  {
    name: 'sound with a separate justification',
    change: (s) => {
      s.measure = { id: 'audio-recording' };
      s.safeguards.audioJustification = 'bedreigingen zijn verbaal';
    },
    outcome: 'review',
  },
];

describe('AUD-1 — EDPB Guidelines 3/2019 §129', () => {
  it.each(cases)('$name → $outcome', (row) => {
    expect(rowProblems(aud1Rule, row)).toEqual([]);
  });
});
