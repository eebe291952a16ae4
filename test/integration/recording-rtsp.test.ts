/**
 * The recorder against a real RTSP camera (GStreamer's RTSP server, TCP, Digest auth) and the real
 * ffmpeg: right and wrong password, an unreachable camera, a non-H.264 camera, and a camera that
 * dies in the middle of a clip.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Fmp4Parser } from '../../src/core/recording/fmp4-parser.js';
import { probeMedia } from '../../src/adapters/media/ffprobe.js';
import { armCamera } from '../support/ffmpeg-source.js';
import { freePort, startRtspCamera, type RtspCamera } from '../support/rtsp-camera.js';
import { toolsAvailable } from '../support/tools.js';

const hasTools = toolsAvailable('RTSP camera', 'ffmpeg', 'ffprobe');

const cameras: RtspCamera[] = [];
const stops: (() => Promise<void>)[] = [];

afterAll(async () => {
  for (const s of stops) await s();
  for (const c of cameras) await c.stop();
});

const camera = async (o: Parameters<typeof startRtspCamera>[0] = {}): Promise<RtspCamera> => {
  const c = await startRtspCamera(o);
  cameras.push(c);
  return c;
};

describe.skipIf(!hasTools)('recorder with a real RTSP camera', () => {
  it('right password over TCP: online, H.264, GOP measured, a clip that starts on a keyframe at 0', async () => {
    const cam = await camera({ gopFrames: 25 });
    const rec = armCamera({
      source: { url: cam.url(), transport: 'tcp', audio: false, timeoutSeconds: 5 },
      clip: { preRollSeconds: 2, postRollSeconds: 2 },
    });
    stops.push(rec.stop);
    rec.start();
    await rec.waitFor('pre-roll', () => rec.rec.ring.spanSeconds >= 2);
    expect(rec.ingest.health()).toMatchObject({
      state: 'online',
      codec: 'avc1',
      width: 640,
      height: 360,
      error: null,
    });
    expect(rec.ingest.health().gopSeconds).toBeCloseTo(1, 1);
    expect(rec.ingest.health().bitrateBps).toBeGreaterThan(0);
    rec.rec.alarm(Date.now());
    const meta = await rec.clips[0]?.done;
    expect(meta?.reason).toBe('post-roll');
    // Written to a file only here, for ffprobe to read the duration.
    const dir = await mkdtemp(path.join(os.tmpdir(), 'proportio-rtsp-clip-'));
    stops.push(() => rm(dir, { recursive: true, force: true }));
    await writeFile(path.join(dir, 'clip.mp4'), Buffer.concat(rec.clips[0]?.chunks ?? []));
    const probe = await probeMedia(path.join(dir, 'clip.mp4'));
    if (!probe.ok) throw new Error(probe.error.message);
    expect(probe.value.firstVideoFrame).toEqual({ keyframe: true, ptsSeconds: 0 });
    expect(probe.value.durationSeconds).toBeGreaterThanOrEqual(2 + 2 - 1);
    await rec.stop();
  });

  it('the password never appears in the running ffmpeg argv (ps, /proc/<pid>/cmdline), Digest auth still works', async () => {
    const secret = "Sé'cret:p@ss/w0rd";
    const cam = await camera({ user: 'operator', password: secret });
    const rec = armCamera({ source: { url: cam.url(), audio: false, timeoutSeconds: 5 } });
    stops.push(rec.stop);
    rec.start();
    await rec.waitFor('online', () => rec.ingest.health().state === 'online');
    const pid = rec.ingest.pid;
    if (pid === undefined) throw new Error('no ffmpeg running');
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    expect(argv).toContain('pipe:3');
    for (const leak of [secret, encodeURIComponent(secret), 'operator', `${cam.port}/stream`])
      expect(argv.join(' ')).not.toContain(leak);
    expect(readFileSync(`/proc/${pid}/environ`, 'utf8')).not.toContain(encodeURIComponent(secret));
    await rec.stop();
  });

  it('wrong password: unauthorised, the password never appears in the error', async () => {
    const cam = await camera({ password: 'the-real-one' });
    const rec = armCamera({
      source: { url: cam.url('camera', 'guessed-wrong'), audio: false, timeoutSeconds: 5 },
    });
    stops.push(rec.stop);
    rec.start();
    await rec.waitFor('unauthorised', () => rec.ingest.health().state === 'unauthorised');
    const h = rec.ingest.health();
    expect(h.error?.code).toBe('RECORDING.CAMERA_UNAUTHORISED');
    expect(JSON.stringify(rec.health)).not.toContain('guessed-wrong');
    expect(rec.fragments).toEqual([]);
    await rec.stop();
  });

  it('unreachable port: offline, retried with growing delays', async () => {
    const port = await freePort();
    const rec = armCamera({
      source: { url: `rtsp://u:p@127.0.0.1:${port}/stream`, audio: false, timeoutSeconds: 2 },
      backoff: { initialMs: 200, maxMs: 800, factor: 2 },
    });
    stops.push(rec.stop);
    rec.start();
    await rec.waitFor('three attempts', () => rec.ingest.health().restarts >= 3);
    expect(rec.ingest.health()).toMatchObject({
      state: 'offline',
      error: { code: 'RECORDING.CAMERA_UNREACHABLE' },
    });
    // Each failure schedules the next attempt further out: 200, 400, 800 ms (capped).
    const delays = [
      ...new Set(
        rec.health.filter((h) => h.nextAttemptAt !== null).map((h) => `${h.restarts}:${h.retryDelayMs}`),
      ),
    ];
    expect(delays.slice(0, 4)).toEqual(
      ['1:200', '2:400', '3:800', '4:800'].slice(0, delays.slice(0, 4).length),
    );
    expect(delays.length).toBeGreaterThanOrEqual(3);
    // An alarm now still gets an answer: no footage, never a silent gap.
    expect(rec.rec.alarm(Date.now())).toEqual({ kind: 'no-footage', reason: 'no-stream' });
    await rec.stop();
  });

  it('a camera sending MJPEG instead of H.264: bad-stream', async () => {
    const cam = await camera({ codec: 'jpeg', size: '320x240', fps: 10 });
    const rec = armCamera({ source: { url: cam.url(), audio: false, timeoutSeconds: 5 } });
    stops.push(rec.stop);
    rec.start();
    await rec.waitFor('bad-stream', () => rec.ingest.health().state === 'bad-stream');
    expect(rec.ingest.health().error?.code).toBe('RECORDING.BAD_STREAM');
    expect(rec.fragments).toEqual([]);
    await rec.stop();
  });

  it('camera killed mid-clip: the clip closes with every fragment received, health goes offline', async () => {
    const cam = await camera({ gopFrames: 25 });
    const rec = armCamera({
      source: { url: cam.url(), audio: false, timeoutSeconds: 3 },
      clip: { preRollSeconds: 2, postRollSeconds: 30 },
      stallSeconds: 4,
      backoff: { initialMs: 500, maxMs: 2000, factor: 2 },
    });
    stops.push(rec.stop);
    rec.start();
    await rec.waitFor('pre-roll', () => rec.rec.ring.spanSeconds >= 2);
    rec.rec.alarm(Date.now());
    const atAlarm = rec.fragments.length;
    await rec.waitFor('two live fragments', () => rec.fragments.length >= atAlarm + 2);
    cam.kill();
    const meta = await rec.clips[0]?.done;
    expect(meta?.reason).toBe('camera-lost');
    await rec.waitFor('offline', () => rec.ingest.health().state === 'offline');
    expect(rec.ingest.health().error?.code).toMatch(/RECORDING\.(CAMERA_UNREACHABLE|STALLED)/);
    // Everything the ring held plus every live fragment is in the clip, and it is a valid MP4.
    const p = new Fmp4Parser();
    const parsed = p.push(Buffer.concat(rec.clips[0]?.chunks ?? []));
    if (!parsed.ok) throw new Error(parsed.error.message);
    const inClip = parsed.value.filter((e) => e.type === 'fragment').length;
    expect(inClip).toBe(meta?.fragmentCount);
    const firstInClip = rec.fragments.findIndex(
      (f) => Math.abs(f.start - (meta?.sourceStartSeconds ?? -1)) < 1e-6,
    );
    expect(inClip).toBe(rec.fragments.length - firstInClip);
    const probe = await probeMedia(Buffer.concat(rec.clips[0]?.chunks ?? []));
    expect(probe.ok && probe.value.firstVideoFrame?.keyframe).toBe(true);
    await rec.stop();
  });
});
