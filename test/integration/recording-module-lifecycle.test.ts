/**
 * The recording module wired into the real runtime, on both dialects, against a real RTSP camera
 * (GStreamer) and the real ffmpeg: policy off → no process; no vault key → not armed, nothing
 * written; armed → nothing written; alarm → a clip sealed into the vault, linked to its alarm,
 * incident, camera, policy version and assessment, that Debian's `age -d` opens into an MP4
 * ffprobe accepts (keyframe at 0); objection and suspension stop ffmpeg at once (and a reconcile
 * that read its plan before cannot start it again; the latency is measured, not asserted); camera
 * offline → "no footage: camera offline since …"; retention deletes the clip; /metrics.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeMedia } from '../../src/adapters/media/ffprobe.js';
import { generateIdentity, writeIdentityFile } from '../../src/adapters/vault/keys.js';
import type { RecordingModule } from '../../src/compose/recording.compose.js';
import { availableDialects } from '../support/databases.js';
import {
  footageOf,
  recordingModule,
  startConversation as startConversationAs,
  policyChanged,
  storePolicyVersion,
  syntheticAlarm as raiseOnBus,
  tuneForTests,
  useDemoCamera,
} from '../support/recorder.js';
import { testPolicy } from '../support/recording-policy.js';
import { startRtspCamera, type RtspCamera } from '../support/rtsp-camera.js';
import { loginAs, startTestRuntime, type TestRuntime } from '../support/test-runtime.js';
import { toolsAvailable } from '../support/tools.js';
import { ffmpegChildren, waitFor } from '../support/waiting.js';

const hasTools = toolsAvailable('recording module', 'ffmpeg', 'ffprobe', 'age');

const run = promisify(execFile);
const dialects = await availableDialects();
const PRE = 3;
const POST = 2;

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) Z/.test(s);
  } catch {
    return false;
  }
};

/** Every file under dir (path → size), the database files excluded (they change by design). */
const snapshot = async (dir: string): Promise<Map<string, number>> => {
  const out = new Map<string, number>();
  const walk = async (d: string) => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (!/proportio\.sqlite(-wal|-shm|-journal)?$/.test(e.name)) out.set(p, (await stat(p)).size);
    }
  };
  await walk(dir);
  return out;
};

describe.skipIf(!hasTools).each(dialects)('recording module (%s)', (dialect) => {
  let t: TestRuntime;
  let rec: RecordingModule;
  let cam: RtspCamera;
  let work: string;
  let identityFile: string;
  let roomId: string;
  let siteId: string;
  let cameraId: string;
  let typeId: string;
  let balie: Awaited<ReturnType<typeof loginAs>>;
  let beheer: Awaited<ReturnType<typeof loginAs>>;
  let conversationId: string;
  let policySeq = 100;
  const recipientFile = () => path.join(t.dataDir, 'vault', 'recipient.txt');

  const insertPolicy = async () => {
    const compiled = testPolicy(roomId, typeId, { pre: PRE, post: POST });
    policySeq += 1;
    await storePolicyVersion(t, compiled, policySeq);
    policyChanged(rec, compiled, policySeq);
    await rec.reconcile();
  };
  const status = () => rec.supervisor.status().find((c) => c.cameraId === cameraId);
  const startConversation = async () => {
    conversationId = await startConversationAs(t, balie.headers, roomId, typeId);
    await rec.reconcile();
  };
  const endConversation = async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: `/api/conversations/${conversationId}/end`,
      headers: balie.headers,
    });
    expect(r.statusCode, r.body).toBe(200);
    await rec.reconcile();
  };
  const syntheticAlarm = (n: string) => raiseOnBus(rec, n, { siteId, roomId, conversationId });
  const footage = (incidentId: string) => footageOf(t, rec, incidentId, beheer.headers);

  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'proportio-recording-test-'));
    t = await startTestRuntime({ dialect, demo: true, env: { PROPORTIO_MQTT_PORT: '-1' } });
    rec = recordingModule(t);
    cam = await startRtspCamera({ user: 'camera', password: 'demo-camera-secret', gopFrames: 25, fps: 25 });
    ({ cameraId, roomId, siteId, typeId } = await useDemoCamera(t, { port: cam.port, enable: true }));
    const identity = generateIdentity();
    identityFile = path.join(work, 'vault-identity.txt');
    await writeIdentityFile(identityFile, identity);
    balie = await loginAs(t.app, 'balie');
    beheer = await loginAs(t.app, 'beheer');
    tuneForTests(rec, { backoff: { initialMs: 300, maxMs: 1500, factor: 2 } });
    // As `serve`: only the leader records (on PostgreSQL, the holder of the lock).
    await t.rt.cluster.startLeadership();
    await rec.start();
    await insertPolicy();
  });

  afterAll(async () => {
    await rec?.stop();
    await cam?.stop();
    await t?.close();
    await rm(work, { recursive: true, force: true });
  });

  it('policy off (no conversation yet): no ffmpeg at all, no connection', async () => {
    await rec.reconcile();
    expect(status()).toMatchObject({ armed: false, mode: 'off' });
    expect(status()?.offReason).toContain('no conversation');
    expect(await ffmpegChildren()).toEqual([]);
  });

  it('no vault key: refuses to arm (fail closed), health error, nothing written, the alarm says why', async () => {
    await startConversation();
    expect(status()?.armed).toBe(false);
    expect(await ffmpegChildren()).toEqual([]);
    expect(rec.health()).toContainEqual(
      expect.objectContaining({
        component: 'recording',
        status: 'error',
        message: expect.stringContaining('no vault key'),
      }),
    );
    await expect(stat(path.join(t.dataDir, 'vault', 'clips'))).rejects.toThrow();
    const incident = syntheticAlarm('nokey');
    const f = await footage(incident);
    expect(f.notes).toEqual([
      expect.objectContaining({
        kind: 'vault-key-missing',
        message: expect.stringContaining('no footage: no vault key'),
      }),
    ]);
  });

  it('armed: one ffmpeg, memory ring filling, and no file appears anywhere in the data folder', async () => {
    await mkdir(path.join(t.dataDir, 'vault'), { recursive: true });
    await writeFile(
      recipientFile(),
      `${(await readFile(identityFile, 'utf8')).match(/age1[0-9a-z]+/)![0]}\n`,
    );
    await rec.reconcile();
    expect(status()?.armed).toBe(true);
    const before = await snapshot(t.dataDir);
    await waitFor('a full pre-roll in the ring', () => (status()?.ringSeconds ?? 0) >= PRE);
    await new Promise((r) => setTimeout(r, 1000));
    expect(await snapshot(t.dataDir)).toEqual(before);
    expect(await ffmpegChildren()).toHaveLength(1);
    expect(status()?.health).toMatchObject({ state: 'online', codec: 'avc1' });
    expect(rec.health()).toContainEqual(
      expect.objectContaining({
        component: 'camera:Camera plafond',
        status: 'ok',
        message: 'armed, receiving video',
      }),
    );
  });

  it('an alarm seals a clip into the vault, linked to alarm, incident, camera, policy and assessment; age -d opens it; ffprobe accepts it', async () => {
    const raisedAt = Date.now();
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/alarms',
      headers: balie.headers,
      payload: { roomId },
    });
    expect(r.statusCode, r.body).toBe(201);
    const alarm = r.json<{ alarm: { id: string; incidentId: string } }>().alarm;
    const clip = await waitFor('a sealed clip', async () => {
      await rec.supervisor.settled();
      return (await rec.service.listClips({ alarmId: alarm.id })).find((c) => c.status === 'sealed');
    });
    expect(clip).toMatchObject({
      cameraId,
      roomId,
      siteId,
      alarmId: alarm.id,
      incidentId: alarm.incidentId,
      conversationId,
      mode: 'incident',
      policySeq,
      assessmentIds: ['a-black-box'],
      endReason: 'post-roll',
      codec: 'avc1',
      width: 640,
      height: 360,
    });
    expect(clip.manifestDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(clip.durationSeconds).toBeGreaterThanOrEqual(PRE + POST - 1);
    expect(clip.keyframeIntervalSeconds).toBeCloseTo(1, 1);
    expect(Date.parse(clip.startedAt!)).toBeLessThanOrEqual(raisedAt - (PRE - 1) * 1000);
    expect(Date.parse(clip.retentionUntil!) - Date.parse(clip.sealedAt!)).toBe(72 * 3_600_000);

    // The vault holds only age files and a manifest; Debian's age opens every part with the identity.
    const dir = path.join(t.dataDir, 'vault', 'clips', clip.id);
    const files = (await readdir(dir)).sort();
    expect(files.filter((f) => f !== 'manifest.json').every((f) => /^part-\d{6}\.age$/.test(f))).toBe(true);
    const plain: Buffer[] = [];
    for (const f of files.filter((x) => x.endsWith('.age'))) {
      const head = (await readFile(path.join(dir, f))).subarray(0, 22).toString('latin1');
      expect(head).toBe('age-encryption.org/v1\n');
      const { stdout } = await run('age', ['-d', '-i', identityFile, path.join(dir, f)], {
        encoding: 'buffer',
        maxBuffer: 256 * 1024 * 1024,
      });
      plain.push(stdout);
    }
    const mp4 = path.join(work, `${dialect}-clip.mp4`);
    await writeFile(mp4, Buffer.concat(plain));
    expect(Buffer.concat(plain).length).toBe(clip.bytes);
    const probe = await probeMedia(mp4);
    if (!probe.ok) throw new Error(probe.error.message);
    expect(probe.value.firstVideoFrame).toEqual({ keyframe: true, ptsSeconds: 0 });
    expect(probe.value.durationSeconds).toBeGreaterThanOrEqual(PRE + POST - 1);

    const f = await footage(alarm.incidentId);
    expect(f.notes).toContainEqual(expect.objectContaining({ kind: 'clip', clipId: clip.id, cameraId }));
    expect(f.clips.map((c) => c.id)).toEqual([clip.id]);
    const audit = await t.rt.store.read.audit.page({ limit: 50, subject: `clip:${clip.id}` });
    expect(audit.map((a) => a.action).sort()).toEqual(['clip.open', 'clip.sealed']);

    const closed = await t.app.inject({
      method: 'POST',
      url: `/api/alarms/${alarm.id}/close`,
      headers: (await loginAs(t.app, 'beveiliging')).headers,
      payload: {},
    });
    expect([200, 204]).toContain(closed.statusCode);
  });

  it('metrics: Prometheus text for the camera and the clip totals; API shows clip metadata only', async () => {
    const m = await t.app.inject({ method: 'GET', url: '/metrics', headers: beheer.headers });
    expect(m.statusCode).toBe(200);
    expect(m.headers['content-type']).toContain('text/plain');
    expect(m.body).toContain(
      `proportio_camera_state{camera_id="${cameraId}",camera="Camera plafond",room_id="${roomId}",site_id="${siteId}",state="online"} 1`,
    );
    expect(m.body).toMatch(/proportio_clips_sealed_total 1\n/);
    expect(Number(/proportio_camera_gop_seconds\{[^}]*\} ([\d.]+)\n/.exec(m.body)?.[1])).toBeCloseTo(1, 1);
    expect(m.body).not.toContain('demo-camera-secret');
    expect((await t.app.inject({ method: 'GET', url: '/metrics', headers: balie.headers })).statusCode).toBe(
      403,
    );
    expect((await t.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(401);
    const cams = await t.app.inject({
      method: 'GET',
      url: '/api/recording/cameras',
      headers: beheer.headers,
    });
    expect(cams.json<{ state: string }[]>()[0]).toMatchObject({ state: 'online', armed: true });
    expect(cams.body).not.toContain('demo-camera-secret');
    // The camera status page tells a recorder that does not run from one without cameras.
    const st = await t.app.inject({ method: 'GET', url: '/api/recording/status', headers: beheer.headers });
    expect(st.json<{ running: boolean; cameras: unknown[] }>()).toMatchObject({ running: true });
  });

  it('objection: ffmpeg stopped and ring purged at once, even against a reconcile that read its plan before; audited without the resident; back to policy at the next conversation', async () => {
    await waitFor('armed and buffering', () => (status()?.ringBytes ?? 0) > 0);
    const pid = rec.supervisor.pidOf(cameraId)!;
    expect(alive(pid)).toBe(true);
    // A reconcile that reads its plan (camera on) before the objection commits and applies it after.
    const realPlan = rec.service.plan.bind(rec.service);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    let planRead: () => void = () => undefined;
    const read = new Promise<void>((r) => (planRead = r));
    rec.service.plan = async () => {
      const plans = await realPlan();
      planRead();
      await gate;
      return plans;
    };
    const stale = rec.reconcile();
    await read;
    const t0 = performance.now();
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/recording/objections',
      headers: balie.headers,
      payload: { roomId },
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(status()).toMatchObject({ armed: false, ringBytes: 0 });
    rec.service.plan = realPlan;
    release();
    await stale;
    expect(rec.supervisor.pidOf(cameraId)).toBeUndefined();
    expect(status()).toMatchObject({ armed: false, ringBytes: 0 });
    await waitFor('ffmpeg gone', () => !alive(pid), 10_000);
    // Measured, not asserted (docs/recording.md): the objection's time to a dead ffmpeg.
    console.info(`objection → ffmpeg dead: ${Math.round(performance.now() - t0)} ms (${dialect})`);
    await rec.reconcile();
    expect(rec.supervisor.pidOf(cameraId)).toBeUndefined();
    expect(await ffmpegChildren()).toEqual([]);
    const audit = (await t.rt.store.read.audit.page({ limit: 5, action: 'recording.objection' }))[0]!;
    expect(audit.details).toEqual({ conversationId });
    await rec.reconcile();
    expect(status()?.armed).toBe(false);
    const f = await footage(syntheticAlarm('objection'));
    expect(f.notes[0]).toMatchObject({ kind: 'objection', message: expect.stringContaining('no footage') });
    await endConversation();
    await startConversation();
    expect(status()?.armed).toBe(true);
  });

  it('suspend: every affected ffmpeg stopped at once, on every screen, alarms noted "no footage: recording suspended"; resume needs a reason', async () => {
    await waitFor('online again', () => status()?.health?.state === 'online');
    const pid = rec.supervisor.pidOf(cameraId)!;
    const fg = await loginAs(t.app, 'fg');
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/recording/suspensions',
      headers: fg.headers,
      payload: { scope: 'site', siteId },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/recording/suspensions',
          headers: balie.headers,
          payload: { scope: 'organisation', reason: 'test' },
        })
      ).statusCode,
    ).toBe(403);
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/recording/suspensions',
      headers: fg.headers,
      payload: { scope: 'site', siteId, reason: 'Onderzoek naar camerabeleid' },
    });
    expect(r.statusCode, r.body).toBe(201);
    const suspension = r.json<{ id: string }>();
    await waitFor('ffmpeg gone', () => !alive(pid), 10_000);
    expect(status()?.armed).toBe(false);
    const h = await t.app.inject({ method: 'GET', url: '/api/health', headers: balie.headers });
    expect(
      h
        .json<{ items: { message: string }[] }>()
        .items.some(
          (i) =>
            i.message.includes('Recording suspended') && i.message.includes('Onderzoek naar camerabeleid'),
        ),
    ).toBe(true);
    const f = await footage(syntheticAlarm('suspended'));
    expect(f.notes[0]?.message).toMatch(/^no footage: recording suspended/);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/recording/suspensions',
          headers: fg.headers,
          payload: { scope: 'site', siteId, reason: 'nog eens' },
        })
      ).statusCode,
    ).toBe(409);
    const noReason = await t.app.inject({
      method: 'POST',
      url: `/api/recording/suspensions/${suspension.id}/resume`,
      headers: fg.headers,
      payload: {},
    });
    expect(noReason.statusCode).toBe(400);
    const resumed = await t.app.inject({
      method: 'POST',
      url: `/api/recording/suspensions/${suspension.id}/resume`,
      headers: fg.headers,
      payload: { reason: 'Onderzoek afgerond' },
    });
    expect(resumed.statusCode, resumed.body).toBe(200);
    expect(status()?.armed).toBe(true);
    const actions = (await t.rt.store.read.audit.page({ limit: 20 })).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['recording.suspend', 'recording.resume']));
  });

  it('camera offline: the alarm still makes its incident say "no footage: camera offline since …"; health error', async () => {
    await waitFor('online', () => status()?.health?.state === 'online');
    cam.kill();
    await waitFor('offline', () => status()?.health?.state === 'offline', 15_000);
    const f = await footage(syntheticAlarm('offline'));
    expect(f.notes[0]).toMatchObject({
      kind: 'camera-offline',
      message: expect.stringMatching(/^no footage: camera offline since \d{4}-\d\d-\d\dT/),
    });
    expect(rec.health()).toContainEqual(
      expect.objectContaining({
        component: 'camera:Camera plafond',
        status: 'error',
        message: expect.stringContaining('camera offline since'),
      }),
    );
  });

  it('retention: a clip past its retention is deleted from the vault for good, the row kept as a tombstone, audited', async () => {
    const clip = (await rec.service.listClips({})).find((c) => c.status === 'sealed')!;
    await rec.service.clipFinished(
      clip.id,
      {
        ok: true,
        value: { manifestDigest: clip.manifestDigest! },
        sealedBytes: clip.sealedBytes!,
        parts: clip.parts!,
      },
      null,
    );
    await sql`UPDATE clips SET retention_until = ${new Date(Date.now() - 1000).toISOString()} WHERE id = ${clip.id}`.execute(
      t.rt.database.db,
    );
    const r = await rec.sweepRetention();
    expect(r.deleted).toEqual([clip.id]);
    await expect(stat(path.join(t.dataDir, 'vault', 'clips', clip.id))).rejects.toThrow();
    expect(await rec.service.getClip(clip.id)).toMatchObject({
      status: 'deleted',
      deletedReason: 'retention',
    });
    const audit = await t.rt.store.read.audit.page({ limit: 5, action: 'clip.deleted' });
    expect(audit[0]).toMatchObject({
      subject: `clip:${clip.id}`,
      details: expect.objectContaining({ reason: 'retention' }),
    });
    expect((await rec.sweepRetention()).deleted).toEqual([]);
  });

  it('the vault key removed again: disarmed at once (fail closed)', async () => {
    await unlink(recipientFile());
    await rec.reconcile();
    expect(status()?.armed).toBe(false);
    expect(await ffmpegChildren()).toEqual([]);
  });
});
