import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assess, type Scenario } from '../core/assessment/index.js';
import { compile } from '../core/policy/index.js';
import type { AssessmentVersion } from './assessment-ports.js';
import {
  effectiveScenario,
  evidenceFor,
  localDate,
  severityOf,
  toAssessmentRecord,
  toEngineIncident,
  workflowFieldErrors,
} from './assessment-evidence.js';
import type { IncidentRecord } from './ports.js';
import { policyHash } from './policy.service.js';

const TZ = 'Europe/Amsterdam';
const example = JSON.parse(
  fs.readFileSync(
    path.join(import.meta.dirname, '..', '..', 'examples', 'incident-triggered-recording.json'),
    'utf8',
  ),
) as Scenario;

const incident = (over: Partial<IncidentRecord> = {}): IncidentRecord => ({
  id: 'i1',
  siteId: 's1',
  roomId: 'spreekkamer-1',
  conversationTypeId: 'terugvordering',
  occurredAt: '2023-06-08T10:00:00.000Z',
  source: 'alarm',
  kind: 'intimidation-threat',
  severity: 3,
  injury: false,
  policeReport: true,
  policeReference: 'PL0999-1',
  followUp: null,
  narrative: 'never leaves the register',
  reportedBy: 'demo',
  reportedAt: null,
  createdAt: '2023-06-08T12:00:00.000Z',
  ...over,
});

describe('register incidents as evidence', () => {
  it.each([
    [1, 'low'],
    [2, 'medium'],
    [3, 'high'],
    [4, 'high'],
  ] as const)('severity %i is %s', (n, s) => expect(severityOf(n)).toBe(s));

  it('maps the register kinds to the engine kinds, never the narrative', () => {
    expect(toEngineIncident(incident(), TZ)).toEqual({
      date: '2023-06-08',
      occurredAt: '2023-06-08T10:00:00.000Z',
      kind: 'intimidation-or-threat',
      severity: 'high',
      policeReport: true,
      roomId: 'spreekkamer-1',
      conversationTypeId: 'terugvordering',
    });
    expect(toEngineIncident(incident({ kind: 'damage' }), TZ)?.kind).toBe('damage-to-property');
  });

  it('cannot count an incident whose report is missing', () => {
    expect(toEngineIncident(incident({ kind: null }), TZ)).toBeUndefined();
    expect(toEngineIncident(incident({ severity: null }), TZ)).toBeUndefined();
    expect(toEngineIncident(incident({ conversationTypeId: null }), TZ)).toBeUndefined();
  });

  it('dates an incident on the local day (23:30 UTC in summer is the next day in Amsterdam)', () => {
    expect(localDate('2023-06-08T23:30:00.000Z', TZ)).toBe('2023-06-09');
    expect(localDate('2023-12-08T22:30:00.000Z', TZ)).toBe('2023-12-08');
  });

  it('passes the time of the incident on, so NEC-3 can compare the hours (issue 8 §6)', () => {
    const late = toEngineIncident(incident({ occurredAt: '2023-06-08T21:30:00.000Z' }), TZ);
    expect(late).toMatchObject({ date: '2023-06-08', occurredAt: '2023-06-08T21:30:00.000Z' });
    // The date stays the Amsterdam day of that instant, which the engine checks against the time.
    expect(toEngineIncident(incident({ occurredAt: '2023-06-08T22:30:00.000Z' }), TZ)).toMatchObject({
      date: '2023-06-09',
    });
  });

  it('takes only the scope’s rooms × conversation types, up to the assessment date, and counts the unreported', () => {
    const e = evidenceFor(
      example,
      [
        incident({ id: 'a' }),
        incident({ id: 'b', roomId: 'spreekkamer-3' }),
        incident({ id: 'c', conversationTypeId: 'wmo' }),
        incident({ id: 'd', occurredAt: '2024-03-01T10:00:00.000Z' }),
        incident({ id: 'e', kind: null }),
      ],
      TZ,
    );
    expect(e.incidents).toHaveLength(1);
    expect(e.unreported).toBe(1);
  });
});

describe('the risk flag of the incident’s conversation reaches NEC-3', () => {
  it('keeps riskFlagged from the linked conversation; absent without a link', () => {
    expect(toEngineIncident(incident({ riskFlagged: true }), TZ)?.riskFlagged).toBe(true);
    expect(toEngineIncident(incident({ riskFlagged: false }), TZ)?.riskFlagged).toBe(false);
    expect(toEngineIncident(incident(), TZ)).not.toHaveProperty('riskFlagged');
  });
});

describe('the scenario inside the workflow', () => {
  it('refuses fields the workflow records, naming each', () => {
    expect(workflowFieldErrors(example).map((e) => e.path)).toEqual([
      'safeguards.dpoAdviceDate',
      'dpia.dataSubjectViews',
      'humanJudgements',
      'evidence.incidents',
    ]);
  });

  it('merges evidence, advice, views and judgements so the engine sees them', () => {
    const { humanJudgements: _h, ...bare } = example;
    const s = effectiveScenario(
      { ...bare, safeguards: { ...bare.safeguards, dpoAdviceDate: undefined }, dpia: { date: '2024-01-20' } },
      {
        incidents: example.evidence.incidents ?? [],
        dpoAdvice: {
          by: 'u1',
          name: 'FG',
          at: '2024-01-15T09:00:00.000Z',
          advice: 'ok',
          recommendation: 'approve',
        },
        dataSubjectViews: {
          by: 'u1',
          at: '2024-01-16T09:00:00.000Z',
          sought: false,
          reasonNotSought: 'no council',
        },
        humanJudgements: [
          {
            ruleId: 'PROP-1',
            outcome: 'pass',
            name: 'J. Jansen',
            reasons: 'weighed',
            date: '2024-01-25',
            by: 'u1',
            at: '2024-01-25T09:00:00.000Z',
          },
        ],
      },
      TZ,
    );
    expect(s.safeguards.dpoAdviceDate).toBe('2024-01-15');
    expect(s.dpia.dataSubjectViews).toEqual({ sought: false, reasonNotSought: 'no council' });
    expect(s.humanJudgements).toEqual([
      { ruleId: 'PROP-1', outcome: 'pass', name: 'J. Jansen', reasons: 'weighed', date: '2024-01-25' },
    ]);
    expect(assess(s).ok).toBe(true);
  });
});

describe('a stored version as the policy’s input', () => {
  const { humanJudgements, ...bare } = example;
  const { dpoAdviceDate: _d, ...safeguards } = bare.safeguards;
  const { dataSubjectViews: _v, ...dpia } = bare.dpia;
  const { incidents, ...evidence } = bare.evidence;
  const version: AssessmentVersion = {
    assessmentId: 'a1',
    version: 1,
    scenario: { ...bare, safeguards, dpia, evidence },
    status: 'approved',
    dpoAdvice: {
      by: 'fg',
      name: 'FG',
      at: '2024-01-15T09:00:00.000Z',
      advice: 'ok',
      recommendation: 'approve',
    },
    dataSubjectViews: { by: 'fg', at: '2024-01-16T09:00:00.000Z', sought: true, summary: 'heard' },
    humanJudgements: (humanJudgements ?? []).map((j) => ({ ...j, by: 'fg', at: `${j.date}T09:00:00.000Z` })),
    decision: {
      by: 'sec',
      name: 'Sec',
      at: '2024-02-01T09:00:00.000Z',
      outcome: 'approved',
      reasons: 'ok',
      verdict: 'permitted-with-conditions',
    },
    validFrom: '2024-02-01T09:00:00.000Z',
    validUntil: '2025-02-01T00:00:00.000Z',
    withdrawal: undefined,
    evidence: incidents,
    verdict: 'permitted',
    submittedAt: '2024-01-30T09:00:00.000Z',
    contributions: [],
    createdBy: 'fg',
    createdAt: '2024-01-10T09:00:00.000Z',
  };

  it('enables recording while in force and nothing after validUntil; the hash changes with it', () => {
    const during = compile([toAssessmentRecord(version, TZ)], new Date('2024-06-01T10:00:00Z'), TZ);
    expect(during.rooms).toHaveLength(1);
    expect(during.rooms[0]!.entries[0]!.mode).toEqual({
      kind: 'incident-triggered',
      preRollSeconds: 30,
      postRollSeconds: 120,
    });
    const after = compile([toAssessmentRecord(version, TZ)], new Date('2025-02-02T10:00:00Z'), TZ);
    expect(after.rooms).toEqual([]);
    expect(policyHash(during)).not.toBe(policyHash(after));
    // Compiling again later without a change gives the same hash: compiledAt is not part of it.
    expect(policyHash(compile([toAssessmentRecord(version, TZ)], new Date('2024-06-02T10:00:00Z'), TZ))).toBe(
      policyHash(during),
    );
  });

  it('a withdrawn version enables nothing', () => {
    const withdrawn: AssessmentVersion = {
      ...version,
      status: 'withdrawn',
      withdrawal: { at: '2024-03-01T00:00:00.000Z', by: 'sec', reason: 'x' },
    };
    expect(compile([toAssessmentRecord(withdrawn, TZ)], new Date('2024-06-01T10:00:00Z'), TZ).rooms).toEqual(
      [],
    );
  });
});
