import { describe, expect, it } from 'vitest';
import type { CompiledPolicy, PolicyEntry } from '../policy/policy.js';
import type { Camera } from '../registry/model.js';
import {
  armingActions,
  cameraAction,
  planCameras,
  settingsKey,
  stillWanted,
  type ArmingInput,
  type CameraAction,
  type CameraSituation,
  type RecordingWorld,
  type RunningCamera,
} from './arming.js';

const NOW = new Date('2026-03-02T10:00:00Z');

const camera = (id: string, roomId: string, disabledAt: string | null = null): Camera => ({
  id,
  roomId,
  name: id,
  url: `rtsp://cameras.example/${id}`,
  hasCredentials: false,
  disabled: disabledAt !== null,
  disabledAt,
  createdAt: '2026-01-01T00:00:00Z',
});

const entry = (o: Partial<PolicyEntry> = {}): PolicyEntry => ({
  assessmentId: 'a-1',
  measureId: 'incident-recording',
  conversationTypeId: 'intake',
  hours: [],
  mode: { kind: 'incident-triggered', preRollSeconds: 30, postRollSeconds: 120 },
  audioAllowed: false,
  retentionHours: 72,
  viewers: ['security'],
  riskFlaggedOnly: false,
  validUntil: undefined,
  ...o,
});

/** An approved assessment for room-1 (intake conversations, incident-triggered). */
const approved = (o: Partial<PolicyEntry> = {}): CompiledPolicy => ({
  compiledAt: '2026-03-01T00:00:00Z',
  timeZone: 'Europe/Amsterdam',
  rooms: [{ roomId: 'room-1', entries: [entry(o)] }],
  excluded: [],
  verdicts: {},
});

const intake = {
  id: 'conv-1',
  roomId: 'room-1',
  conversationTypeId: 'intake',
  startedAt: '2026-03-02T09:55:00Z',
  riskFlag: false,
};

const world = (o: Partial<RecordingWorld> = {}): RecordingWorld => ({
  cameras: [camera('cam-1', 'room-1')],
  rooms: [
    { id: 'room-1', siteId: 'site-1' },
    { id: 'room-2', siteId: 'site-2' },
  ],
  policy: approved(),
  conversations: [intake],
  objections: [],
  suspensions: [],
  ...o,
});

describe('planCameras', () => {
  const table: [string, Partial<RecordingWorld>, { mode: string; off: string | null }][] = [
    ['approved assessment, conversation running → record', {}, { mode: 'incident-triggered', off: null }],
    ['no policy compiled yet → off', { policy: undefined }, { mode: 'off', off: 'policy-off' }],
    [
      'no approved assessment for the room → off',
      { policy: { ...approved(), rooms: [] } },
      { mode: 'off', off: 'policy-off' },
    ],
    ['no conversation running → off', { conversations: [] }, { mode: 'off', off: 'policy-off' }],
    [
      'another kind of conversation → off',
      { conversations: [{ ...intake, conversationTypeId: 'visit' }] },
      { mode: 'off', off: 'policy-off' },
    ],
    [
      'the resident objected → off',
      { objections: [{ conversationId: 'conv-1' }] },
      { mode: 'off', off: 'objection' },
    ],
    [
      'an objection in another conversation does not count',
      { objections: [{ conversationId: 'conv-9' }] },
      { mode: 'incident-triggered', off: null },
    ],
    [
      'suspended at this site → off',
      { suspensions: [{ scope: 'site', siteId: 'site-1', suspendedAt: '2026-03-02T08:00:00Z' }] },
      { mode: 'incident-triggered', off: 'suspended' },
    ],
    [
      'suspended at another site → record',
      { suspensions: [{ scope: 'site', siteId: 'site-2', suspendedAt: '2026-03-02T08:00:00Z' }] },
      { mode: 'incident-triggered', off: null },
    ],
    [
      'suspended for the organisation → off',
      { suspensions: [{ scope: 'organisation', siteId: null, suspendedAt: '2026-03-02T08:00:00Z' }] },
      { mode: 'incident-triggered', off: 'suspended' },
    ],
    [
      'camera disabled → off, before a suspension or objection',
      {
        cameras: [camera('cam-1', 'room-1', '2026-03-01T12:00:00Z')],
        objections: [{ conversationId: 'conv-1' }],
        suspensions: [{ scope: 'organisation', siteId: null, suspendedAt: '2026-03-02T08:00:00Z' }],
      },
      { mode: 'off', off: 'camera-disabled' },
    ],
    [
      'the assessment expired → off',
      { policy: approved({ validUntil: '2026-03-02T09:59:59Z' }) },
      { mode: 'off', off: 'policy-off' },
    ],
  ];
  it.each(table)('%s', (_, w, want) => {
    const [p] = planCameras(world(w), NOW);
    expect({ mode: p?.decision.mode.kind, off: p?.off?.kind ?? null }).toEqual(want);
  });

  it('a camera whose room is gone is not planned; each camera gets its own room’s decision', () => {
    const plans = planCameras(
      world({
        cameras: [camera('cam-1', 'room-1'), camera('cam-2', 'room-2'), camera('cam-3', 'room-gone')],
      }),
      NOW,
    );
    expect(plans.map((p) => [p.camera.id, p.siteId, p.conversationId, p.off?.kind ?? null])).toEqual([
      ['cam-1', 'site-1', 'conv-1', null],
      ['cam-2', 'site-2', null, 'policy-off'],
    ]);
  });

  it('the notes name why: the suspension scope and time, the policy reason', () => {
    const suspended = planCameras(
      world({ suspensions: [{ scope: 'site', siteId: 'site-1', suspendedAt: '2026-03-02T08:00:00Z' }] }),
      NOW,
    )[0]?.off;
    expect(suspended).toEqual({
      kind: 'suspended',
      since: '2026-03-02T08:00:00Z',
      message: 'no footage: recording suspended (this site) since 2026-03-02T08:00:00Z',
    });
    expect(planCameras(world({ conversations: [] }), NOW)[0]?.off?.message).toBe(
      'no footage: recording is not permitted here now (no conversation in progress)',
    );
  });
});

describe('cameraAction', () => {
  const idle = {
    mode: 'incident',
    vaultChanged: false,
    settingsChanged: false,
    recording: false,
    footageWanted: false,
  } as const;
  const clip = { ...idle, recording: true, footageWanted: true };
  const base: CameraSituation = {
    planned: true,
    blocked: false,
    switchedOff: false,
    notPermitted: false,
    running: idle,
  };
  const table: [string, Partial<CameraSituation>, CameraAction][] = [
    ['not armed, permitted → arm', { running: null }, 'arm'],
    ['not armed, not permitted → stay off', { running: null, notPermitted: true }, 'stay-off'],
    ['not armed, switched off → stay off', { running: null, switchedOff: true }, 'stay-off'],
    ['not armed, blocked → stay off', { running: null, blocked: true }, 'stay-off'],
    ['armed, nothing changed → keep', {}, 'keep'],
    ['armed, clip running, nothing changed → keep', { running: clip }, 'keep'],
    ['objection/suspension with a clip running → disarm', { switchedOff: true, running: clip }, 'disarm'],
    ['camera removed → disarm', { planned: false, notPermitted: true, running: clip }, 'disarm'],
    ['vault key gone → disarm', { blocked: true, running: clip }, 'disarm'],
    [
      'new vault key → restart sealing to it',
      { running: { ...idle, vaultChanged: true } },
      'restart-new-vault',
    ],
    [
      'new vault key, not permitted any more → disarm',
      { notPermitted: true, running: { ...clip, vaultChanged: true } },
      'disarm',
    ],
    ['not permitted, incident clip being recorded → drain', { notPermitted: true, running: clip }, 'drain'],
    [
      'not permitted, an alarm waits for the next keyframe (no clip yet) → disarm',
      { notPermitted: true, running: { ...idle, footageWanted: true } },
      'disarm',
    ],
    ['not permitted, idle → disarm', { notPermitted: true }, 'disarm'],
    [
      'not permitted, continuous clip → disarm',
      { notPermitted: true, running: { ...clip, mode: 'continuous' } },
      'disarm',
    ],
    [
      'new assessment version, incident clip running → restart after the clip',
      { running: { ...clip, settingsChanged: true } },
      'restart-after-clip',
    ],
    [
      'new assessment version, an alarm waits for the next keyframe → restart after the clip',
      { running: { ...idle, footageWanted: true, settingsChanged: true } },
      'restart-after-clip',
    ],
    ['new assessment version, idle → restart', { running: { ...idle, settingsChanged: true } }, 'restart'],
    [
      'new settings, continuous clip → restart now (continuous clips are cut anyway)',
      { running: { ...clip, mode: 'continuous', settingsChanged: true } },
      'restart',
    ],
    [
      'new settings and an objection → disarm',
      { switchedOff: true, running: { ...clip, settingsChanged: true } },
      'disarm',
    ],
  ];
  it.each(table)('%s', (_, s, want) => {
    expect(cameraAction({ ...base, ...s })).toBe(want);
  });
});

describe('armingActions (policy, conversations, alarms, switches → what each camera does)', () => {
  /** The plans of a world, with the camera URL as source (credentials are the service's). */
  const plansOf = (w: Partial<RecordingWorld>) =>
    planCameras(world(w), NOW).map((p) => ({ ...p, sourceUrl: p.camera.url }));
  const current = plansOf({})[0]!;
  /** cam-1 armed under the approved plan; `clip`: an alarm's incident clip is being recorded. */
  const armed = (
    o: { clip?: boolean; settings?: string; mode?: RunningCamera['mode'] } = {},
  ): RunningCamera => ({
    cameraId: 'cam-1',
    settings: o.settings ?? settingsKey(current),
    mode: o.mode ?? 'incident',
    vaultChanged: false,
    recording: o.clip ?? false,
    footageWanted: o.clip ?? false,
  });
  const action = (w: Partial<RecordingWorld>, i: Partial<Omit<ArmingInput, 'plans'>> = {}) =>
    armingActions({ plans: plansOf(w), running: [], denied: [], blocked: false, ...i });
  const table: [string, Partial<RecordingWorld>, Partial<Omit<ArmingInput, 'plans'>>, CameraAction][] = [
    ['no approved assessment, camera off → stays off', { policy: undefined }, {}, 'stay-off'],
    [
      'no approved assessment, camera armed → disarm',
      { policy: undefined },
      { running: [armed()] },
      'disarm',
    ],
    ['approved and a conversation running → arm', {}, {}, 'arm'],
    ['approved, no conversation → stays off', { conversations: [] }, {}, 'stay-off'],
    ['approved, armed, nothing changed → keep', {}, { running: [armed()] }, 'keep'],
    [
      'an alarm clip running, nothing changed → keep (the clip continues)',
      {},
      { running: [armed({ clip: true })] },
      'keep',
    ],
    [
      'an objection mid-clip → disarm at once (the clip is cut)',
      { objections: [{ conversationId: 'conv-1' }] },
      { running: [armed({ clip: true })] },
      'disarm',
    ],
    [
      'a suspension mid-clip → disarm at once',
      { suspensions: [{ scope: 'site', siteId: 'site-1', suspendedAt: '2026-03-02T09:59:00Z' }] },
      { running: [armed({ clip: true })] },
      'disarm',
    ],
    [
      'an objection committed after the plan was read → disarm at once',
      {},
      { running: [armed({ clip: true })], denied: [{ kind: 'room', roomId: 'room-1' }] },
      'disarm',
    ],
    [
      'a suspension committed after the plan was read → not armed again',
      {},
      { denied: [{ kind: 'site', siteId: 'site-1' }] },
      'stay-off',
    ],
    [
      'a denial elsewhere → arm',
      {},
      {
        denied: [
          { kind: 'room', roomId: 'room-2' },
          { kind: 'site', siteId: 'site-2' },
        ],
      },
      'arm',
    ],
    [
      'camera disabled while idle → disarm',
      { cameras: [camera('cam-1', 'room-1', '2026-03-02T09:59:00Z')] },
      { running: [armed()] },
      'disarm',
    ],
    [
      'camera disabled mid-clip → drain (the clip finishes its post-roll)',
      { cameras: [camera('cam-1', 'room-1', '2026-03-02T09:59:00Z')] },
      { running: [armed({ clip: true })] },
      'drain',
    ],
    [
      'camera disabled → not armed',
      { cameras: [camera('cam-1', 'room-1', '2026-03-02T09:59:00Z')] },
      {},
      'stay-off',
    ],
    ['camera removed → disarm', { cameras: [] }, { running: [armed({ clip: true })] }, 'disarm'],
    [
      'policy changed while a clip runs → the clip keeps its old settings, restart after it',
      { policy: approved({ mode: { kind: 'incident-triggered', preRollSeconds: 10, postRollSeconds: 60 } }) },
      { running: [armed({ clip: true })] },
      'restart-after-clip',
    ],
    [
      'policy changed while idle → restart now',
      { policy: approved({ audioAllowed: true }) },
      { running: [armed()] },
      'restart',
    ],
    [
      'conversation ended while an alarm clip runs → drain',
      { conversations: [] },
      { running: [armed({ clip: true })] },
      'drain',
    ],
    [
      'conversation ended, continuous clip → disarm at once (nothing to finish)',
      { conversations: [] },
      { running: [armed({ clip: true, mode: 'continuous' })] },
      'disarm',
    ],
    [
      'no vault key or no ffmpeg → disarm, even mid-clip',
      {},
      { running: [armed({ clip: true })], blocked: true },
      'disarm',
    ],
    ['no vault key or no ffmpeg → not armed', {}, { blocked: true }, 'stay-off'],
    [
      'outside the assessment’s hours → disarm',
      { policy: approved({ hours: [{ days: [1, 2, 3, 4, 5], from: '13:00', to: '17:00' }] }) },
      { running: [armed()] },
      'disarm',
    ],
  ];
  it.each(table)('%s', (_, w, i, want) => {
    expect(action(w, i)).toEqual([{ cameraId: 'cam-1', action: want }]);
  });

  it('running cameras first, then the others in plan order; each camera once', () => {
    const w = { cameras: [camera('cam-1', 'room-1'), camera('cam-2', 'room-2'), camera('cam-3', 'room-1')] };
    const cam3 = plansOf(w).find((p) => p.camera.id === 'cam-3')!;
    const running = [
      { ...armed(), cameraId: 'cam-3', settings: settingsKey(cam3) },
      { ...armed(), cameraId: 'cam-gone' },
    ];
    expect(action(w, { running })).toEqual([
      { cameraId: 'cam-3', action: 'keep' },
      { cameraId: 'cam-gone', action: 'disarm' },
      { cameraId: 'cam-1', action: 'arm' },
      { cameraId: 'cam-2', action: 'stay-off' },
    ]);
  });
});

describe('stillWanted', () => {
  const now = Date.parse('2026-01-01T10:00:00Z');
  const a = (id: string, lastPressAt: string) => ({ alarmId: id, roomId: 'r', lastPressAt });
  it.each([
    [
      'pressed 60 s ago, post-roll 120 s → wanted 60 s more',
      a('x', '2026-01-01T09:59:00Z'),
      120,
      now + 60_000,
    ],
    ['pressed 121 s ago, post-roll 120 s → over', a('x', '2026-01-01T09:57:59Z'), 120, null],
    ['pressed exactly post-roll ago → over', a('x', '2026-01-01T09:58:00Z'), 120, null],
    ['a shorter post-roll under the policy in force → over', a('x', '2026-01-01T09:59:00Z'), 30, null],
    ['an unreadable time → ignored', a('x', 'not a time'), 120, null],
  ])('%s', (_, alarm, post, until) => {
    const r = stillWanted([alarm], post, now);
    expect(r[0]?.until ?? null).toBe(until);
  });
});
