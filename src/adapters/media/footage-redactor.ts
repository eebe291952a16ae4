/**
 * The FootageRedactor port on ffmpeg and a FaceDetector (issue 12 §2, docs/redaction.md).
 *
 * detectTracks: ffmpeg decodes a few frames per second, scaled to the detector's input size, as
 * packed RGB on a pipe; each goes through the detector (several at once when it has worker
 * threads, taken back in frame order); the core tracker links the faces into tracks. redactClip: ffmpeg decodes every frame as yuv420p on a pipe, the core plan says which
 * boxes each frame pixelates, and a second ffmpeg encodes the result with the note burned in. The
 * copy is written under a temporary name next to the output and renamed only when ffmpeg has
 * finished cleanly: a failed run leaves no partial copy behind.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { err, ok, type Result } from '../../core/result.js';
import { decodeArgs, encodeArgs, noteLines } from '../../core/redaction/ffmpeg-args.js';
import { progressOf } from '../../core/redaction/job.js';
import { pixelateYuv420, yuv420Size } from '../../core/redaction/pixelate.js';
import { boxesAt, planRedaction, type PlanOptions, type VideoGeometry } from '../../core/redaction/plan.js';
import {
  buildTracks,
  trackSpan,
  type Coverage,
  type Detection,
  type SampledFrame,
  type Track,
} from '../../core/redaction/tracker.js';
import type {
  DetectedTracks,
  FaceDetector,
  FootageRedactor,
  RedactionErrorCode,
  RedactionReport,
  RedactRequest,
  RunOptions,
  TrackView,
} from '../../services/redaction-ports.js';

const require = createRequire(import.meta.url);

export interface FootageRedactorOptions {
  readonly detector: FaceDetector;
  readonly ffmpegPath?: string;
  readonly ffprobePath?: string;
  /** Frames searched for faces per second of footage (default 5). */
  readonly samplesPerSecond?: number;
  /** Width the frames are scaled to for detection (default 512, the tiny detector's input). */
  readonly detectionWidth?: number;
  /** How long a box stays after its face was last seen, beyond one sampling interval (default 0.4 s). */
  readonly holdSeconds?: number;
  readonly padding?: number;
  readonly paddingTop?: number;
  /** The TrueType font of the note (default: DejaVu Sans from the dejavu-fonts-ttf package, as the PDFs use). */
  readonly fontFile?: string;
  readonly preset?: string;
}

type Fail = Result<never, RedactionErrorCode>;

const unreadable = (input: string, why: string): Fail =>
  err('REDACTION.INPUT_UNREADABLE', `${path.basename(input)}: ${why}`);

const lastLine = (text: string): string => text.trim().split('\n').at(-1) ?? '';

/** Runs a program to completion, collecting stdout and the end of stderr. */
const collect = (
  bin: string,
  args: readonly string[],
): Promise<{ code: number | null; stdout: string; stderr: string; spawnError?: Error }> =>
  new Promise((resolve) => {
    const child = spawn(bin, [...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr = (stderr + c.toString('utf8')).slice(-4000)));
    child.on('error', (e) => resolve({ code: null, stdout, stderr, spawnError: e }));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });

type ProbedVideo = VideoGeometry;

const parseRate = (v: unknown): number => {
  if (typeof v !== 'string') return NaN;
  const [a, b] = v.split('/').map(Number);
  return b === undefined ? Number(a) : a! / b;
};

const probe = async (bin: string, input: string): Promise<Result<ProbedVideo, RedactionErrorCode>> => {
  try {
    const st = await fs.stat(input);
    if (!st.isFile()) return unreadable(input, 'not a file');
  } catch {
    return unreadable(input, 'no such file');
  }
  const r = await collect(bin, [
    '-v',
    'error',
    '-select_streams',
    'v:0',
    '-show_entries',
    'stream=width,height,avg_frame_rate,r_frame_rate:format=duration',
    '-of',
    'json',
    input,
  ]);
  if (r.spawnError !== undefined) return unreadable(input, `ffprobe could not run: ${r.spawnError.message}`);
  if (r.code !== 0) return unreadable(input, lastLine(r.stderr) || 'ffprobe failed');
  const json = JSON.parse(r.stdout) as {
    streams?: { width?: number; height?: number; avg_frame_rate?: string; r_frame_rate?: string }[];
    format?: { duration?: string };
  };
  const s = json.streams?.[0];
  const duration = Number(json.format?.duration);
  if (s?.width === undefined || s.height === undefined) return unreadable(input, 'no video stream');
  const avg = parseRate(s.avg_frame_rate);
  const fps = Number.isFinite(avg) && avg > 0 ? avg : parseRate(s.r_frame_rate);
  if (!(fps > 0 && fps <= 240) || !(duration > 0))
    return unreadable(input, 'no frame rate or duration (a still image?)');
  // ffmpeg's fps filter rounds to the nearest frame; the plan only uses this to check edit spans.
  const frameCount = Math.max(1, Math.round(duration * fps));
  return ok({ width: s.width, height: s.height, fps, frameCount });
};

/** Reads fixed-size frames from a child's stdout, each copied once into a buffer of its own. */
async function* frames(stdout: Readable, frameBytes: number): AsyncGenerator<Buffer> {
  let frame = Buffer.allocUnsafe(frameBytes);
  let filled = 0;
  for await (const chunk of stdout as AsyncIterable<Buffer>) {
    let offset = 0;
    while (offset < chunk.length) {
      const n = Math.min(frameBytes - filled, chunk.length - offset);
      chunk.copy(frame, filled, offset, offset + n);
      filled += n;
      offset += n;
      if (filled === frameBytes) {
        yield frame;
        frame = Buffer.allocUnsafe(frameBytes);
        filled = 0;
      }
    }
  }
}

const exitOf = (child: {
  exitCode: number | null;
  once(e: 'close', f: (code: number | null) => void): unknown;
}) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('close', resolve);
  });

const DEFAULTS = {
  samplesPerSecond: 5,
  detectionWidth: 512,
  holdSeconds: 0.4,
  padding: 0.3,
  paddingTop: 0.25,
  preset: 'ultrafast',
};

export const createFootageRedactor = (options: FootageRedactorOptions): FootageRedactor => {
  const ffmpeg = options.ffmpegPath ?? 'ffmpeg';
  const ffprobe = options.ffprobePath ?? 'ffprobe';
  const sps = options.samplesPerSecond ?? DEFAULTS.samplesPerSecond;
  const fontFile = options.fontFile ?? require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
  const everyFor = (fps: number) => Math.max(1, Math.round(fps / sps));
  const coverFor = (fps: number): Coverage => ({
    leadFrames: everyFor(fps),
    holdFrames: everyFor(fps) + Math.round(fps * (options.holdSeconds ?? DEFAULTS.holdSeconds)),
  });
  const planOptions = (fps: number): PlanOptions => ({
    padding: options.padding ?? DEFAULTS.padding,
    paddingTop: options.paddingTop ?? DEFAULTS.paddingTop,
    cover: coverFor(fps),
  });

  const detectOn = async (
    input: string,
    video: ProbedVideo,
    run: RunOptions = {},
  ): Promise<Result<DetectedTracks, RedactionErrorCode>> => {
    const every = everyFor(video.fps);
    const width = Math.min(video.width, options.detectionWidth ?? DEFAULTS.detectionWidth);
    // scale=W:-2 keeps the aspect ratio with an even height, as ffmpeg computes it.
    const height = Math.max(2, 2 * Math.round((video.height * width) / video.width / 2));
    const scale = video.width / width;
    const child = spawn(ffmpeg, decodeArgs({ input, fps: video.fps, every, width, pixelFormat: 'rgb24' }), {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr = (stderr + c.toString('utf8')).slice(-4000)));
    const exited = exitOf(child);
    const kill = () => child.kill('SIGKILL');
    run.signal?.addEventListener('abort', kill, { once: true });
    const samples: SampledFrame[] = [];
    // Frames in flight: enough to keep every detector worker busy while the next one is decoded;
    // they are taken back in frame order, as the tracker needs them.
    const depth = 2 * Math.max(1, options.detector.concurrency ?? 1);
    const pending: { frame: number; found: Promise<Detection[]> }[] = [];
    const settle = async () => {
      const { frame, found } = pending.shift()!;
      samples.push({
        frame,
        detections: (await found).map((d) => ({
          score: d.score,
          box: { x: d.box.x * scale, y: d.box.y * scale, w: d.box.w * scale, h: d.box.h * scale },
        })),
      });
      run.onProgress?.(progressOf(frame + every, video.frameCount));
    };
    try {
      let k = 0;
      for await (const data of frames(child.stdout, width * height * 3)) {
        if (run.signal?.aborted) break;
        const found = options.detector.detect({ width, height, data });
        found.catch(() => undefined); // awaited in order by settle(); this only stops an early report
        pending.push({ frame: k * every, found });
        k += 1;
        if (pending.length >= depth) await settle();
      }
      while (pending.length > 0 && !run.signal?.aborted) await settle();
    } finally {
      run.signal?.removeEventListener('abort', kill);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    const code = await exited;
    if (run.signal?.aborted) return unreadable(input, 'stopped');
    if (code !== 0 || samples.length === 0)
      return unreadable(input, lastLine(stderr) || 'no frames could be decoded');
    const frameCount = Math.max(video.frameCount, samples[samples.length - 1]!.frame + 1);
    const cover = coverFor(video.fps);
    const round = (v: number) => Math.round(v * 10) / 10;
    const tracks: TrackView[] = buildTracks(samples).map((t) => {
      const span = trackSpan(t, cover);
      return {
        id: t.id,
        start: Math.max(0, span.start) / video.fps,
        end: Math.min(frameCount - 1, span.end) / video.fps,
        keyframes: t.keyframes.map((k) => ({
          t: k.frame / video.fps,
          x: round(k.box.x),
          y: round(k.box.y),
          w: round(k.box.w),
          h: round(k.box.h),
          score: Math.round(k.score * 1000) / 1000,
        })),
      };
    });
    return ok({
      width: video.width,
      height: video.height,
      fps: video.fps,
      frameCount,
      samplesPerSecond: video.fps / every,
      detector: options.detector.name,
      tracks,
    });
  };

  const detectTracks = async (input: string, run?: RunOptions) => {
    const video = await probe(ffprobe, input);
    return video.ok ? detectOn(input, video.value, run) : video;
  };

  const redactClip = async (request: RedactRequest): Promise<Result<RedactionReport, RedactionErrorCode>> => {
    const probed = await probe(ffprobe, request.input);
    if (!probed.ok) return probed;
    const video = probed.value;
    let views = request.tracks;
    if (views === undefined) {
      const detected = await detectOn(request.input, video, {
        ...(request.signal ? { signal: request.signal } : {}),
      });
      if (!detected.ok) return detected;
      views = detected.value;
    } else if (
      views.width !== video.width ||
      views.height !== video.height ||
      Math.abs(views.fps - video.fps) > 1e-3
    ) {
      return err(
        'REDACTION.INVALID_EDIT',
        `The tracks were detected on other footage (${views.width}×${views.height} at ${views.fps} fps)`,
      );
    }
    const tracks: Track[] = views.tracks.map((t) => ({
      id: t.id,
      keyframes: t.keyframes.map((k) => ({
        frame: Math.round(k.t * video.fps),
        box: { x: k.x, y: k.y, w: k.w, h: k.h },
        score: k.score,
      })),
    }));
    const geometry = { ...video, frameCount: Math.max(video.frameCount, views.frameCount) };
    const plan = planRedaction(tracks, request.review, geometry, planOptions(video.fps));
    if (!plan.ok) return plan;

    const dir = path.dirname(path.resolve(request.output));
    const temp = path.join(dir, `.${path.basename(request.output)}.${randomBytes(6).toString('hex')}.part`);
    const noteDir = await fs.mkdtemp(path.join(os.tmpdir(), 'proportio-note-'));
    const noteFile = path.join(noteDir, 'note.txt');
    await fs.writeFile(noteFile, noteLines(request.noteDate), { mode: 0o600 });
    const size = { width: video.width, height: video.height };
    const decoder = spawn(
      ffmpeg,
      decodeArgs({ input: request.input, fps: video.fps, every: 1, pixelFormat: 'yuv420p' }),
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const encoder: ChildProcessByStdio<Writable, null, Readable> = spawn(
      ffmpeg,
      encodeArgs({
        size,
        fps: video.fps,
        output: temp,
        noteFile,
        fontFile,
        preset: options.preset ?? DEFAULTS.preset,
      }),
      { stdio: ['pipe', 'ignore', 'pipe'] },
    );
    let decodeErr = '';
    let encodeErr = '';
    decoder.stderr.on('data', (c: Buffer) => (decodeErr = (decodeErr + c.toString('utf8')).slice(-4000)));
    encoder.stderr.on('data', (c: Buffer) => (encodeErr = (encodeErr + c.toString('utf8')).slice(-4000)));
    const decoded = exitOf(decoder);
    const encoded = exitOf(encoder);
    encoder.stdin.on('error', () => undefined); // an early exit shows in its exit code
    const kill = () => {
      decoder.kill('SIGKILL');
      encoder.kill('SIGKILL');
    };
    request.signal?.addEventListener('abort', kill, { once: true });
    let frame = 0;
    let pixelated = 0;
    let writeFailed = false;
    try {
      for await (const data of frames(decoder.stdout, yuv420Size(size))) {
        const boxes = boxesAt(plan.value, frame);
        pixelateYuv420(data, size, boxes);
        pixelated += boxes.length;
        frame += 1;
        request.onProgress?.(progressOf(frame, geometry.frameCount));
        if (!encoder.stdin.write(data)) {
          const drained = await Promise.race([
            new Promise<boolean>((r) => encoder.stdin.once('drain', () => r(true))),
            encoded.then(() => false),
          ]);
          if (!drained) {
            writeFailed = true;
            break;
          }
        }
      }
      encoder.stdin.end();
      if (writeFailed) {
        decoder.kill('SIGKILL');
        await encoded;
        return err('REDACTION.ENCODE_FAILED', `ffmpeg could not write the copy: ${lastLine(encodeErr)}`);
      }
      const [dc, ec] = [await decoded, await encoded];
      if (dc !== 0 || frame === 0)
        return unreadable(request.input, lastLine(decodeErr) || 'no frames could be decoded');
      if (ec !== 0)
        return err('REDACTION.ENCODE_FAILED', `ffmpeg could not write the copy: ${lastLine(encodeErr)}`);
      await fs.rename(temp, request.output);
      return ok({ frames: frame, pixelatedBoxes: pixelated, tracks: tracks.length, output: request.output });
    } finally {
      request.signal?.removeEventListener('abort', kill);
      if (decoder.exitCode === null) decoder.kill('SIGKILL');
      if (encoder.exitCode === null) encoder.kill('SIGKILL');
      await fs.rm(temp, { force: true });
      await fs.rm(noteDir, { recursive: true, force: true });
    }
  };

  return { detectTracks, redactClip };
};
