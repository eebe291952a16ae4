/**
 * The recorder against the real ffmpeg (Debian 5.1) on a synthetic camera: a pre-encoded H.264
 * test pattern with the frame number burnt in, replayed in real time, so the ingest only copies.
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locateFfmpeg, parseFfmpegVersion } from '../../src/adapters/media/ffmpeg.js';
import { probeMedia } from '../../src/adapters/media/ffprobe.js';
import { armCamera, frameHashes, sourceFile } from '../support/ffmpeg-source.js';
import { toolsAvailable } from '../support/tools.js';

const hasTools = toolsAvailable('recorder with ffmpeg', 'ffmpeg', 'ffprobe');

const FPS = 25;
const PRE = 3;
const POST = 2;
const GOP = 1;

let source = '';
let sourceHashes: string[] = [];
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  source = await sourceFile({ width: 640, height: 360, fps: FPS, gopSeconds: GOP, seconds: 60, kbps: 800 });
  sourceHashes = await frameHashes(source);
});

afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

/** Open file descriptors of a process that point at regular files (not pipes, sockets, devices). */
const regularFilesOpen = (pid: number): string[] =>
  readdirSync(`/proc/${pid}/fd`)
    .map((fd) => {
      try {
        return readlinkSync(`/proc/${pid}/fd/${fd}`);
      } catch {
        return '';
      }
    })
    .filter((t) => t.startsWith('/') && !t.startsWith('/dev/') && !t.startsWith('/proc/'));

const writeBytes = (pid: number): number =>
  Number(/write_bytes: (\d+)/.exec(readFileSync(`/proc/${pid}/io`, 'utf8'))?.[1] ?? NaN);

const listing = (dir: string): string[] => {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
};

describe.skipIf(!hasTools)('recorder with real ffmpeg', () => {
  it('locates ffmpeg 5.x, and reports a missing one as FFMPEG_MISSING without throwing', async () => {
    const found = await locateFfmpeg();
    expect(found.ok && found.value.major).toBe(5);
    expect(found.ok && found.value.warnings).toEqual([]);
    const missing = await locateFfmpeg({ path: '/nonexistent/ffmpeg' });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error.code).toBe('RECORDING.FFMPEG_MISSING');
    expect(parseFfmpegVersion('ffmpeg version 4.4.2-0ubuntu0.22.04.1 Copyright')).toEqual({
      version: '4.4.2-0ubuntu0.22.04.1',
      major: 4,
    });
    expect(parseFfmpegVersion('ffmpeg version N-111111-gabcdef Copyright').major).toBeNull();
  });

  it('while armed writes nothing anywhere; an alarm yields a clip from ≥ pre-roll before it, starting on a keyframe at 0', async () => {
    // ffmpeg runs in an empty folder that is also its TMPDIR: anything it wrote would show up there.
    const workDir = await mkdtemp(path.join(os.tmpdir(), 'proportio-armed-'));
    cleanups.push(() => rm(workDir, { recursive: true, force: true }));
    const cam = armCamera({
      source: { url: source, inputFormat: 'mpegts', realtime: true, audio: false },
      clip: { preRollSeconds: PRE, postRollSeconds: POST },
      workDir,
    });
    cleanups.push(cam.stop);
    cam.start();
    await cam.waitFor('pre-roll in the ring', () => cam.rec.ring.spanSeconds >= PRE);
    await new Promise((r) => setTimeout(r, 1500));

    // Merely armed: ffmpeg holds no regular file open but its input, has written 0 bytes to
    // storage, nothing appeared in its working/temp folder, and no clip was opened.
    const pid = cam.ingest.pid;
    if (pid === undefined) throw new Error('ffmpeg not running');
    expect(regularFilesOpen(pid)).toEqual([source]);
    expect(writeBytes(pid)).toBe(0);
    expect(listing(workDir)).toEqual([]);
    expect(cam.clips).toEqual([]);
    expect(cam.ingest.health()).toMatchObject({ state: 'online', codec: 'avc1', width: 640, height: 360 });
    expect(cam.ingest.health().gopSeconds).toBeCloseTo(GOP, 1);

    const alarmAt = Date.now();
    expect(cam.rec.alarm(alarmAt)).toMatchObject({ kind: 'started' });
    const meta = await cam.clips[0]?.done;
    if (meta === undefined) throw new Error('no clip');
    // Recording a clip writes nothing either: the sink here is memory (the vault seals in production).
    expect(writeBytes(pid)).toBe(0);
    expect(listing(workDir)).toEqual([]);
    expect(meta.reason).toBe('post-roll');

    // Written to a file only here, in the test, for ffprobe.
    const dir = await mkdtemp(path.join(os.tmpdir(), 'proportio-clip-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const file = path.join(dir, 'clip.mp4');
    const bytes = Buffer.concat(cam.clips[0]?.chunks ?? []);
    await writeFile(file, bytes);
    const probe = await probeMedia(file);
    if (!probe.ok) throw new Error(probe.error.message);
    expect(probe.value.streams.map((s) => s.codecName)).toEqual(['h264']);
    expect(probe.value.firstVideoFrame).toEqual({ keyframe: true, ptsSeconds: 0 });
    expect(probe.value.durationSeconds).toBeGreaterThanOrEqual(PRE + POST - GOP);
    // The same answer from the bytes piped to ffprobe, without a file.
    const piped = await probeMedia(bytes);
    expect(piped.ok && piped.value.firstVideoFrame).toEqual({ keyframe: true, ptsSeconds: 0 });

    // Read the burnt-in frame number of the clip's first frame (by its decoded hash).
    const firstHash = (await frameHashes(file, 1))[0] ?? '';
    const n = sourceHashes.indexOf(firstHash);
    expect(n).toBeGreaterThanOrEqual(0);
    expect(n % (FPS * GOP)).toBe(0);
    expect(n / FPS).toBeCloseTo(meta.sourceStartSeconds, 3);
    // Frame n cannot have been captured later than the earliest arrival allows: every fragment ends
    // at or before the moment it arrived, so capture(n) ≤ min(arrival − media end) + n/fps.
    const before0 = cam.fragments.filter((f) => f.at <= alarmAt);
    const lagMs = Math.min(...before0.map((f) => f.at - f.end * 1000));
    const capturedAtMost = lagMs + (n / FPS) * 1000;
    expect(alarmAt - capturedAtMost).toBeGreaterThanOrEqual(PRE * 1000);
    expect(meta.preRollSeconds).toBeGreaterThanOrEqual(PRE);
    expect(meta.durationSeconds).toBeGreaterThanOrEqual(PRE + POST - GOP);
    expect(meta.keyframeIntervalSeconds).toBeCloseTo(GOP, 1);
    await cam.stop();
  });

  it('a source that is not H.264 video (raw lavfi frames) is reported as bad-stream and retried with backoff', async () => {
    const cam = armCamera({
      source: { url: 'testsrc2=size=320x240:rate=10', inputFormat: 'lavfi', audio: false },
      backoff: { initialMs: 300, maxMs: 1200, factor: 2 },
    });
    cleanups.push(cam.stop);
    cam.start();
    await cam.waitFor('two failed attempts', () => cam.ingest.health().restarts >= 2);
    expect(cam.ingest.health()).toMatchObject({
      state: 'bad-stream',
      error: { code: 'RECORDING.BAD_STREAM' },
    });
    expect(cam.fragments).toEqual([]);
    await cam.stop();
    expect(cam.ingest.pid).toBeUndefined();
  });

  it('an MJPEG stream muxes fine but is refused as not H.264', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'proportio-mjpeg-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const mjpeg = path.join(dir, 'mjpeg.mkv');
    const { execFileSync } = await import('node:child_process');
    execFileSync('/usr/bin/ffmpeg', [
      '-hide_banner',
      '-loglevel',
      'error',
      '-f',
      'lavfi',
      '-i',
      'testsrc2=size=320x240:rate=10',
      '-t',
      '5',
      '-c:v',
      'mjpeg',
      mjpeg,
    ]);
    const cam = armCamera({ source: { url: mjpeg, realtime: true, audio: false } });
    cleanups.push(cam.stop);
    cam.start();
    await cam.waitFor('bad-stream', () => cam.ingest.health().state === 'bad-stream');
    expect(cam.ingest.health().error).toMatchObject({
      code: 'RECORDING.BAD_STREAM',
      message: expect.stringContaining('not H.264'),
    });
    await cam.stop();
  });

  it('stop() ends ffmpeg (no process left) and no callback follows', async () => {
    const cam = armCamera({ source: { url: source, inputFormat: 'mpegts', realtime: true, audio: false } });
    cleanups.push(cam.stop);
    cam.start();
    await cam.waitFor('first fragment', () => cam.fragments.length >= 1);
    const pid = cam.ingest.pid ?? -1;
    expect(pid).toBeGreaterThan(0);
    // The state is asserted, not a wall-clock limit (the latency is measured in docs/recording.md).
    await cam.stop();
    expect(cam.ingest.pid).toBeUndefined();
    expect(cam.ingest.health().state).toBe('stopped');
    const gone = (): boolean => {
      try {
        process.kill(pid, 0);
        return false;
      } catch {
        return true;
      }
    };
    await cam.waitFor('ffmpeg gone', gone, 10_000);
    const count = [cam.fragments.length, cam.health.length];
    await new Promise((r) => setTimeout(r, 1500));
    expect([cam.fragments.length, cam.health.length]).toEqual(count);
    expect(gone()).toBe(true);
  });
});
