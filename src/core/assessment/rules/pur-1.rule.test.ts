import { describe, expect, it } from 'vitest';
import type { Scenario } from '../scenario.schema.js';
import { rowProblems, type RuleCase } from './rule-test-kit.js';
import { pur1Rule } from './pur-1.rule.js';

/** The scenario with this purpose text. */
const purpose =
  (text: string) =>
  (s: Scenario): void => {
    s.purpose.text = text;
  };

const cases: RuleCase[] = [
  { name: 'specific purpose', change: () => undefined, outcome: 'pass' },
  { name: '"voor uw veiligheid"', change: purpose('Voor uw veiligheid'), outcome: 'fail' },
  { name: '"for safety and security"', change: purpose('For safety and security'), outcome: 'fail' },
  {
    name: 'no purpose kind',
    change: (s) => {
      s.purpose.kinds = [];
    },
    outcome: 'fail',
  },
  { name: 'brief purpose', change: purpose('Bewijs van agressie bij terugvordering'), outcome: 'review' },
  {
    name: 'no personal data',
    change: (s) => {
      purpose('veiligheid')(s);
      s.measure = { id: 'room-design' };
    },
    outcome: 'pass',
  },
];

describe('PUR-1 — EDPB Guidelines 3/2019 §15; GDPR Art. 5(1)(b)', () => {
  it.each(cases)('$name → $outcome', (row) => {
    expect(rowProblems(pur1Rule, row)).toEqual([]);
  });
});
