import { describe, expect, it } from 'vitest';
import { rowProblems, type RuleCase } from './rule-test-kit.js';
import { sec1Rule } from './sec-1.rule.js';

const cases: RuleCase[] = [
  { name: 'complete access rules', change: () => undefined, outcome: 'pass' },
  {
    name: 'no access rules',
    change: (s) => {
      delete s.safeguards.access;
    },
    outcome: 'condition',
  },
  {
    name: 'no four eyes',
    change: (s) => {
      s.safeguards.access = { roles: ['x'], fourEyes: false, logged: true, encryptedAtRest: true };
    },
    outcome: 'condition',
  },
  {
    name: 'live view needs no encryption at rest',
    change: (s) => {
      s.measure = { id: 'live-view' };
      s.safeguards.access = { roles: ['x'], fourEyes: true, logged: true, encryptedAtRest: false };
    },
    outcome: 'pass',
  },
  {
    name: 'alarm button',
    change: (s) => {
      s.measure = { id: 'alarm-button' };
      delete s.safeguards.access;
    },
    outcome: 'pass',
  },
];

describe('SEC-1 — GDPR Art. 32; EDPB Guidelines 3/2019 §123–133', () => {
  it.each(cases)('$name → $outcome', (row) => {
    expect(rowProblems(sec1Rule, row)).toEqual([]);
  });
});
