import { describe, expect, it } from 'vitest';
import type { Condition, Outcome } from './rule.js';
import type { AssessedFinding } from './verdict.js';
import {
  approvalBlockers,
  approvalWindow,
  decisionBlockers,
  pendingReviews,
  recordBlocker,
  viewsComplete,
  type BlockerCode,
  type Recomputed,
  type VersionUnderDecision,
} from './workflow.js';

const TZ = 'Europe/Amsterdam';
/** Wednesday 4 March 2026, 10:00 in Amsterdam. */
const NOW = new Date('2026-03-04T09:00:00Z');

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Version 2, written by "bewerker" (the assessment by "auteur"), advised, heard, submitted. */
const submitted = (): Mutable<VersionUnderDecision> => ({
  assessmentId: 'a-1',
  version: 2,
  status: 'submitted',
  createdBy: 'bewerker',
  dpoAdvice: { by: 'fg' },
  dataSubjectViews: { by: 'bewerker', sought: true, summary: 'Cliëntenraad gehoord.' },
  humanJudgements: [],
  contributions: [
    { kind: 'dpo-advice', by: 'fg' },
    { kind: 'views', by: 'bewerker' },
    { kind: 'submission', by: 'bewerker' },
  ],
  scenario: { safeguards: { reviewDate: '2027-03-04' } },
});
const earlier = [
  { version: 1, createdBy: 'auteur' },
  { version: 2, createdBy: 'bewerker' },
];

const finding = (ruleId: string, effectiveOutcome: Outcome): AssessedFinding => ({
  ruleId,
  outcome: effectiveOutcome,
  effectiveOutcome,
  reasons: [],
  source: 'test',
  sourceNl: 'test',
  sourceConfirmed: true,
  title: { nl: ruleId, en: ruleId },
});
const condition = (ruleId: string, kind: Condition['kind']): Condition => ({
  ruleId,
  kind,
  text: { nl: kind, en: kind },
});
const permitted = (): Mutable<Recomputed> => ({
  verdict: 'permitted-with-conditions',
  findings: [finding('LB-1', 'pass'), finding('RET-1', 'condition')],
  conditions: [condition('RET-1', 'retention-max')],
});

describe('decisionBlockers: what bars any decision (approve or reject)', () => {
  const cases: {
    name: string;
    decider: string;
    change?: (v: Mutable<VersionUnderDecision>) => void;
    codes: BlockerCode[];
  }[] = [
    { name: 'a submitted version, an official who took no part', decider: 'secretaris', codes: [] },
    {
      name: 'a draft (submit it first)',
      decider: 'secretaris',
      change: (v) => (v.status = 'draft'),
      codes: ['ASSESSMENT.WRONG_STATE'],
    },
    {
      name: 'a version already approved',
      decider: 'secretaris',
      change: (v) => (v.status = 'approved'),
      codes: ['ASSESSMENT.IMMUTABLE'],
    },
    {
      name: 'a withdrawn version',
      decider: 'secretaris',
      change: (v) => (v.status = 'withdrawn'),
      codes: ['ASSESSMENT.WRONG_STATE'],
    },
    { name: 'the author of the version', decider: 'bewerker', codes: ['ASSESSMENT.FOUR_EYES'] },
    { name: 'the author of the assessment', decider: 'auteur', codes: ['ASSESSMENT.FOUR_EYES'] },
    { name: 'the DPO who advised', decider: 'fg', codes: ['ASSESSMENT.FOUR_EYES'] },
    {
      name: 'a draft, decided by its author: both, state first',
      decider: 'bewerker',
      change: (v) => (v.status = 'draft'),
      codes: ['ASSESSMENT.WRONG_STATE', 'ASSESSMENT.FOUR_EYES'],
    },
  ];
  it.each(cases)('$name → $codes', ({ decider, change, codes }) => {
    const v = submitted();
    change?.(v);
    expect(decisionBlockers(v, decider, 'auteur', earlier).map((b) => b.code)).toEqual(codes);
  });

  it('says in its details which contributions bar the decider, in both languages', () => {
    const [b] = decisionBlockers(submitted(), 'bewerker', 'auteur', earlier);
    expect(b?.details).toMatchObject({
      assessmentId: 'a-1',
      version: 2,
      contributions: ['authored', 'views', 'submission'],
      reason: {
        nl: expect.stringContaining('u heeft deze versie ingediend') as string,
        en: expect.stringContaining('you submitted this version') as string,
      },
    });
    expect(b?.message).toContain('You may not decide on version 2');
  });

  it('names the state and the step in the wrong-state message', () => {
    const v = submitted();
    v.status = 'rejected';
    expect(decisionBlockers(v, 'secretaris', 'auteur', earlier)).toEqual([
      {
        code: 'ASSESSMENT.WRONG_STATE',
        message: 'assessment a-1 version 2 is rejected; cannot decide (submit it first)',
        details: { assessmentId: 'a-1', version: 2, status: 'rejected' },
      },
    ]);
  });
});

describe('approvalBlockers: what else bars approval', () => {
  const cases: {
    name: string;
    version?: (v: Mutable<VersionUnderDecision>) => void;
    recomputed?: (r: Mutable<Recomputed>) => void;
    codes: BlockerCode[];
  }[] = [
    { name: 'complete paperwork, permitted with enforced conditions', codes: [] },
    {
      name: 'no DPO advice (Art. 35(2))',
      version: (v) => (v.dpoAdvice = undefined),
      codes: ['ASSESSMENT.DPO_ADVICE_MISSING'],
    },
    {
      name: 'no views recorded (Art. 35(9))',
      version: (v) => (v.dataSubjectViews = undefined),
      codes: ['ASSESSMENT.VIEWS_MISSING'],
    },
    {
      name: 'views sought but no summary',
      version: (v) => (v.dataSubjectViews = { by: 'x', sought: true, summary: '  ' }),
      codes: ['ASSESSMENT.VIEWS_MISSING'],
    },
    {
      name: 'views not sought, with the reason',
      version: (v) => (v.dataSubjectViews = { by: 'x', sought: false, reasonNotSought: 'Geen raad.' }),
      codes: [],
    },
    {
      name: 'a "not permitted" verdict',
      recomputed: (r) => {
        r.verdict = 'not-permitted';
        r.findings = [finding('LB-1', 'fail'), finding('SC-1', 'fail'), finding('RET-1', 'pass')];
      },
      codes: ['ASSESSMENT.NOT_PERMITTED_VERDICT'],
    },
    {
      name: 'a review finding without a judgement',
      recomputed: (r) => (r.findings = [finding('PROP-1', 'review')]),
      codes: ['ASSESSMENT.JUDGEMENT_MISSING'],
    },
    {
      name: 'no review date',
      version: (v) => (v.scenario = { safeguards: {} }),
      codes: ['ASSESSMENT.REVIEW_DATE_MISSING'],
    },
    {
      name: 'a review date today (the day has begun)',
      version: (v) => (v.scenario = { safeguards: { reviewDate: '2026-03-04' } }),
      codes: ['ASSESSMENT.REVIEW_DATE_MISSING'],
    },
    {
      name: 'a review date tomorrow',
      version: (v) => (v.scenario = { safeguards: { reviewDate: '2026-03-05' } }),
      codes: [],
    },
    {
      name: 'an open condition that must hold before the first frame',
      recomputed: (r) =>
        (r.conditions = [condition('TRN-1', 'signage'), condition('RET-1', 'retention-max')]),
      codes: ['ASSESSMENT.CONDITIONS_OPEN'],
    },
    {
      name: 'an organisational condition only',
      recomputed: (r) => (r.conditions = [condition('TRN-1', 'letter')]),
      codes: [],
    },
    {
      name: 'everything missing: every blocker, in the order to fix them',
      version: (v) => {
        v.dpoAdvice = undefined;
        v.dataSubjectViews = undefined;
        v.scenario = { safeguards: {} };
      },
      recomputed: (r) => {
        r.verdict = 'not-permitted';
        r.findings = [finding('LB-1', 'fail'), finding('PROP-1', 'review')];
        r.conditions = [condition('DPIA-1', 'dpia-before-start')];
      },
      codes: [
        'ASSESSMENT.DPO_ADVICE_MISSING',
        'ASSESSMENT.VIEWS_MISSING',
        'ASSESSMENT.NOT_PERMITTED_VERDICT',
        'ASSESSMENT.JUDGEMENT_MISSING',
        'ASSESSMENT.REVIEW_DATE_MISSING',
        'ASSESSMENT.CONDITIONS_OPEN',
      ],
    },
  ];
  it.each(cases)('$name → $codes', ({ version, recomputed, codes }) => {
    const v = submitted();
    const r = permitted();
    version?.(v);
    recomputed?.(r);
    expect(approvalBlockers(v, r, NOW.getTime(), TZ).map((b) => b.code)).toEqual(codes);
  });

  it('names the failing rules, the pending reviews and the open conditions in its details', () => {
    const r = permitted();
    r.verdict = 'not-permitted';
    r.findings = [finding('LB-1', 'fail'), finding('PROP-1', 'review'), finding('SC-1', 'fail')];
    r.conditions = [condition('TRN-1', 'signage')];
    const details = approvalBlockers(submitted(), r, NOW.getTime(), TZ).map((b) => b.details);
    expect(details).toEqual([
      { assessmentId: 'a-1', failedRules: ['LB-1', 'SC-1'] },
      { assessmentId: 'a-1', ruleIds: ['PROP-1'] },
      {
        assessmentId: 'a-1',
        conditions: [{ ruleId: 'TRN-1', kind: 'signage', text: { nl: 'signage', en: 'signage' } }],
      },
    ]);
  });
});

describe('approvalWindow: when an approval is in force', () => {
  const cases: {
    name: string;
    asked: { validFrom?: string; validUntil?: string };
    window?: { validFrom: string; validUntil: string };
    invalid?: 'validFrom' | 'validUntil';
  }[] = [
    {
      name: 'from the decision until the start of the review date in the policy’s time zone',
      asked: {},
      window: { validFrom: '2026-03-04T09:00:00.000Z', validUntil: '2027-03-03T23:00:00.000Z' },
    },
    {
      name: 'a given start date (local midnight, summer time) and end instant',
      asked: { validFrom: '2026-06-01', validUntil: '2026-09-01T12:00:00+02:00' },
      window: { validFrom: '2026-05-31T22:00:00.000Z', validUntil: '2026-09-01T10:00:00.000Z' },
    },
    { name: 'a start that is no date', asked: { validFrom: 'morgen' }, invalid: 'validFrom' },
    { name: 'an end that is no date', asked: { validUntil: '2026-13-45' }, invalid: 'validUntil' },
    {
      name: 'an end before the start',
      asked: { validFrom: '2026-06-01', validUntil: '2026-05-01' },
      invalid: 'validUntil',
    },
    { name: 'an end in the past', asked: { validUntil: '2026-03-01' }, invalid: 'validUntil' },
  ];
  it.each(cases)('$name', ({ asked, window, invalid }) => {
    const r = approvalWindow(asked, '2027-03-04', NOW, TZ);
    if (window !== undefined) expect(r).toEqual({ ok: true, value: window });
    else
      expect(r).toMatchObject({ ok: false, error: { code: 'REQUEST.INVALID', details: { field: invalid } } });
  });
});

describe('recordBlocker: advice, views and judgements go on the open version only', () => {
  it.each<[VersionUnderDecision['status'], BlockerCode | undefined]>([
    ['draft', undefined],
    ['submitted', undefined],
    ['approved', 'ASSESSMENT.IMMUTABLE'],
    ['rejected', 'ASSESSMENT.WRONG_STATE'],
    ['withdrawn', 'ASSESSMENT.WRONG_STATE'],
  ])('%s → %s', (status, code) => {
    expect(recordBlocker({ ...submitted(), status }, 'record advice')?.code).toBe(code);
  });

  it('tells how to change an approved version: a new version of the scenario', () => {
    expect(recordBlocker({ ...submitted(), status: 'approved' }, 'record advice')).toEqual({
      code: 'ASSESSMENT.IMMUTABLE',
      message:
        'assessment a-1 version 2 is approved and cannot change; change the scenario to start a new version',
      details: { assessmentId: 'a-1', version: 2 },
    });
  });
});

describe('small questions of the workflow', () => {
  it('pendingReviews: the review findings nobody has judged yet', () => {
    expect(
      pendingReviews([finding('PROP-1', 'review'), finding('LB-1', 'pass'), finding('NEC-1', 'review')]),
    ).toEqual(['PROP-1', 'NEC-1']);
  });

  it.each([
    [undefined, false],
    [{ by: 'x', sought: true, summary: 'Gehoord.' }, true],
    [{ by: 'x', sought: true }, false],
    [{ by: 'x', sought: false, reasonNotSought: 'Geen raad.' }, true],
    [{ by: 'x', sought: false, reasonNotSought: '  ' }, false],
    [{ by: 'x', sought: false, summary: 'Gehoord, maar niet gevraagd?' }, false],
  ])('viewsComplete(%j) → %s', (views, complete) => {
    expect(viewsComplete(views)).toBe(complete);
  });
});
