/**
 * How alarms steer the recorder over their whole life, with the real ffmpeg and a real RTSP camera
 * (GStreamer), on both dialects (issue 8 §5.1, 5.3, 5.4, 5.5):
 * - a second press that joins the open alarm extends the running clip's post-roll from that press;
 * - a closed alarm records nothing more, even when its camera comes back after the close;
 * - after a restart that left a clip unfinished, its row is recovered from the sealed parts (start,
 *   end, duration, size, pre-roll), and the still-open alarm's remaining post-roll is recorded.
 * Short rolls (a new policy version per test) instead of the real 120 s.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordingModule } from '../../src/compose/recording.compose.js';
import type { CompiledPolicy } from '../../src/core/policy/policy.js';
import { availableDialects } from '../support/databases.js';
import { startRtspCamera, type RtspCamera } from '../support/rtsp-camera.js';
import { loginAs, startTestRuntime, type TestRuntime } from '../support/test-runtime.js';
import {
  recordingModule,
  startConversation,
  policyChanged,
  storePolicyVersion,
  tuneForTests,
  useDemoCamera,
  writeVaultRecipient,
} from '../support/recorder.js';
import { testPolicy } from '../support/recording-policy.js';
import { waitFor as waitUntil } from '../support/waiting.js';

const dialects = await availableDialects();
const PRE = 2;

const policy = (roomId: string, conversationTypeId: string, post: number): CompiledPolicy =>
  testPolicy(roomId, conversationTypeId, { pre: PRE, post });

// This suite's steps wait on ffmpeg and a camera: a longer budget than the default.
const waitFor = <T>(
  what: string,
  fn: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs = 60_000,
) => waitUntil(what, fn, timeoutMs);

describe.each(dialects)('alarms steer the recorder (%s)', (dialect) => {
  let t: TestRuntime;
  let rec: RecordingModule;
  let cam: RtspCamera;
  let roomId: string;
  let cameraId: string;
  let typeId: string;
  let balie: Awaited<ReturnType<typeof loginAs>>;
  let security: Awaited<ReturnType<typeof loginAs>>;
  let seq = 200;

  const status = () => rec.supervisor.status().find((c) => c.cameraId === cameraId);
  const usePostRoll = async (post: number) => {
    const compiled = policy(roomId, typeId, post);
    seq += 1;
    await storePolicyVersion(t, compiled, seq);
    await rec.reconcile();
    await waitFor('armed and buffering the pre-roll', () => (status()?.ringSeconds ?? 0) >= PRE);
  };
  const press = async (expected: 200 | 201) => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/alarms',
      headers: balie.headers,
      payload: { roomId },
    });
    expect(r.statusCode, r.body).toBe(expected);
    return r.json<{ alarm: { id: string; incidentId: string }; joined: boolean }>();
  };
  const close = async (alarmId: string) => {
    const r = await t.app.inject({
      method: 'POST',
      url: `/api/alarms/${alarmId}/close`,
      headers: security.headers,
      payload: {},
    });
    expect([200, 204], r.body).toContain(r.statusCode);
  };
  const clipsOf = async (alarmId: string) => {
    await rec.supervisor.settled();
    return rec.service.listClips({ alarmId });
  };
  /** Without waiting for clips still being sealed (settled() waits until they end). */
  const clipRows = (alarmId: string) => rec.service.listClips({ alarmId });

  beforeAll(async () => {
    t = await startTestRuntime({ dialect, demo: true, env: { PROPORTIO_MQTT_PORT: '-1' } });
    rec = recordingModule(t);
    cam = await startRtspCamera({ user: 'camera', password: 'demo-camera-secret', gopFrames: 25, fps: 25 });
    ({ cameraId, roomId, typeId } = await useDemoCamera(t, { port: cam.port, enable: true }));
    await writeVaultRecipient(t);
    balie = await loginAs(t.app, 'balie');
    security = await loginAs(t.app, 'beveiliging');
    tuneForTests(rec, { backoff: { initialMs: 300, maxMs: 1000, factor: 2 } });
    // As `serve`: only the leader records (on PostgreSQL, the holder of the lock).
    await t.rt.cluster.startLeadership();
    await rec.start();
    await startConversation(t, balie.headers, roomId, typeId);
  });

  afterAll(async () => {
    await rec?.stop();
    await cam?.stop();
    await t?.close();
  });

  it('a second press that joins the open alarm extends the running clip from that press', async () => {
    const POST = 6;
    await usePostRoll(POST);
    const first = await press(201);
    await waitFor('the clip running', async () => (await clipRows(first.alarm.id)).length > 0);
    // Well inside the join window, well past the start: the first press's post-roll alone ends sooner.
    await new Promise((r) => setTimeout(r, 4000));
    const againAt = Date.now();
    const again = await press(200);
    expect(again).toMatchObject({ joined: true, alarm: { id: first.alarm.id } });
    const clip = await waitFor('the clip sealed', async () =>
      (await clipsOf(first.alarm.id)).find((c) => c.status === 'sealed'),
    );
    expect(clip.endReason).toBe('post-roll');
    expect(Date.parse(clip.endedAt!)).toBeGreaterThanOrEqual(againAt + POST * 1000 - 500);
    expect(await clipsOf(first.alarm.id)).toHaveLength(1);
    const notes = (await rec.service.footage({ alarmId: first.alarm.id })).notes;
    expect(notes).toContainEqual(
      expect.objectContaining({
        kind: 'clip-extended',
        clipId: clip.id,
        message: expect.stringContaining('repeated press'),
      }),
    );
    await close(first.alarm.id);
  });

  it('a new assessment version approved while a clip runs does not cut it: it finishes its post-roll, then the camera takes the new settings', async () => {
    const POST = 8;
    await usePostRoll(POST);
    const pressedAt = Date.now();
    const alarm = (await press(201)).alarm;
    const running = await waitFor('the clip running', async () => (await clipRows(alarm.id))[0]);
    // The approval: a new policy version with another post-roll (a different ffmpeg set-up).
    const compiled = policy(roomId, typeId, 5);
    seq += 1;
    await storePolicyVersion(t, compiled, seq);
    policyChanged(rec, compiled, seq);
    const pid = rec.supervisor.pidOf(cameraId);
    await rec.reconcile();
    expect(status()).toMatchObject({ armed: true, recording: true, draining: false });
    expect(rec.supervisor.pidOf(cameraId)).toBe(pid);
    const clip = await waitFor('the clip sealed', async () =>
      (await clipsOf(alarm.id)).find((c) => c.id === running.id && c.status === 'sealed'),
    );
    expect(clip.endReason).toBe('post-roll');
    expect(Date.parse(clip.endedAt!)).toBeGreaterThanOrEqual(pressedAt + POST * 1000 - 500);
    expect(clip.policySeq).toBe(seq - 1);
    const notes = (await rec.service.footage({ alarmId: alarm.id })).notes;
    expect(notes.map((n) => n.kind)).not.toContain('clip-cut');
    await close(alarm.id);
    // Then the camera restarts under the new version, and the next clip follows it.
    await waitFor(
      'restarted under the new version',
      () => rec.supervisor.pidOf(cameraId) !== pid && (status()?.ringSeconds ?? 0) >= PRE,
    );
    const next = (await press(201)).alarm;
    const nextClip = await waitFor('a clip under the new version', async () => (await clipRows(next.id))[0]);
    expect(nextClip.policySeq).toBe(seq);
    await close(next.id);
  });

  it('a closed alarm records nothing more when its camera comes back after the close', async () => {
    await usePostRoll(60);
    cam.kill();
    await waitFor('camera offline', () => status()?.health?.state === 'offline', 30_000);
    const alarm = (await press(201)).alarm;
    await close(alarm.id);
    cam = await startRtspCamera({
      port: cam.port,
      user: 'camera',
      password: 'demo-camera-secret',
      gopFrames: 25,
      fps: 25,
    });
    // Online with a full pre-roll: well past the first keyframe, where a still-open window would begin a clip.
    await waitFor(
      'camera back',
      () => status()?.health?.state === 'online' && (status()?.ringSeconds ?? 0) >= PRE,
    );
    expect(status()?.recording).toBe(false);
    expect(await clipsOf(alarm.id)).toEqual([]);
    const notes = (await rec.service.footage({ alarmId: alarm.id })).notes;
    expect(notes.map((n) => n.kind)).toEqual(['camera-offline']);
  });

  it('after a restart: the unfinished clip is recovered from its sealed parts, and the open alarm records the rest of its post-roll', async () => {
    const POST = 20;
    await usePostRoll(POST);
    const pressedAt = Date.now();
    const alarm = (await press(201)).alarm;
    const running = await waitFor('the clip running', async () => (await clipRows(alarm.id))[0]);
    const manifest = path.join(t.dataDir, 'vault', 'clips', running.id, 'manifest.json');
    await waitFor('three parts sealed', async () => {
      const m = JSON.parse(await readFile(manifest, 'utf8').catch(() => '{"parts":[]}')) as {
        parts: unknown[];
      };
      return m.parts.length >= 3;
    });
    // The server goes down before the clip's row is finished (as after kill -9: the row stays 'recording').
    const finish = rec.service.clipFinished.bind(rec.service);
    rec.service.clipFinished = () => Promise.resolve(undefined);
    await rec.stop();
    rec.service.clipFinished = finish;
    expect((await rec.service.getClip(running.id))?.status).toBe('recording');

    await rec.start();
    const recovered = (await rec.service.getClip(running.id))!;
    expect(recovered).toMatchObject({ status: 'interrupted', endReason: 'interrupted' });
    expect(Date.parse(recovered.startedAt!)).toBeLessThanOrEqual(pressedAt - (PRE - 1) * 1000);
    expect(Date.parse(recovered.endedAt!)).toBeGreaterThan(Date.parse(recovered.startedAt!));
    expect(recovered.durationSeconds).toBeGreaterThanOrEqual(PRE);
    expect(recovered.bytes).toBeGreaterThan(0);
    expect(recovered.preRollSeconds).toBeGreaterThanOrEqual(PRE - 1);

    // The alarm is still open: the rest of its post-roll is recorded, as after a camera reconnect.
    const resumed = await waitFor(
      'the rest of the post-roll sealed',
      async () => (await clipsOf(alarm.id)).find((c) => c.id !== running.id && c.status === 'sealed'),
      90_000,
    );
    expect(resumed.endReason).toBe('post-roll');
    expect(Date.parse(resumed.endedAt!)).toBeGreaterThanOrEqual(pressedAt + POST * 1000 - 500);
    const notes = (await rec.service.footage({ alarmId: alarm.id })).notes;
    expect(notes).toContainEqual(
      expect.objectContaining({
        kind: 'clip',
        clipId: resumed.id,
        message: expect.stringContaining('resumed after a restart'),
      }),
    );
    await close(alarm.id);
  });
});
