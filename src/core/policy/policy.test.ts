import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../assessment/scenario.schema.js';
import type { ConditionKind } from '../assessment/rule.js';
import { CONDITION_CLASS, enforcedAudio } from './conditions.js';
import { decide } from './decide.js';
import { resolveInstant, startOfLocalDay } from './local-date.js';
import { compile, inForce, roomPolicy, type AssessmentRecord } from './policy.js';

const example = (name: string): Scenario =>
  JSON.parse(
    readFileSync(fileURLToPath(new URL(`../../../examples/${name}.json`, import.meta.url)), 'utf8'),
  ) as Scenario;

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
const conv = (
  startedAt = '2024-06-04T08:00:00Z',
  over: { conversationTypeId?: string; objection?: boolean; riskFlag?: boolean } = {},
) => ({
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
    [
      'a rejected assessment',
      { status: 'rejected', decision: { by: 'x', at: '2024-03-01T09:00:00Z', outcome: 'rejected' } },
    ],
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
    const p = compile(
      [approved({ scenario, validFrom: '2021-12-01T00:00:00Z' })],
      new Date('2021-12-02T10:00:00Z'),
    );
    expect(p.rooms).toEqual([]);
    expect(p.verdicts['a-black-box']).toBe('not-permitted');
    expect(p.excluded[0]?.reason).toContain('verdict not permitted');
  });

  it('measures that are not a recording mode (alarm buttons) enable no recording', () => {
    const p = compile(
      [approved({ scenario: example('mobile-alarm-buttons'), validFrom: '2022-04-15T00:00:00Z' })],
      new Date('2022-05-01T10:00:00Z'),
    );
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
    expect(decide(p, 'spreekkamer-1', conv(undefined, { conversationTypeId: 'wmo' }), NOW).mode.kind).toBe(
      'off',
    );
    expect(decide(p, 'spreekkamer-2', conv(), NOW).mode.kind).toBe('off');
  });

  // The window is judged at `now` (the recorder re-plans every 15 s), not at the conversation's start.
  it.each([
    ['08:29 Amsterdam (summer time)', '2024-06-04T06:29:00Z', 'off'],
    ['08:30 Amsterdam: the window opens', '2024-06-04T06:30:00Z', 'incident-triggered'],
    ['16:59 Amsterdam', '2024-06-04T14:59:00Z', 'incident-triggered'],
    ['17:00 Amsterdam: the window has closed', '2024-06-04T15:00:00Z', 'off'],
    ['Saturday 10:00', '2024-06-08T08:00:00Z', 'off'],
    ['winter time: 08:29 Amsterdam is 07:29 UTC', '2024-12-10T07:29:00Z', 'off'],
    ['winter time: 08:30 Amsterdam is 07:30 UTC', '2024-12-10T07:30:00Z', 'incident-triggered'],
    ['winter time: 16:59 Amsterdam is 15:59 UTC', '2024-12-10T15:59:00Z', 'incident-triggered'],
    ['winter time: 17:00 Amsterdam is 16:00 UTC', '2024-12-10T16:00:00Z', 'off'],
  ])('hours boundary at now: %s → %s', (_name, at, kind) => {
    const now = new Date(at);
    const policy = compile([approved()], now);
    // The conversation started at 08:00 UTC that day or earlier: its start time no longer decides.
    expect(
      decide(policy, 'spreekkamer-1', conv(new Date(now.getTime() - 60_000).toISOString()), now).mode.kind,
    ).toBe(kind);
  });

  it.each([
    ['summer time', '2024-06-04T14:59:00Z', '2024-06-04T14:59:45Z', '2024-06-04T15:00:00Z'],
    ['winter time', '2024-12-10T15:59:00Z', '2024-12-10T15:59:45Z', '2024-12-10T16:00:00Z'],
  ])(
    'a conversation that starts at 16:59 stops recording at 17:00 (%s)',
    (_name, started, during, closing) => {
      const p2 = compile([approved()], new Date(started));
      expect(decide(p2, 'spreekkamer-1', conv(started), new Date(during)).mode.kind).toBe(
        'incident-triggered',
      );
      expect(decide(p2, 'spreekkamer-1', conv(started), new Date(closing)).mode.kind).toBe('off');
    },
  );

  it('a malformed start time → off', () => {
    expect(decide(p, 'spreekkamer-1', conv('yesterday'), NOW).mode.kind).toBe('off');
  });

  it('overlapping assessments: the most restrictive wins', () => {
    const heavier = example('incident-triggered-recording');
    heavier.measure = { id: 'continuous-video', startDate: '2024-04-01' };
    heavier.alternatives.push({
      measure: 'incident-recording',
      status: 'in-place-insufficient',
      reasons: 'niemand kan alarm slaan bij een overval',
    });
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
    const alone = compile(
      [
        approved({ withdrawnAt: '2024-06-01T00:00:00Z' }),
        approved({ id: 'a-continuous', scenario: heavier }),
      ],
      NOW,
    );
    expect(decide(alone, 'spreekkamer-1', conv(), NOW).mode.kind).toBe('continuous');
  });
});

describe('conditions are enforced, not just reported (DOMAIN.md section 5)', () => {
  it('open blocking conditions (DPIA before start, works council, sign, access rules) enable nothing, with the reason', () => {
    const s = example('incident-triggered-recording');
    s.assessedOn = '2024-02-01';
    s.measure.startDate = '2024-04-01';
    delete s.dpia.date; // DPIA-1: "DPIA completed before start" open
    delete s.safeguards.worksCouncilConsentDate; // EMP-1
    s.safeguards.transparency = { sign: false, secondLayer: true }; // TRN-1 signage
    delete s.safeguards.access; // SEC-1
    s.safeguards.retentionHours = 600; // RET-1: at most 72 h
    const p = compile([approved({ scenario: s })], NOW);
    expect(p.verdicts['a-black-box']).toBe('permitted-with-conditions');
    expect(p.rooms).toEqual([]);
    const reason = p.excluded[0]?.reason ?? '';
    for (const code of [
      'DPIA-1 dpia-before-start',
      'EMP-1 works-council-consent',
      'TRN-1 signage',
      'SEC-1 access-control',
    ])
      expect(reason).toContain(code);
    expect(decide(p, 'spreekkamer-1', conv(), NOW).mode.kind).toBe('off');
  });

  it.each<[string, (s: Scenario) => void, string]>([
    ['works-council consent', (s) => delete s.safeguards.worksCouncilConsentDate, 'EMP-1'],
    ['a sign', (s) => (s.safeguards.transparency = { sign: false, secondLayer: true }), 'TRN-1'],
    ['access rules', (s) => delete s.safeguards.access, 'SEC-1'],
    ['a DPIA before start', (s) => delete s.dpia.date, 'DPIA-1'],
  ])('without %s alone: nothing is enabled', (_name, change, rule) => {
    const s = example('incident-triggered-recording');
    change(s);
    const p = compile([approved({ scenario: s })], NOW);
    expect(p.rooms).toEqual([]);
    expect(p.excluded[0]?.reason).toContain(`conditions open: ${rule}`);
  });

  it('retention beyond the condition’s bound is cut to it (600 h against RET-1 ≤ 72 h)', () => {
    const s = example('incident-triggered-recording');
    s.safeguards.retentionHours = 600;
    const p = compile([approved({ scenario: s })], NOW);
    expect(p.excluded).toEqual([]);
    expect(p.rooms[0]?.entries[0]?.retentionHours).toBe(72);
    expect(decide(p, 'spreekkamer-1', conv(), NOW).retentionHours).toBe(72);
  });

  it('a no-audio condition switches audio off', () => {
    const noAudio = {
      kind: 'no-audio' as const,
      ruleId: 'AUD-1',
      text: { nl: 'Geen geluid.', en: 'No audio.' },
    };
    expect(enforcedAudio(true, [noAudio])).toBe(false);
    expect(enforcedAudio(true, [])).toBe(true);
  });

  it('every condition kind the rules can emit is classified', () => {
    const kinds: ConditionKind[] = [
      'dpia-before-start',
      'works-council-consent',
      'signage',
      'access-control',
    ];
    for (const k of kinds) expect(CONDITION_CLASS[k]).toBe('blocking');
    expect(CONDITION_CLASS['retention-max']).toBe('enforced');
  });

  it('recording never starts before the measure’s start date, whatever validFrom says', () => {
    const s = example('incident-triggered-recording');
    s.measure.startDate = '2099-01-01';
    const at = new Date('2030-06-04T08:00:00Z');
    s.safeguards.reviewDate = '2031-01-01';
    const p = compile([approved({ scenario: s })], at);
    expect(p.rooms).toEqual([]);
    expect(p.excluded[0]?.reason).toContain('starts on 2099-01-01');
    expect(decide(p, 'spreekkamer-1', conv('2030-06-04T08:00:00Z'), at).mode.kind).toBe('off');
  });

  it('the start date begins at 00:00 Europe/Amsterdam', () => {
    const s = example('incident-triggered-recording');
    s.measure.startDate = '2024-06-04';
    expect(compile([approved({ scenario: s })], new Date('2024-06-03T21:59:59Z')).rooms).toEqual([]);
    expect(compile([approved({ scenario: s })], new Date('2024-06-03T22:00:00Z')).rooms).toHaveLength(1);
  });
});

describe('scope.riskFlaggedOnly reaches the policy and decide()', () => {
  const s = example('incident-triggered-recording');
  s.scope.riskFlaggedOnly = true;
  const p = compile([approved({ scenario: s })], NOW);

  it('the entry is limited to risk-flagged conversations', () => {
    expect(p.excluded).toEqual([]);
    expect(p.rooms[0]?.entries[0]?.riskFlaggedOnly).toBe(true);
  });

  it('an unflagged conversation is not recorded; a flagged one is', () => {
    expect(decide(p, 'spreekkamer-1', conv(), NOW).mode.kind).toBe('off');
    expect(decide(p, 'spreekkamer-1', conv(undefined, { riskFlag: false }), NOW).mode.kind).toBe('off');
    expect(decide(p, 'spreekkamer-1', conv(undefined, { riskFlag: true }), NOW).mode.kind).toBe(
      'incident-triggered',
    );
  });

  it('an assessment without the limit covers flagged and unflagged conversations', () => {
    const all = compile([approved()], NOW);
    expect(all.rooms[0]?.entries[0]?.riskFlaggedOnly).toBe(false);
    expect(decide(all, 'spreekkamer-1', conv(undefined, { riskFlag: false }), NOW).mode.kind).toBe(
      'incident-triggered',
    );
    expect(decide(all, 'spreekkamer-1', conv(undefined, { riskFlag: true }), NOW).mode.kind).toBe(
      'incident-triggered',
    );
  });
});

describe('date-only values are days in Europe/Amsterdam, not UTC', () => {
  it.each([
    ['summer', '2024-06-04', '2024-06-03T22:00:00.000Z'],
    ['winter', '2024-01-09', '2024-01-08T23:00:00.000Z'],
    ['the day summer time starts', '2024-03-31', '2024-03-30T23:00:00.000Z'],
    ['the day summer time ends', '2024-10-27', '2024-10-26T22:00:00.000Z'],
  ])('%s: %s starts at %s', (_name, date, iso) => {
    expect(new Date(startOfLocalDay(date, 'Europe/Amsterdam') ?? Number.NaN).toISOString()).toBe(iso);
  });

  it('resolveInstant leaves full instants alone and refuses garbage', () => {
    expect(resolveInstant('2024-06-04T08:00:00Z', 'Europe/Amsterdam')).toBe(
      Date.parse('2024-06-04T08:00:00Z'),
    );
    expect(resolveInstant('tomorrow', 'Europe/Amsterdam')).toBeUndefined();
    expect(resolveInstant('2024-13-45', 'Europe/Amsterdam')).toBeUndefined();
  });

  it('the review date 2025-02-01 ends recording at 00:00 Amsterdam (23:00 UTC the day before), not at UTC midnight', () => {
    const before = new Date('2025-01-31T22:59:00Z');
    const after = new Date('2025-01-31T23:30:00Z'); // 00:30 on 1 February in Amsterdam
    expect(inForce(approved(), before).ok).toBe(true);
    const r = inForce(approved(), after);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('review date');
    expect(compile([approved()], before).rooms[0]?.entries[0]?.validUntil).toBe('2025-01-31T23:00:00.000Z');
  });

  it('a date-only validUntil expires at the start of that day in Amsterdam', () => {
    const r = approved({ validUntil: '2024-06-05' });
    expect(inForce(r, new Date('2024-06-04T21:59:00Z')).ok).toBe(true);
    expect(inForce(r, new Date('2024-06-04T22:00:00Z')).ok).toBe(false);
  });
});
