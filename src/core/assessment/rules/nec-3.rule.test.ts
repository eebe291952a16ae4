import { describe, expect, it } from 'vitest';
import type { Outcome } from '../rule.js';
import type { Scenario } from '../scenario.schema.js';
import { factsOf, incident } from './rule-test-kit.js';
import { nec3Rule } from './nec-3.rule.js';

const cases: { name: string; change: (s: Scenario) => void; outcome: Outcome }[] = [
  { name: 'incidents in every scoped room and conversation type', change: () => undefined, outcome: 'pass' },
  {
    name: 'a scoped room without incidents',
    change: (s) => {
      s.scope.rooms.push({ id: 'kamer-2' });
    },
    outcome: 'fail',
  },
  {
    name: 'a scoped conversation type without incidents',
    change: (s) => {
      s.scope.conversationTypes.push({ id: 'wmo', sensitive: true });
    },
    outcome: 'fail',
  },
  {
    name: 'all incidents risk-flagged, scope not limited to flags',
    change: (s) => {
      s.evidence = { incidents: [incident({ riskFlagged: true })] };
    },
    outcome: 'fail',
  },
  {
    name: 'all incidents risk-flagged, scope limited to flags',
    change: (s) => {
      s.evidence = { incidents: [incident({ riskFlagged: true })] };
      s.scope.riskFlaggedOnly = true;
    },
    outcome: 'pass',
  },
  {
    name: 'continuous recording at all hours',
    change: (s) => {
      s.measure = { id: 'continuous-video' };
      delete s.scope.hours;
    },
    outcome: 'fail',
  },
  {
    name: 'continuous recording within set hours',
    change: (s) => {
      s.measure = { id: 'continuous-video' };
    },
    outcome: 'pass',
  },
  {
    name: 'no incidents, only imminent danger, narrowest scope',
    change: (s) => {
      s.evidence = { imminentDanger: { statement: 'dreiging', date: '2023-12-01' } };
      s.scope.riskFlaggedOnly = true;
    },
    outcome: 'review',
  },
  {
    name: 'no incidents, only imminent danger, all conversations',
    change: (s) => {
      s.evidence = { imminentDanger: { statement: 'dreiging', date: '2023-12-01' } };
    },
    outcome: 'fail',
  },
  {
    name: 'no evidence at all',
    change: (s) => {
      s.evidence = {};
    },
    outcome: 'fail',
  },
  {
    name: 'alarm button is not targeted by conversation',
    change: (s) => {
      s.measure = { id: 'alarm-button' };
      s.scope.rooms.push({ id: 'kamer-2' });
    },
    outcome: 'pass',
  },
];

describe('NEC-3 — EDPB Guidelines 3/2019 §26', () => {
  it.each(cases)('$name → $outcome', ({ change, outcome }) => {
    const f = nec3Rule.evaluate(factsOf(change));
    expect(f.ruleId).toBe('NEC-3');
    expect(f.outcome).toBe(outcome);
    expect(f.reasons.length).toBeGreaterThan(0);
    if (outcome === 'condition') expect(f.conditions?.length).toBeGreaterThan(0);
  });

  it('names the room without incidents in its reasons', () => {
    const f = nec3Rule.evaluate(factsOf((s) => s.scope.rooms.push({ id: 'kamer-2', name: 'Spreekkamer 2' })));
    expect(f.reasons.map((r) => r.en).join(' ')).toContain('Spreekkamer 2');
  });
});
