/**
 * Several instances on one PostgreSQL record a camera once (issue 13 §2, ADR 0013 and 0015): only
 * the leader's local agent arms the demo camera, the other's supervisor arms nothing; when the
 * leader goes, the other takes the lock and arms it. Two runtimes in one process, a real ffmpeg
 * and the GStreamer RTSP camera: the ffmpeg children of this process count the recordings.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordingModule } from '../../src/compose/recording.compose.js';
import { availableDialects } from '../support/databases.js';
import {
  recordingModule,
  startConversation,
  storePolicyVersion,
  tuneForTests,
  useDemoCamera,
  writeVaultRecipient,
} from '../support/recorder.js';
import { testPolicy } from '../support/recording-policy.js';
import { startRtspCamera, type RtspCamera } from '../support/rtsp-camera.js';
import { loginAs, startTestRuntime, type TestRuntime } from '../support/test-runtime.js';
import { ffmpegChildren, waitFor } from '../support/waiting.js';

const postgres = (await availableDialects()).includes('postgres');

describe.runIf(postgres)('the local recorder runs on the leader only', () => {
  let a: TestRuntime;
  let b: TestRuntime;
  let cam: RtspCamera;
  let cameraId = '';
  const armed = (rec: RecordingModule) =>
    rec.supervisor.status().some((c) => c.cameraId === cameraId && c.armed);

  beforeAll(async () => {
    const env = { PROPORTIO_MQTT_PORT: '-1' };
    a = await startTestRuntime({ dialect: 'postgres', demo: true, env });
    b = await startTestRuntime({
      dialect: 'postgres',
      joinDatabaseUrl: a.databaseUrl,
      dataDir: a.dataDir,
      env,
    });
    cam = await startRtspCamera({ user: 'camera', password: 'demo-camera-secret', gopFrames: 25, fps: 25 });
    const demo = await useDemoCamera(a, { port: cam.port, enable: true });
    cameraId = demo.cameraId;
    await writeVaultRecipient(a);
    tuneForTests(recordingModule(a));
    tuneForTests(recordingModule(b));
    // As `serve` does; A takes the lock first.
    await a.rt.start();
    await b.rt.start();
    await storePolicyVersion(a, testPolicy(demo.roomId, demo.typeId, { pre: 2, post: 2 }), 700);
    await startConversation(a, (await loginAs(a.app, 'balie')).headers, demo.roomId, demo.typeId);
  }, 120_000);

  afterAll(async () => {
    for (const t of [b, a]) {
      if (!t) continue;
      for (const m of [...t.rt.modules].reverse()) await m.stop();
      await t.close();
    }
    await cam?.stop();
  });

  it("arms the camera on the leader only: one ffmpeg, the follower's supervisor idle", async () => {
    expect(a.rt.cluster.isLeader()).toBe(true);
    expect(b.rt.cluster.isLeader()).toBe(false);
    await recordingModule(a).reconcile();
    await recordingModule(b).reconcile();
    await waitFor("the leader's recorder to arm the camera", () => armed(recordingModule(a)));
    expect(
      recordingModule(b)
        .supervisor.status()
        .filter((c) => c.armed),
    ).toEqual([]);
    await expect.poll(ffmpegChildren, { timeout: 30_000 }).toHaveLength(1);
  });

  it('arms it on the other instance once the leader is gone', async () => {
    for (const m of [...a.rt.modules].reverse()) await m.stop();
    await a.rt.cluster.close();
    await waitFor('the other instance to lead', () => b.rt.cluster.isLeader());
    await waitFor("the new leader's recorder to arm the camera", () => armed(recordingModule(b)));
    await expect.poll(ffmpegChildren, { timeout: 30_000 }).toHaveLength(1);
  });
});
