import { describe, expect, it } from 'vitest';
import { assess, type Assessment } from './assess.js';
import { baseScenario, incident } from './rules/rule-test-kit.js';
import type { Scenario } from './scenario.schema.js';

const ok = (s: unknown, incidents?: Scenario['evidence']['incidents']): Assessment => {
  const r = assess(s, incidents === undefined ? {} : { incidents });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe('assess (DOMAIN.md section 5: verdicts)', () => {
  it('runs every rule once, in a stable order', () => {
    const a = ok(baseScenario());
    expect(a.findings.map((f) => f.ruleId)).toHaveLength(24);
    expect(new Set(a.findings.map((f) => f.ruleId)).size).toBe(24);
    expect(a.findings[0]?.ruleId).toBe('LB-1');
  });

  it('never turns a review into a pass: an unjudged review gives a condition to record a judgement', () => {
    const a = ok(baseScenario());
    const prop1 = a.findings.find((f) => f.ruleId === 'PROP-1');
    expect(prop1?.outcome).toBe('review');
    expect(prop1?.effectiveOutcome).toBe('review');
    expect(a.verdict).toBe('permitted-with-conditions');
    expect(a.conditions.some((c) => c.kind === 'human-judgement' && c.ruleId === 'PROP-1')).toBe(true);
  });

  it('keeps both the engine outcome and the human judgement', () => {
    const s = baseScenario();
    s.humanJudgements = [
      {
        ruleId: 'PROP-1',
        outcome: 'pass',
        name: 'A. de Vries',
        reasons: 'ernstige incidenten',
        date: '2023-12-20',
      },
    ];
    const a = ok(s);
    const prop1 = a.findings.find((f) => f.ruleId === 'PROP-1');
    expect(prop1?.outcome).toBe('review');
    expect(prop1?.humanJudgement?.name).toBe('A. de Vries');
    expect(prop1?.effectiveOutcome).toBe('pass');
    expect(a.verdict).toBe('permitted');
  });

  it('a human judgement of fail blocks', () => {
    const s = baseScenario();
    s.humanJudgements = [
      { ruleId: 'PROP-1', outcome: 'fail', name: 'B. Bakker', reasons: 'te zwaar', date: '2023-12-20' },
    ];
    expect(ok(s).verdict).toBe('not-permitted');
  });

  it('a judgement on a rule that did not ask for review is ignored by the verdict', () => {
    const s = baseScenario();
    s.conditionsAccessToService = true;
    s.humanJudgements = [
      {
        ruleId: 'PROP-3',
        outcome: 'pass',
        name: 'C. Claes',
        reasons: 'wij vinden het goed',
        date: '2023-12-20',
      },
    ];
    const a = ok(s);
    expect(a.findings.find((f) => f.ruleId === 'PROP-3')?.humanJudgement).toBeUndefined();
    expect(a.verdict).toBe('not-permitted');
  });

  it('incidents from the register replace the scenario evidence', () => {
    const s = baseScenario();
    expect(ok(s, []).findings.find((f) => f.ruleId === 'NEC-1')?.outcome).toBe('fail');
    s.evidence = {};
    expect(ok(s, [incident()]).findings.find((f) => f.ruleId === 'NEC-1')?.outcome).toBe('pass');
  });

  it('a fail anywhere means not permitted', () => {
    const s = baseScenario();
    s.legalBasis = { article: 'f' };
    expect(ok(s).verdict).toBe('not-permitted');
  });
});

describe('bad input gets an error naming the field, never a verdict', () => {
  const errorOf = (input: unknown): { code: string; message: string } => {
    const r = assess(input);
    if (r.ok) throw new Error('expected an error');
    return r.error;
  };

  it.each([
    ['not an object', 42, 'ASSESSMENT.INVALID_SCENARIO', '(root): must be an object'],
    [
      'retention as text',
      { ...baseScenario(), safeguards: { ...baseScenario().safeguards, retentionHours: 'two weeks' } },
      'ASSESSMENT.INVALID_SCENARIO',
      'safeguards.retentionHours: must be a number',
    ],
    [
      'missing controller',
      (({ controller: _c, ...rest }) => rest)(baseScenario()),
      'ASSESSMENT.INVALID_SCENARIO',
      'controller: is required',
    ],
    [
      'misspelt safeguard',
      { ...baseScenario(), safeguards: { retentionHour: 72 } },
      'ASSESSMENT.INVALID_SCENARIO',
      'safeguards.retentionHour: is not a known field',
    ],
    [
      'bad incident date',
      { ...baseScenario(), evidence: { incidents: [{ ...incident(), date: '2023-13-45' }] } },
      'ASSESSMENT.INVALID_SCENARIO',
      'evidence.incidents[0].date: must be a date (YYYY-MM-DD)',
    ],
    [
      'unknown basis',
      { ...baseScenario(), legalBasis: { article: 'g' } },
      'ASSESSMENT.INVALID_SCENARIO',
      'legalBasis.article: must be one of: a, b, c, d, e, f',
    ],
    [
      'unknown measure',
      { ...baseScenario(), measure: { id: 'drone' } },
      'ASSESSMENT.UNKNOWN_MEASURE',
      'measure.id: "drone" is not a measure in the catalogue',
    ],
    [
      'audio off for the audio measure',
      { ...baseScenario(), measure: { id: 'audio-recording', audio: false } },
      'ASSESSMENT.CONTRADICTORY_SCENARIO',
      'measure.audio: is false',
    ],
    [
      'audio on for an alarm button',
      { ...baseScenario(), measure: { id: 'alarm-button', audio: true } },
      'ASSESSMENT.CONTRADICTORY_SCENARIO',
      'measure.audio: is true',
    ],
    [
      'empty provision',
      { ...baseScenario(), legalBasis: { article: 'e', provision: ' ' } },
      'ASSESSMENT.CONTRADICTORY_SCENARIO',
      'legalBasis.provision: is empty',
    ],
    [
      'hours backwards',
      {
        ...baseScenario(),
        scope: { ...baseScenario().scope, hours: [{ days: [1], from: '17:00', to: '09:00' }] },
      },
      'ASSESSMENT.CONTRADICTORY_SCENARIO',
      'scope.hours[0].to',
    ],
    [
      'judgement on an unknown rule',
      {
        ...baseScenario(),
        humanJudgements: [{ ruleId: 'XYZ-9', outcome: 'pass', name: 'x', reasons: 'y', date: '2024-01-01' }],
      },
      'ASSESSMENT.CONTRADICTORY_SCENARIO',
      'humanJudgements[0].ruleId',
    ],
    [
      'incident after the assessment date',
      { ...baseScenario(), evidence: { incidents: [incident({ date: '2030-01-01' })] } },
      'ASSESSMENT.CONTRADICTORY_SCENARIO',
      'evidence.incidents[0].date: lies after assessedOn',
    ],
    [
      'incident time without offset',
      { ...baseScenario(), evidence: { incidents: [incident({ occurredAt: '2023-06-01T19:30:00' })] } },
      'ASSESSMENT.INVALID_SCENARIO',
      'evidence.incidents[0].occurredAt: must be a date-time with offset',
    ],
    [
      'incident time given as a date only',
      { ...baseScenario(), evidence: { incidents: [incident({ occurredAt: '2023-06-01' })] } },
      'ASSESSMENT.INVALID_SCENARIO',
      'evidence.incidents[0].occurredAt: must be a date-time with offset',
    ],
    [
      'incident time on another local day than its date (23:30 UTC is the next day in Amsterdam)',
      { ...baseScenario(), evidence: { incidents: [incident({ occurredAt: '2023-06-01T23:30:00Z' })] } },
      'ASSESSMENT.CONTRADICTORY_SCENARIO',
      'evidence.incidents[0].occurredAt: falls on 2023-06-02 in Europe/Amsterdam, but date is 2023-06-01',
    ],
    [
      'alternative more intrusive than the measure',
      {
        ...baseScenario(),
        alternatives: [{ measure: 'continuous-video', status: 'adopted-instead', reasons: 'x' }],
      },
      'ASSESSMENT.CONTRADICTORY_SCENARIO',
      'alternatives[0].measure',
    ],
  ])('%s', (_name, input, code, message) => {
    const e = errorOf(input);
    expect(e.code).toBe(code);
    expect(e.message).toContain(message);
  });

  it('a basis without a provision is an explicit fail finding, not an error', () => {
    const s = baseScenario();
    s.legalBasis = { article: 'e' };
    const a = ok(s);
    expect(a.findings.find((f) => f.ruleId === 'LB-2')?.outcome).toBe('fail');
    expect(a.verdict).toBe('not-permitted');
  });

  it('missing retention for a recording measure is an explicit fail finding', () => {
    const s = baseScenario();
    delete s.safeguards.retentionHours;
    expect(ok(s).findings.find((f) => f.ruleId === 'RET-1')?.outcome).toBe('fail');
  });
});
