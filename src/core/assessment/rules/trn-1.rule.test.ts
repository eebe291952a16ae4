import { describe, expect, it } from 'vitest';
import { SIGN_ITEMS, type Scenario } from '../scenario.schema.js';
import { rowProblems, type RuleCase } from './rule-test-kit.js';
import { trn1Rule } from './trn-1.rule.js';

/** The base's transparency with `sign` as the items on the sign; `letter`: whether a letter text exists. */
const transparency =
  (sign: readonly (typeof SIGN_ITEMS)[number][], letter: boolean) =>
  (s: Scenario): void => {
    s.safeguards.transparency = {
      sign: true,
      signContents: [...sign],
      secondLayer: true,
      ...(letter ? { letterText: 'x' } : {}),
    };
  };

const cases: RuleCase[] = [
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
    change: transparency(
      SIGN_ITEMS.filter((i) => i !== 'alarm-only'),
      true,
    ),
    outcome: 'condition',
  },
  { name: 'no letter', change: transparency(SIGN_ITEMS, false), outcome: 'condition' },
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
  it.each(cases)('$name → $outcome', (row) => {
    expect(rowProblems(trn1Rule, row)).toEqual([]);
  });
});
