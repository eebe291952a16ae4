/**
 * Cameras can be disabled, enabled and removed (issue 8 §5.6), on both dialects, with the real
 * recorder, ffmpeg and the GStreamer RTSP camera (Digest auth): a disabled camera is never armed,
 * raises no health error and leaves the note "camera disabled" on an alarm in its room; a removed
 * camera is gone from every list and never armed, and its clips stay. The demo camera starts
 * disabled. A user name without a password is refused (§5.7).
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordingModule } from '../../src/compose/recording.compose.js';
import { availableDialects } from '../support/databases.js';
import { startRtspCamera, type RtspCamera } from '../support/rtsp-camera.js';
import { loginAs, startTestRuntime, type TestRuntime } from '../support/test-runtime.js';
import {
  footageOf,
  recordingModule,
  startConversation,
  storePolicyVersion,
  syntheticAlarm as raiseOnBus,
  tuneForTests,
  useDemoCamera,
  writeVaultRecipient,
} from '../support/recorder.js';
import { testPolicy } from '../support/recording-policy.js';
import { ffmpegChildren, waitFor } from '../support/waiting.js';

const dialects = await availableDialects();

interface CameraView {
  id: string;
  name: string;
  roomId: string;
  disabled: boolean;
  disabledAt: string | null;
}

describe.each(dialects)('camera disable / enable / remove (%s)', (dialect) => {
  let t: TestRuntime;
  let rec: RecordingModule;
  let cam: RtspCamera;
  let admin: Awaited<ReturnType<typeof loginAs>>['headers'];
  let cameraId: string;
  let roomId: string;
  let siteId: string;
  let typeId: string;

  const status = () => rec.supervisor.status().find((c) => c.cameraId === cameraId);
  const auditActions = async (subject: string) =>
    (
      await sql<{
        action: string;
      }>`SELECT action FROM audit_log WHERE subject = ${subject} ORDER BY seq`.execute(t.rt.database.db)
    ).rows.map((r) => r.action);
  const cameraErrors = () =>
    rec.health().filter((h) => h.component.startsWith('camera:') && h.status === 'error');
  const footageNotes = async (incidentId: string) => (await footageOf(t, rec, incidentId, admin)).notes;
  let alarms = 0;
  const syntheticAlarm = () => {
    alarms += 1;
    return raiseOnBus(rec, `cam-${alarms}`, { siteId, roomId });
  };

  beforeAll(async () => {
    t = await startTestRuntime({ dialect, demo: true, env: { PROPORTIO_MQTT_PORT: '-1' } });
    rec = recordingModule(t);
    cam = await startRtspCamera({ user: 'camera', password: 'demo-camera-secret', gopFrames: 25, fps: 25 });
    admin = (await loginAs(t.app, 'beheer')).headers;
    // Left disabled, as the demo data has it: the first test checks that.
    ({ cameraId, roomId, siteId, typeId } = await useDemoCamera(t, { port: cam.port, enable: false }));
    await writeVaultRecipient(t);
    tuneForTests(rec);
    // As `serve`: only the leader records (on PostgreSQL, the holder of the lock).
    await t.rt.cluster.startLeadership();
    await rec.start();
    await storePolicyVersion(t, testPolicy(roomId, typeId, { pre: 2, post: 2 }), 700);
    await startConversation(t, (await loginAs(t.app, 'balie')).headers, roomId, typeId);
    await rec.reconcile();
  });

  afterAll(async () => {
    await rec?.stop();
    await cam?.stop();
    await t?.close();
  });

  it('the demo camera starts disabled: policy and conversation allow recording, yet no ffmpeg and no health error; the alarm note says "disabled"', async () => {
    const list = await t.app.inject({ method: 'GET', url: '/api/cameras', headers: admin });
    expect(list.json<CameraView[]>()).toEqual([
      expect.objectContaining({ id: cameraId, disabled: true, disabledAt: expect.any(String) }),
    ]);
    expect(status()).toMatchObject({ armed: false, offReason: expect.stringContaining('camera disabled') });
    expect(await ffmpegChildren()).toEqual([]);
    expect(cameraErrors()).toEqual([]);
    const notes = await footageNotes(syntheticAlarm());
    expect(notes).toEqual([
      expect.objectContaining({
        kind: 'camera-disabled',
        cameraId,
        message: expect.stringMatching(/^no footage: camera disabled by an administrator since \d{4}-/),
      }),
    ]);
  });

  it('only cameras:write may switch a camera; bad ids are 404', async () => {
    const security = (await loginAs(t.app, 'beveiliging')).headers;
    for (const [method, url] of [
      ['POST', `/api/cameras/${cameraId}/enable`],
      ['POST', `/api/cameras/${cameraId}/disable`],
      ['DELETE', `/api/cameras/${cameraId}`],
    ] as const) {
      const r = await t.app.inject({ method, url, headers: security });
      expect(r.statusCode, `${method} ${url}`).toBe(403);
    }
    for (const [method, url] of [
      ['POST', '/api/cameras/no-such-camera/enable'],
      ['DELETE', '/api/cameras/no-such-camera'],
    ] as const) {
      const r = await t.app.inject({ method, url, headers: admin });
      expect(r.statusCode, `${method} ${url}`).toBe(404);
      expect(r.json<{ code: string }>().code).toBe('RESOURCE.NOT_FOUND');
    }
    expect(status()?.armed).toBe(false);
  });

  it('enable arms it (real ffmpeg, Digest auth, online); disable stops ffmpeg and quiets health; both audited', async () => {
    const on = await t.app.inject({ method: 'POST', url: `/api/cameras/${cameraId}/enable`, headers: admin });
    expect(on.statusCode, on.body).toBe(200);
    expect(on.json<CameraView>()).toMatchObject({ disabled: false, disabledAt: null });
    // The change itself triggers the re-plan (camera.changed); no reconcile() call here.
    await waitFor('armed and online', () => status()?.armed && status()?.health?.state === 'online');
    expect(await ffmpegChildren()).toHaveLength(1);

    const off = await t.app.inject({
      method: 'POST',
      url: `/api/cameras/${cameraId}/disable`,
      headers: admin,
    });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json<CameraView>()).toMatchObject({ disabled: true });
    await waitFor('ffmpeg gone', async () => !status()?.armed && (await ffmpegChildren()).length === 0);
    expect(cameraErrors()).toEqual([]);
    // Disabling again changes nothing and is not audited twice.
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/cameras/${cameraId}/disable`,
      headers: admin,
    });
    expect(again.statusCode).toBe(200);
    expect(await auditActions(`camera:${cameraId}`)).toEqual([
      'camera.create',
      'camera.enable',
      'camera.disable',
    ]);
  });

  it('an enabled camera whose server is gone shows a health error; disabling it clears the error', async () => {
    const other = await startRtspCamera({ user: 'camera', password: 'demo-camera-secret' });
    const port = other.port;
    await other.stop();
    await t.rt.store.transaction(async (repos) => {
      const c = (await repos.cameras.getWithSecret(cameraId))!;
      await repos.cameras.update({ ...c, url: `rtsp://127.0.0.1:${port}/stream` });
    });
    await t.app.inject({ method: 'POST', url: `/api/cameras/${cameraId}/enable`, headers: admin });
    await waitFor('a camera error', () => cameraErrors().length > 0);
    await t.app.inject({ method: 'POST', url: `/api/cameras/${cameraId}/disable`, headers: admin });
    await waitFor('no camera error', () => cameraErrors().length === 0 && !status()?.armed);
    await t.rt.store.transaction(async (repos) => {
      const c = (await repos.cameras.getWithSecret(cameraId))!;
      await repos.cameras.update({ ...c, url: `rtsp://127.0.0.1:${cam.port}/stream` });
    });
  });

  it('remove: gone from lists and never armed, the row and its clips stay, the name stays taken; audited', async () => {
    const on = await t.app.inject({ method: 'POST', url: `/api/cameras/${cameraId}/enable`, headers: admin });
    expect(on.statusCode).toBe(200);
    await waitFor('armed', () => status()?.armed);
    // A clip that references the camera (metadata only).
    await rec.service.clipOpened({
      id: 'clip-of-removed-camera',
      cameraId,
      roomId,
      siteId,
      alarmId: 'alarm-x',
      incidentId: null,
      alarmIds: ['alarm-x'],
      incidentIds: [],
      conversationId: null,
      mode: 'incident',
      policySeq: 700,
      policyCompiledAt: null,
      policyHash: null,
      assessmentIds: ['a-black-box'],
      retentionHours: 24,
    });

    const del = await t.app.inject({ method: 'DELETE', url: `/api/cameras/${cameraId}`, headers: admin });
    expect(del.statusCode, del.body).toBe(204);
    await waitFor('ffmpeg gone', async () => status() === undefined && (await ffmpegChildren()).length === 0);
    await rec.reconcile();
    expect(status()).toBeUndefined();
    expect(await ffmpegChildren()).toEqual([]);

    const list = await t.app.inject({ method: 'GET', url: '/api/cameras', headers: admin });
    expect(list.json<CameraView[]>()).toEqual([]);
    const one = await t.app.inject({ method: 'GET', url: `/api/cameras/${cameraId}`, headers: admin });
    expect(one.statusCode).toBe(404);
    const statusList = await t.app.inject({ method: 'GET', url: '/api/recording/cameras', headers: admin });
    expect(statusList.body).not.toContain(cameraId);
    const enable = await t.app.inject({
      method: 'POST',
      url: `/api/cameras/${cameraId}/enable`,
      headers: admin,
    });
    expect(enable.statusCode).toBe(404);
    const again = await t.app.inject({ method: 'DELETE', url: `/api/cameras/${cameraId}`, headers: admin });
    expect(again.statusCode).toBe(404);

    const row = await sql<{
      removed_at: string | null;
    }>`SELECT removed_at FROM cameras WHERE id = ${cameraId}`.execute(t.rt.database.db);
    expect(row.rows[0]?.removed_at).toEqual(expect.any(String));
    const clip = await t.app.inject({
      method: 'GET',
      url: '/api/recording/clips/clip-of-removed-camera',
      headers: admin,
    });
    expect(clip.statusCode, clip.body).toBe(200);
    expect(clip.json<{ cameraId: string }>().cameraId).toBe(cameraId);

    const reuse = await t.app.inject({
      method: 'POST',
      url: '/api/cameras',
      headers: admin,
      payload: { roomId, name: 'Camera plafond', url: 'rtsp://10.0.0.9/s' },
    });
    expect(reuse.statusCode).toBe(409);
    expect(reuse.json<{ detail: string }>().detail).toContain('removed camera');

    const alarmNotes = await footageNotes(syntheticAlarm());
    expect(alarmNotes.filter((n) => n.cameraId === cameraId)).toEqual([]);
    expect(await auditActions(`camera:${cameraId}`)).toEqual([
      'camera.create',
      'camera.enable',
      'camera.disable',
      'camera.enable',
      'camera.disable',
      'camera.enable',
      'camera.remove',
    ]);
  });

  it('a user name without a password is refused with 400 naming the field; nothing is stored', async () => {
    const before = (await t.rt.store.read.cameras.list()).length;
    for (const payload of [
      { roomId, name: 'Zonder wachtwoord', url: 'rtsp://10.0.0.7/s', username: 'viewer' },
      { roomId, name: 'Zonder wachtwoord', url: 'rtsp://viewer@10.0.0.7/s' },
      { roomId, name: 'Zonder wachtwoord', url: 'rtsp://10.0.0.7/s', username: 'viewer', password: '' },
    ]) {
      const r = await t.app.inject({ method: 'POST', url: '/api/cameras', headers: admin, payload });
      expect(r.statusCode, r.body).toBe(400);
      expect(r.json()).toMatchObject({ code: 'REQUEST.INVALID' });
      expect(r.body).toContain('password');
    }
    expect((await t.rt.store.read.cameras.list()).length).toBe(before);
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/cameras',
      headers: admin,
      payload: {
        roomId,
        name: 'Met wachtwoord',
        url: 'rtsp://10.0.0.7/s',
        username: 'viewer',
        password: 'pw',
      },
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ hasCredentials: true, disabled: false });
  });
});
