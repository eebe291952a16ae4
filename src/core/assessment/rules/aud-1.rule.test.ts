import { describe, expect, it } from 'vitest';
import type { Outcome } from '../rule.js';
import type { Scenario } from '../scenario.schema.js';
import { factsOf } from './rule-test-kit.js';
import { aud1Rule } from './aud-1.rule.js';

const cases: { name: string; change: (s: Scenario) => void; outcome: Outcome }[] = [
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
  it.each(cases)('$name → $outcome', ({ change, outcome }) => {
    const f = aud1Rule.evaluate(factsOf(change));
    expect(f.ruleId).toBe('AUD-1');
    expect(f.outcome).toBe(outcome);
    expect(f.reasons.length).toBeGreaterThan(0);
    if (outcome === 'condition') expect(f.conditions?.length).toBeGreaterThan(0);
  });
});
