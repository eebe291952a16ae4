import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../assessment/scenario.schema.js';
import { decide } from './decide.js';
import { compile, inForce, roomPolicy, type AssessmentRecord } from './policy.js';

const example = (name: string): Scenario =>
  JSON.parse(readFileSync(fileURLToPath(new URL(`../../../examples/${name}.json`, import.meta.url)), 'utf8')) as Scenario;

// Incident-triggered recording, spreekkamer-1, terugvordering, Mon–Fri 08:30–17:00, review date 2025-02-01.
const approved = (over: Partial<AssessmentRecord> = {}): AssessmentRecord => ({
  id: 'a-black-box',
  scenario: example('incident-triggered-recording'),
  status: 'approved',
  dpoAdviceRecordedAt: '2024-01-15T10:00:00Z',
  decision: { by: 'gemeentesecretaris', at: '2024-03-01T09:00:00Z', outcome: 'approved' },
  ...over,
});

// Tuesday 2024-06-04, 10:00 in Amsterdam (08:00 UTC).
const NOW = new Date('2024-06-04T08:00:00Z');
const conv = (startedAt = '2024-06-04T08:00:00Z', over: { conversationTypeId?: string; objection?: boolean } = {}) => ({
  conversationTypeId: 'terugvordering',
  startedAt,
  ...over,
});

describe('policy: only an approved, in-force assessment enables recording (DOMAIN.md section 5)', () => {
  it('an approved black-box assessment arms incident-triggered recording for its room and conversation type', () => {
    const p = compile([approved()], NOW);
    expect(p.excluded).toEqual([]);
    const d = decide(p, 'spreekkamer-1', conv(), NOW);
    expect(d.mode).toEqual({ kind: 'incident-triggered', preRollSeconds: 30, postRollSeconds: 120 });
    expect(d.audioAllowed).toBe(false);
    expect(d.retentionHours).toBe(72);
    expect(d.viewers).toEqual(['beveiligingscoördinator', 'FG']);
  });

  it.each<[string, Partial<AssessmentRecord>]>([
    ['a draft', { status: 'draft' }],
    ['a rejected assessment', { status: 'rejected', decision: { by: 'x', at: '2024-03-01T09:00:00Z', outcome: 'rejected' } }],
    ['without DPO advice', { dpoAdviceRecordedAt: undefined }],
    ['withdrawn', { withdrawnAt: '2024-05-01T00:00:00Z' }],
    ['expired', { validUntil: '2024-06-01T00:00:00Z' }],
    ['not yet in force', { validFrom: '2024-07-01T00:00:00Z' }],
  ])('%s enables nothing', (_name, over) => {
    const p = compile([approved(over)], NOW);
    expect(p.rooms).toEqual([]);
    expect(p.excluded[0]?.assessmentId).toBe('a-black-box');
    expect(decide(p, 'spreekkamer-1', conv(), NOW).mode.kind).toBe('off');
  });

  it('past its review date enables nothing', () => {
    const later = new Date('2025-02-03T08:00:00Z');
    const p = compile([approved()], later);
    expect(p.excluded[0]?.reason).toContain('review date');
    expect(decide(p, 'spreekkamer-1', conv('2025-02-03T08:00:00Z'), later).mode.kind).toBe('off');
  });

  it('expiry switches recording off even in a policy compiled before it', () => {
    const p = compile([approved({ validUntil: '2024-06-04T09:00:00Z' })], NOW);
    expect(decide(p, 'spreekkamer-1', conv(), NOW).mode.kind).toBe('incident-triggered');
    expect(decide(p, 'spreekkamer-1', conv(), new Date('2024-06-04T09:00:00Z')).mode.kind).toBe('off');
  });

  it('an approved assessment whose recomputed verdict is not permitted enables nothing', () => {
    const scenario = example('defining-case');
    scenario.safeguards.reviewDate = '2022-12-01';
    const p = compile([approved({ scenario, validFrom: '2021-12-01T00:00:00Z' })], new Date('2021-12-02T10:00:00Z'));
    expect(p.rooms).toEqual([]);
    expect(p.verdicts['a-black-box']).toBe('not-permitted');
    expect(p.excluded[0]?.reason).toContain('verdict not permitted');
  });

  it('measures that are not a recording mode (alarm buttons) enable no recording', () => {
    const p = compile([approved({ scenario: example('mobile-alarm-buttons'), validFrom: '2022-04-15T00:00:00Z' })], new Date('2022-05-01T10:00:00Z'));
    expect(p.rooms).toEqual([]);
    expect(p.excluded[0]?.reason).toContain('not a recording mode');
  });

  it('inForce names the reason with ASSESSMENT.NOT_APPROVED', () => {
    const r = inForce(approved({ status: 'withdrawn' }), NOW);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('ASSESSMENT.NOT_APPROVED');
  });

  it('roomPolicy reports an unknown room with POLICY.UNKNOWN_ROOM', () => {
    const r = roomPolicy(compile([approved()], NOW), 'spreekkamer-9');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('POLICY.UNKNOWN_ROOM');
  });
});

describe('decide (pure): what the room does right now', () => {
  const p = compile([approved()], NOW);

  it('no conversation in progress → off', () => {
    expect(decide(p, 'spreekkamer-1', undefined, NOW).mode.kind).toBe('off');
  });

  it('a resident’s objection → off at once (EDPB 3/2019 §105–106)', () => {
    const d = decide(p, 'spreekkamer-1', conv(undefined, { objection: true }), NOW);
    expect(d.mode.kind).toBe('off');
    expect(d.reason).toContain('objected');
  });

  it('another conversation type or another room → off', () => {
    expect(decide(p, 'spreekkamer-1', conv(undefined, { conversationTypeId: 'wmo' }), NOW).mode.kind).toBe('off');
    expect(decide(p, 'spreekkamer-2', conv(), NOW).mode.kind).toBe('off');
  });

  it.each([
    ['08:29 Amsterdam (summer time)', '2024-06-04T06:29:00Z', 'off'],
    ['08:30 Amsterdam: the window opens', '2024-06-04T06:30:00Z', 'incident-triggered'],
    ['16:59 Amsterdam', '2024-06-04T14:59:00Z', 'incident-triggered'],
    ['17:00 Amsterdam: the window has closed', '2024-06-04T15:00:00Z', 'off'],
    ['Saturday 10:00', '2024-06-08T08:00:00Z', 'off'],
    ['winter time: 08:30 Amsterdam is 07:30 UTC', '2024-01-09T07:30:00Z', 'incident-triggered'],
  ])('hours boundary: %s → %s', (_name, startedAt, kind) => {
    expect(decide(p, 'spreekkamer-1', conv(startedAt), NOW).mode.kind).toBe(kind);
  });

  it('a malformed start time → off', () => {
    expect(decide(p, 'spreekkamer-1', conv('yesterday'), NOW).mode.kind).toBe('off');
  });

  it('overlapping assessments: the most restrictive wins', () => {
    const heavier = example('incident-triggered-recording');
    heavier.measure = { id: 'continuous-video', startDate: '2024-04-01' };
    heavier.alternatives.push({ measure: 'incident-recording', status: 'in-place-insufficient', reasons: 'niemand kan alarm slaan bij een overval' });
    heavier.safeguards.retentionHours = 48;
    heavier.safeguards.access = { roles: ['FG'], fourEyes: true, logged: true, encryptedAtRest: true };
    const both = compile([approved(), approved({ id: 'a-continuous', scenario: heavier })], NOW);
    expect(both.excluded).toEqual([]);
    const d = decide(both, 'spreekkamer-1', conv(), NOW);
    expect(d.mode.kind).toBe('incident-triggered');
    expect(d.retentionHours).toBe(48);
    expect(d.viewers).toEqual(['FG']);
    expect(d.assessmentIds).toEqual(['a-black-box', 'a-continuous']);
    // Once the lighter one is withdrawn, the continuous assessment alone applies.
    const alone = compile([approved({ withdrawnAt: '2024-06-01T00:00:00Z' }), approved({ id: 'a-continuous', scenario: heavier })], NOW);
    expect(decide(alone, 'spreekkamer-1', conv(), NOW).mode.kind).toBe('continuous');
  });
});
