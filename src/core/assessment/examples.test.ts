import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { assess } from './assess.js';
import { compareAlternatives } from './compare.js';
import type { Scenario } from './scenario.schema.js';

const example = (name: string): unknown =>
  JSON.parse(
    readFileSync(fileURLToPath(new URL(`../../../examples/${name}.json`, import.meta.url)), 'utf8'),
  ) as unknown;

const run = (name: string) => {
  const r = assess(example(name));
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value;
};

describe('example scenarios match DOMAIN.md section 5 (reference outcomes)', () => {
  it('defining case: continuous video and audio of every benefit conversation → not permitted', () => {
    const a = run('defining-case');
    expect(a.verdict).toBe('not-permitted');
    const failed = a.findings.filter((f) => f.effectiveOutcome === 'fail').map((f) => f.ruleId);
    expect(failed).toEqual(expect.arrayContaining(['LB-1', 'NEC-3', 'AUD-1', 'SC-1', 'PROP-3', 'DPIA-1']));
    const dpia = a.findings.find((f) => f.ruleId === 'DPIA-1');
    expect(dpia?.reasons.map((r) => r.en).join(' ')).toMatch(/after the start \(late\)/);
  });

  it('mobile alarm buttons → permitted', () => {
    const a = run('mobile-alarm-buttons');
    expect(a.verdict).toBe('permitted');
    expect(a.dpia.required).toBe(false);
  });

  it('mobile alarm buttons without works-council consent → at most the works-council condition', () => {
    const s = example('mobile-alarm-buttons') as Scenario;
    delete s.safeguards.worksCouncilConsentDate;
    const r = assess(s);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.verdict).toBe('permitted-with-conditions');
    expect(r.value.conditions.map((c) => c.kind)).toEqual(['works-council-consent']);
  });

  it('incident-triggered recording for one room and one conversation type → permitted with conditions', () => {
    const a = run('incident-triggered-recording');
    expect(a.verdict).toBe('permitted-with-conditions');
    expect(a.findings.some((f) => f.effectiveOutcome === 'fail')).toBe(false);
    expect(a.dpia.required).toBe(true);
    // Its incidents carry a time: the office hours in scope lie within the hours at risk (NEC-3).
    const nec3 = a.findings.find((f) => f.ruleId === 'NEC-3');
    expect(nec3?.outcome).toBe('pass');
    expect(nec3?.reasons.map((r) => r.en).join(' ')).toContain(
      'The 3 incidents happened in the morning and afternoon (between 10:40 and 14:15, Europe/Amsterdam)',
    );
  });

  it('mobile alarm buttons already running without works-council consent → not permitted (EMP-1)', () => {
    const s = example('mobile-alarm-buttons') as Scenario;
    delete s.safeguards.worksCouncilConsentDate;
    s.measure.startDate = s.assessedOn;
    const r = assess(s);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.verdict).toBe('not-permitted');
    expect(r.value.findings.find((f) => f.ruleId === 'EMP-1')?.outcome).toBe('fail');
  });

  it('the defining case comparison points to a lighter measure for immediate help', () => {
    const c = compareAlternatives(example('defining-case') as Scenario);
    expect(c.rows).toHaveLength(10);
    expect(c.rows.find((r) => r.assessed)?.verdict).toBe('not-permitted');
    const help = c.leastIntrusivePerPurpose['immediate-help'];
    expect(help).toBe('second-staff-member');
  });
});
