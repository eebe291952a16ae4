import { describe, expect, it } from 'vitest';
import type { Outcome } from '../rule.js';
import type { Scenario } from '../scenario.schema.js';
import { factsOf } from './rule-test-kit.js';
import { trn1Rule } from './trn-1.rule.js';

const cases: { name: string; change: (s: Scenario) => void; outcome: Outcome }[] = [
  { name: 'sign, second layer and letter', change: () => undefined, outcome: 'pass' },
  {
    name: 'no transparency at all',
    change: (s) => {
      delete s.safeguards.transparency;
    },
    outcome: 'condition',
  },
  {
    name: 'sign without "only on an alarm"',
    change: (s) => {
      s.safeguards.transparency = {
        sign: true,
        signContents: ['purpose', 'controller', 'rights', 'dpo-contact', 'retention', 'second-layer-link'],
        secondLayer: true,
        letterText: 'x',
      };
    },
    outcome: 'condition',
  },
  {
    name: 'no letter',
    change: (s) => {
      s.safeguards.transparency = {
        sign: true,
        signContents: [
          'purpose',
          'controller',
          'rights',
          'dpo-contact',
          'retention',
          'alarm-only',
          'second-layer-link',
        ],
        secondLayer: true,
      };
    },
    outcome: 'condition',
  },
  {
    name: 'covert recording',
    change: (s) => {
      s.measure = { id: 'covert-recording' };
    },
    outcome: 'fail',
  },
  {
    name: 'alarm button',
    change: (s) => {
      s.measure = { id: 'alarm-button' };
      delete s.safeguards.transparency;
    },
    outcome: 'pass',
  },
];

describe('TRN-1 — GDPR Art. 13; EDPB Guidelines 3/2019 §110–111', () => {
  it.each(cases)('$name → $outcome', ({ change, outcome }) => {
    const f = trn1Rule.evaluate(factsOf(change));
    expect(f.ruleId).toBe('TRN-1');
    expect(f.outcome).toBe(outcome);
    expect(f.reasons.length).toBeGreaterThan(0);
    if (outcome === 'condition') expect(f.conditions?.length).toBeGreaterThan(0);
  });
});
