import { describe, expect, it } from 'vitest';
import type { Scenario } from '../scenario.schema.js';
import { factsOf, incident, rowProblems, type RuleCase } from './rule-test-kit.js';
import { nec3Rule } from './nec-3.rule.js';

const cases: RuleCase[] = [
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

/** Incidents in the scoped room and conversation at these instants (ISO 8601 with offset). */
const at = (...instants: string[]) => ({
  incidents: instants.map((occurredAt) => incident({ date: occurredAt.slice(0, 10), occurredAt })),
});
const EVENINGS = ['2023-06-01T19:30:00+02:00', '2023-09-01T20:45:00+02:00'];

/**
 * Incidents at these instants, and the hours in scope: the base's office hours, all day (no hours),
 * or every day from–to.
 */
const timedChange =
  (instants: readonly string[], scope: 'office hours' | 'all day' | readonly [string, string]) =>
  (s: Scenario): void => {
    s.evidence = at(...instants);
    if (scope === 'all day') delete s.scope.hours;
    else if (scope !== 'office hours')
      s.scope.hours = [{ days: [1, 2, 3, 4, 5, 6, 7], from: scope[0], to: scope[1] }];
  };

/** Issue 8 §6: the hours in scope against the hours when incidents happened (Europe/Amsterdam). */
const timed: (RuleCase & { says?: string })[] = [
  {
    name: 'date-only incidents, scope within office hours: judged as before',
    change: () => undefined,
    outcome: 'pass',
  },
  {
    name: 'date-only incidents, incident recording at all hours: judged as before',
    change: (s) => {
      delete s.scope.hours;
    },
    outcome: 'pass',
  },
  {
    name: 'every incident in the evening, recording all day',
    change: timedChange(EVENINGS, 'all day'),
    outcome: 'fail',
    says: 'also covers parts of the day without incidents: night (00:00–06:00), morning (06:00–12:00), afternoon (12:00–18:00)',
  },
  {
    name: 'every incident in the evening, recording in office hours',
    change: timedChange(EVENINGS, 'office hours'),
    outcome: 'fail',
    says: '2 of the 2 incidents fell outside the hours in scope',
  },
  {
    name: 'every incident in the evening, recording in the evening hours',
    change: timedChange(EVENINGS, ['17:00', '23:00']),
    outcome: 'pass',
    says: 'The 2 incidents happened in the evening (between 19:30 and 20:45, Europe/Amsterdam)',
  },
  {
    name: 'incidents in the morning and afternoon, recording in office hours',
    change: timedChange(['2023-06-01T10:15:00+02:00', '2023-09-01T14:40:00+02:00'], 'office hours'),
    outcome: 'pass',
  },
  {
    name: 'incidents in the morning only, recording in the afternoon too',
    change: timedChange(['2023-06-01T09:10:00+02:00', '2023-09-01T10:30:00+02:00'], 'office hours'),
    outcome: 'fail',
    says: 'afternoon (12:00–17:00)',
  },
  {
    name: 'an hour into a part of the day without incidents is tolerated',
    change: timedChange(EVENINGS, ['17:00', '23:00']),
    outcome: 'pass',
  },
  {
    name: 'two hours into a part of the day without incidents is not',
    change: timedChange(EVENINGS, ['16:00', '23:00']),
    outcome: 'fail',
    says: 'afternoon (16:00–18:00)',
  },
  {
    name: 'times in UTC are read in Amsterdam summer time (17:30Z is 19:30)',
    change: timedChange(['2023-06-01T17:30:00Z', '2023-09-01T18:45:00Z'], ['18:00', '23:00']),
    outcome: 'pass',
  },
  {
    name: 'times in UTC are read in Amsterdam winter time (17:30Z is 18:30)',
    change: timedChange(['2023-01-10T17:30:00Z', '2023-02-14T17:45:00Z'], ['18:00', '23:00']),
    outcome: 'pass',
  },
  {
    name: 'one incident without a time: hours judged from the scope alone',
    change: (s) => {
      s.evidence = {
        incidents: [...at('2023-06-01T19:30:00+02:00').incidents, incident({ date: '2023-09-01' })],
      };
      delete s.scope.hours;
    },
    outcome: 'pass',
    says: '1 incident without a time of day',
  },
  {
    name: 'continuous recording all day, incidents in the evening: both problems named',
    change: (s) => {
      s.measure = { id: 'continuous-video' };
      timedChange(EVENINGS, 'all day')(s);
    },
    outcome: 'fail',
    says: 'covers all hours instead of the hours at risk',
  },
];

describe('NEC-3 — EDPB Guidelines 3/2019 §26: hours in scope against the hours of the incidents', () => {
  it.each(timed)('$name → $outcome', ({ change, outcome, says }) => {
    const f = nec3Rule.evaluate(factsOf(change));
    expect(f.outcome).toBe(outcome);
    if (says !== undefined) expect(f.reasons.map((r) => r.en).join(' ')).toContain(says);
  });

  it('date-only input gives exactly the reasons it gave before times existed', () => {
    expect(nec3Rule.evaluate(factsOf()).reasons).toEqual([
      {
        nl: 'Elke ruimte en elk soort gesprek in de scope heeft gedocumenteerde incidenten.',
        en: 'Every room and kind of conversation in scope has documented incidents.',
      },
    ]);
  });

  it('says in Dutch too that the measure is not limited to the hours at risk', () => {
    const f = nec3Rule.evaluate(factsOf(timedChange(EVENINGS, 'all day')));
    expect(f.reasons.map((r) => r.nl).join(' ')).toContain('niet beperkt tot de uren met risico');
  });
});

describe('NEC-3 — EDPB Guidelines 3/2019 §26', () => {
  it.each(cases)('$name → $outcome', (row) => {
    expect(rowProblems(nec3Rule, row)).toEqual([]);
  });

  it('names the room without incidents in its reasons', () => {
    const f = nec3Rule.evaluate(factsOf((s) => s.scope.rooms.push({ id: 'kamer-2', name: 'Spreekkamer 2' })));
    expect(f.reasons.map((r) => r.en).join(' ')).toContain('Spreekkamer 2');
  });
});
