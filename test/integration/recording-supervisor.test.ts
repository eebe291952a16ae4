/**
 * The recorder supervisor against a fake ffmpeg that streams synthetic fMP4 in real time (fast
 * GOPs, no camera needed) and a real vault in a temporary folder: a drain never begins a new clip
 * (continuous mode stops at once; an incident clip finishes its post-roll, then the camera stops);
 * an objection's denial holds against a reconcile whose plan was read before it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SpawnedProcess, Spawner } from '../../src/adapters/media/ingest-process.js';
import { openClipStore } from '../../src/adapters/vault/clip-store.js';
import { generateIdentity } from '../../src/adapters/vault/keys.js';
import type { RecordingMode } from '../../src/core/policy/policy.js';
import { synthFragment, synthInit } from '../../src/core/recording/fmp4-synth.js';
import type { ClipRecord } from '../../src/services/recording-ports.js';
import type { CameraPlan } from '../../src/services/recording.service.js';
import {
  DEFAULT_TUNABLES,
  RecorderSupervisor,
  type SupervisorDeps,
  type VaultHandle,
} from '../../src/workers/recorder-supervisor.js';
import { waitFor } from '../support/waiting.js';

const GOP_MS = 100;
const TIMESCALE = 90_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A fake ffmpeg: an init segment, then one keyframe fragment per GOP, in real time, until killed. */
const fakeCameras = () => {
  let next = 900_000;
  const live = new Set<number>();
  const spawner: Spawner = () => {
    const pid = next++;
    live.add(pid);
    const out: ((c: Buffer) => void)[] = [];
    const exits: ((code: number | null, signal: string | null, e: NodeJS.ErrnoException | null) => void)[] =
      [];
    let i = 0;
    const timer = setInterval(() => {
      const chunk =
        i === 0
          ? synthInit([{ trackId: 1, handler: 'vide', timescale: TIMESCALE }])
          : synthFragment(i, [
              {
                trackId: 1,
                baseMediaDecodeTime: ((i - 1) * (TIMESCALE * GOP_MS)) / 1000,
                sampleDurations: [(TIMESCALE * GOP_MS) / 1000],
                keyframe: true,
              },
            ]);
      i += 1;
      for (const l of out) l(chunk);
    }, GOP_MS);
    const p: SpawnedProcess = {
      pid,
      onStdout: (l) => void out.push(l),
      onStderr: () => undefined,
      onExit: (l) => void exits.push(l),
      kill: (signal) => {
        if (!live.has(pid)) return;
        live.delete(pid);
        clearInterval(timer);
        setImmediate(() => {
          for (const l of exits) l(null, signal ?? 'SIGTERM', null);
        });
      },
    };
    return p;
  };
  return { spawner, live };
};

const decision = (mode: RecordingMode): CameraPlan['decision'] => ({
  mode,
  audioAllowed: false,
  retentionHours: mode.kind === 'off' ? undefined : 72,
  viewers: [],
  assessmentIds: mode.kind === 'off' ? [] : ['a-1'],
  reason: mode.kind === 'off' ? 'the conversation ended' : 'approved',
  reasonCode: mode.kind === 'off' ? 'no-conversation' : 'assessment',
});

const plan = (mode: RecordingMode, off: CameraPlan['off'] = null): CameraPlan => ({
  camera: {
    id: 'cam-1',
    roomId: 'room-1',
    name: 'Camera 1',
    url: 'rtsp://127.0.0.1:1/fake',
    hasCredentials: false,
    disabled: false,
    disabledAt: null,
    createdAt: '2024-01-01T00:00:00Z',
  },
  siteId: 'site-1',
  sourceUrl: 'rtsp://127.0.0.1:1/fake',
  conversationId: 'conv-1',
  decision: decision(mode),
  policy: { seq: 1, compiledAt: '2024-01-01T00:00:00Z', hash: 'h' },
  off,
});

const CONTINUOUS: RecordingMode = { kind: 'continuous' };
/** A new assessment version: other roll lengths (a different ffmpeg set-up). */
const INCIDENT_V2: RecordingMode = { kind: 'incident-triggered', preRollSeconds: 2, postRollSeconds: 1 };
const LONG_POST: RecordingMode = { kind: 'incident-triggered', preRollSeconds: 1, postRollSeconds: 3 };
const INCIDENT: RecordingMode = { kind: 'incident-triggered', preRollSeconds: 1, postRollSeconds: 1 };
const OFF: RecordingMode = { kind: 'off' };
const POLICY_OFF: CameraPlan['off'] = {
  kind: 'policy-off',
  message: 'no footage: recording is not permitted here now (the conversation ended)',
};

describe('recorder supervisor (fake ffmpeg, real vault)', () => {
  let dir: string;
  let vault: VaultHandle;
  let sup: RecorderSupervisor | undefined;
  let opened: string[];
  let notes: string[];
  let finished: { id: string; reason: string | null; endedAt: number | null }[];
  let cams: ReturnType<typeof fakeCameras>;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'proportio-supervisor-'));
    const s = await openClipStore(path.join(dir, 'clips'));
    if (!s.ok) throw new Error(s.error.message);
    vault = { store: s.value, recipient: generateIdentity().recipient };
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  afterEach(async () => {
    await sup?.stop();
    sup = undefined;
  });

  let runs = 0;
  const start = (continuousClipSeconds = 1): RecorderSupervisor => {
    runs += 1;
    opened = [];
    notes = [];
    finished = [];
    cams = fakeCameras();
    let n = 0;
    const service: SupervisorDeps['service'] = {
      clipOpened: (c) => {
        opened.push(c.id);
        return Promise.resolve({ ...c } as unknown as ClipRecord);
      },
      clipExtended: () => Promise.resolve(),
      clipFinished: (id, _o, meta) => {
        finished.push({ id, reason: meta?.reason ?? null, endedAt: meta?.endedAt ?? null });
        return Promise.resolve(undefined);
      },
      note: (x) => {
        notes.push(`${x.kind}: ${x.message}`);
        return Promise.resolve({ ...x, id: `note-${n}`, at: new Date().toISOString() });
      },
    };
    sup = new RecorderSupervisor({
      service,
      log: pino({ level: 'silent' }),
      now: Date.now,
      ffmpegPath: () => '/usr/bin/ffmpeg',
      workDir: dir,
      tunables: () => ({ ...DEFAULT_TUNABLES, continuousClipSeconds, tickMs: 20, killGraceMs: 200 }),
      // Unique across tests: they share one vault, where a clip id can exist only once.
      ids: () => `clip-${runs}-${++n}`,
      spawner: cams.spawner,
    });
    return sup;
  };
  const status = () => sup?.status()[0];

  it('continuous mode: a drain stops the camera at once and no clip is opened after it', async () => {
    const s = start();
    s.apply([plan(CONTINUOUS)], [], vault, s.planTicket());
    await waitFor('two continuous clips', () => opened.length >= 2);
    const pid = s.pidOf('cam-1');
    expect(pid).toBeDefined();
    const before = opened.length;
    // The conversation ended: the plan says off (not an objection or suspension: a drain).
    s.apply([plan(OFF, POLICY_OFF)], [], vault, s.planTicket());
    expect(status()).toMatchObject({ armed: false, ringBytes: 0, recording: false });
    expect(s.pidOf('cam-1')).toBeUndefined();
    // Several clip lengths later: still nothing new, no process.
    await sleep(3000);
    expect(opened).toHaveLength(before);
    expect(cams.live.size).toBe(0);
  });

  it('incident mode: a drain lets the running clip finish its post-roll, opens nothing more, then stops', async () => {
    const s = start();
    s.apply([plan(INCIDENT)], [], vault, s.planTicket());
    await waitFor('a pre-roll in the ring', () => (status()?.ringSeconds ?? 0) >= 1);
    s.alarm({ alarmId: 'alarm-1', incidentId: 'incident-1', roomId: 'room-1', at: new Date().toISOString() });
    expect(opened).toHaveLength(1);
    s.apply([plan(OFF, POLICY_OFF)], [], vault, s.planTicket());
    expect(status()).toMatchObject({ armed: true, draining: true, recording: true, ringBytes: 0 });
    // A later alarm while draining neither extends the clip nor starts one; it says why.
    s.alarm({ alarmId: 'alarm-2', incidentId: 'incident-2', roomId: 'room-1', at: new Date().toISOString() });
    await waitFor(
      'the camera stopped after the clip',
      () => status()?.armed === false && cams.live.size === 0,
    );
    await s.settled();
    expect(opened).toHaveLength(1);
    expect(notes).toContainEqual(
      expect.stringMatching(/^policy-off: no footage: recording is not permitted here now/),
    );
  });

  it('an objection denies the room to a reconcile whose plan was read before it, until a later plan', async () => {
    const s = start();
    s.apply([plan(INCIDENT)], [], vault, s.planTicket());
    await waitFor('armed', () => s.pidOf('cam-1') !== undefined);
    // A reconcile reads its plan (camera on)...
    const staleTicket = s.planTicket();
    const stalePlan = [plan(INCIDENT)];
    // ...the objection commits and stops the camera...
    await s.deny(
      { kind: 'room', roomId: 'room-1' },
      {
        kind: 'objection',
        message: 'no footage: recording switched off for this conversation after an objection',
      },
    );
    expect(s.pidOf('cam-1')).toBeUndefined();
    // ...and the stale reconcile applies afterwards: it must not start ffmpeg again.
    s.apply(stalePlan, [], vault, staleTicket);
    expect(s.pidOf('cam-1')).toBeUndefined();
    expect(status()).toMatchObject({ armed: false, offReason: expect.stringContaining('objection') });
    s.alarm({ alarmId: 'alarm-3', incidentId: 'incident-3', roomId: 'room-1', at: new Date().toISOString() });
    await s.settled();
    expect(notes).toContainEqual(expect.stringMatching(/^objection: no footage/));
    await sleep(200);
    expect(cams.live.size).toBe(0);
    // A plan read after the objection lifts the denial (here: a new conversation, on again).
    s.apply([plan(INCIDENT)], [], vault, s.planTicket());
    expect(s.pidOf('cam-1')).toBeDefined();
  });

  it('a new assessment version while a clip runs: the clip finishes its post-roll under its own rules, then the camera restarts with the new ones', async () => {
    const s = start();
    s.apply([plan(LONG_POST)], [], vault, s.planTicket());
    await waitFor('a pre-roll in the ring', () => (status()?.ringSeconds ?? 0) >= 1);
    const pid = s.pidOf('cam-1');
    const pressed = Date.now();
    s.alarm({
      alarmId: 'alarm-v',
      incidentId: 'incident-v',
      roomId: 'room-1',
      at: new Date(pressed).toISOString(),
    });
    expect(opened).toHaveLength(1);
    s.apply([plan(INCIDENT_V2)], [], vault, s.planTicket());
    // Still the same process, still recording, not draining: nothing is cut.
    expect(status()).toMatchObject({ armed: true, recording: true, draining: false, preRollSeconds: 1 });
    expect(s.pidOf('cam-1')).toBe(pid);
    await waitFor('restarted with the new settings', () => status()?.preRollSeconds === 2, 15_000);
    await s.settled();
    expect(finished[0]).toMatchObject({ reason: 'post-roll' });
    expect(finished[0]?.endedAt ?? 0).toBeGreaterThanOrEqual(pressed + 3000 - 200);
    expect(s.pidOf('cam-1')).not.toBe(pid);
    expect(notes.filter((n) => n.startsWith('clip-cut'))).toEqual([]);
  });

  it('an objection during a pending restart still stops at once, and the cut clip is noted', async () => {
    const s = start();
    s.apply([plan(LONG_POST)], [], vault, s.planTicket());
    await waitFor('a pre-roll in the ring', () => (status()?.ringSeconds ?? 0) >= 1);
    s.alarm({ alarmId: 'alarm-o', incidentId: 'incident-o', roomId: 'room-1', at: new Date().toISOString() });
    s.apply([plan(INCIDENT_V2)], [], vault, s.planTicket());
    await s.deny(
      { kind: 'room', roomId: 'room-1' },
      {
        kind: 'objection',
        message: 'no footage: recording switched off for this conversation after an objection',
      },
    );
    expect(s.pidOf('cam-1')).toBeUndefined();
    await s.settled();
    expect(finished[0]).toMatchObject({ reason: 'stopped' });
    expect(notes).toContainEqual(
      expect.stringMatching(/^clip-cut: footage incomplete: clip clip-[\d-]+ stopped at .*objection/),
    );
  });

  it('a repeated press extends the running clip from that press; closing the alarm ends it with the next fragment', async () => {
    const s = start();
    s.apply([plan(LONG_POST)], [], vault, s.planTicket());
    await waitFor('a pre-roll in the ring', () => (status()?.ringSeconds ?? 0) >= 1);
    s.alarm({ alarmId: 'alarm-r', incidentId: 'incident-r', roomId: 'room-1', at: new Date().toISOString() });
    await sleep(1000);
    const again = Date.now();
    s.alarm({
      alarmId: 'alarm-r',
      incidentId: 'incident-r',
      roomId: 'room-1',
      at: new Date(again).toISOString(),
      repeat: true,
    });
    expect(opened).toHaveLength(1);
    await waitFor('the clip ended', () => finished.length === 1, 15_000);
    expect(finished[0]?.endedAt ?? 0).toBeGreaterThanOrEqual(again + 3000 - 200);
    expect(notes).toContainEqual(expect.stringMatching(/^clip-extended: .*repeated press/));

    s.alarm({ alarmId: 'alarm-c', incidentId: 'incident-c', roomId: 'room-1', at: new Date().toISOString() });
    await sleep(300);
    const closedAt = Date.now();
    s.alarmClosed({ alarmId: 'alarm-c', at: new Date(closedAt).toISOString() });
    await waitFor('the second clip ended', () => finished.length === 2, 15_000);
    expect(finished[1]?.reason).toBe('alarm-closed');
    expect(finished[1]?.endedAt ?? Infinity).toBeLessThan(closedAt + 3000);
    // A closed alarm is never taken up again, not by a late press either.
    s.alarm({
      alarmId: 'alarm-c',
      incidentId: 'incident-c',
      roomId: 'room-1',
      at: new Date().toISOString(),
      repeat: true,
    });
    await sleep(500);
    expect(opened).toHaveLength(2);
  });

  it('resume(): an alarm still open at start records the rest of its post-roll; a closed or finished one does not', async () => {
    const s = start();
    const now = Date.now();
    s.resume([
      {
        alarmId: 'open-1',
        incidentId: 'i-1',
        roomId: 'room-1',
        lastPressAt: new Date(now - 1000).toISOString(),
      },
      {
        alarmId: 'over',
        incidentId: 'i-2',
        roomId: 'room-1',
        lastPressAt: new Date(now - 60_000).toISOString(),
      },
      { alarmId: 'closed', incidentId: 'i-3', roomId: 'room-1', lastPressAt: new Date(now).toISOString() },
      { alarmId: 'elsewhere', incidentId: 'i-4', roomId: 'room-2', lastPressAt: new Date(now).toISOString() },
    ]);
    s.alarmClosed({ alarmId: 'closed', at: new Date(now).toISOString() });
    s.apply([plan(LONG_POST)], [], vault, s.planTicket());
    await waitFor('a resumed clip', () => opened.length === 1, 10_000);
    await waitFor('it ended', () => finished.length === 1, 15_000);
    expect(finished[0]?.reason).toBe('post-roll');
    expect(finished[0]?.endedAt ?? 0).toBeGreaterThanOrEqual(now - 1000 + 3000 - 200);
    await s.settled();
    expect(notes).toEqual([
      expect.stringMatching(
        /^clip: footage: clip clip-[\d-]+ \(the rest of the post-roll, resumed after a restart\)$/,
      ),
    ]);
    await sleep(500);
    expect(opened).toHaveLength(1);
  });
});
