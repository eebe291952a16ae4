/**
 * Synthetic camera footage for tests and benchmarks: lavfi testsrc2 with the frame number burnt in,
 * encoded once to H.264 (fixed GOP, no B-frames) in MPEG-TS, so the ingest under test only copies.
 * Frame hashes identify a frame by its burnt-in counter without OCR: the same bitstream decodes
 * to the same pixels.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  createNodeSpawner,
  IngestProcess,
  type CameraHealth,
} from '../../src/adapters/media/ingest-process.js';
import {
  ClipRecorder,
  type ClipMetadata,
  type ClipOpening,
  type ClipRecorderOptions,
} from '../../src/core/recording/clip.js';
import type { IngestArgsOptions } from '../../src/core/recording/ffmpeg-args.js';

const run = promisify(execFile);
export const FFMPEG = '/usr/bin/ffmpeg';
export const FONT = path.resolve(
  import.meta.dirname,
  '../../node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
);

export interface SourceSpec {
  readonly width: number;
  readonly height: number;
  readonly fps: number;
  readonly gopSeconds: number;
  readonly seconds: number;
  /** Target video bitrate, kbit/s. */
  readonly kbps: number;
}

/** Path of the encoded source, generated on first use and cached in the temp folder. */
export const sourceFile = async (s: SourceSpec): Promise<string> => {
  const dir = path.join(os.tmpdir(), 'proportio-sources');
  await mkdir(dir, { recursive: true });
  const file = path.join(
    dir,
    `testsrc-${s.width}x${s.height}-${s.fps}fps-gop${s.gopSeconds}-${s.seconds}s-${s.kbps}k.ts`,
  );
  if (existsSync(file)) return file;
  const gop = String(Math.round(s.fps * s.gopSeconds));
  const text = `drawtext=fontfile=${FONT}:text='frame %{n}':fontsize=${Math.round(s.height / 8)}:fontcolor=white:box=1:boxcolor=black:x=20:y=20`;
  const tmp = `${file}.${process.pid}.part`;
  await run(
    FFMPEG,
    [
      '-hide_banner',
      '-loglevel',
      'error',
      '-y',
      '-f',
      'lavfi',
      '-i',
      `testsrc2=size=${s.width}x${s.height}:rate=${s.fps}`,
      '-vf',
      text,
      '-t',
      String(s.seconds),
      '-c:v',
      'libx264',
      '-preset',
      'veryfast',
      '-pix_fmt',
      'yuv420p',
      '-bf',
      '0',
      '-g',
      gop,
      '-keyint_min',
      gop,
      '-sc_threshold',
      '0',
      '-b:v',
      `${s.kbps}k`,
      '-maxrate',
      `${s.kbps}k`,
      '-bufsize',
      `${s.kbps * 2}k`,
      '-f',
      'mpegts',
      tmp,
    ],
    { maxBuffer: 16 * 1024 * 1024 },
  );
  await rename(tmp, file);
  return file;
};

/** MD5 of every decoded video frame, in order (index = frame number burnt into the picture). */
export const frameHashes = async (input: string, maxFrames?: number): Promise<string[]> => {
  const { stdout } = await run(
    FFMPEG,
    [
      '-hide_banner',
      '-loglevel',
      'error',
      '-i',
      input,
      '-map',
      '0:v:0',
      ...(maxFrames === undefined ? [] : ['-frames:v', String(maxFrames)]),
      '-f',
      'framemd5',
      '-',
    ],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  return stdout
    .split('\n')
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => l.split(',').at(-1)?.trim() ?? '');
};

export interface CapturedClip {
  readonly opening: ClipOpening;
  readonly chunks: Buffer[];
  meta: ClipMetadata | null;
  readonly done: Promise<ClipMetadata>;
}

/** One armed camera wired as the recorder supervisor will wire it: ingest → ring/clip → in-memory sink. */
export const armCamera = (o: {
  readonly source: IngestArgsOptions;
  readonly clip?: Partial<ClipRecorderOptions>;
  readonly stallSeconds?: number;
  readonly startupSeconds?: number;
  readonly backoff?: { initialMs: number; maxMs: number; factor: number };
  /** Working folder and TMPDIR for ffmpeg (watched by tests for files that must not appear). */
  readonly workDir?: string;
}) => {
  const clips: CapturedClip[] = [];
  const fragments: { at: number; start: number; end: number; keyframe: boolean }[] = [];
  const health: CameraHealth[] = [];
  const rec = new ClipRecorder(
    {
      mode: 'incident',
      preRollSeconds: 3,
      postRollSeconds: 2,
      maxClipSeconds: 60,
      ringMaxBytes: 64 * 1024 * 1024,
      ...o.clip,
    },
    (opening) => {
      let resolve: (m: ClipMetadata) => void = () => undefined;
      const done = new Promise<ClipMetadata>((r) => {
        resolve = r;
      });
      const c: CapturedClip = { opening, chunks: [], meta: null, done };
      clips.push(c);
      return {
        write: (b) => c.chunks.push(b),
        end: (m) => {
          c.meta = m;
          resolve(m);
        },
      };
    },
  );
  const ingest = new IngestProcess({
    cameraId: 'test-camera',
    ffmpegPath: FFMPEG,
    source: o.source,
    stallSeconds: o.stallSeconds ?? 10,
    ...(o.startupSeconds === undefined ? {} : { startupSeconds: o.startupSeconds }),
    backoff: o.backoff ?? { initialMs: 500, maxMs: 4000, factor: 2 },
    killGraceMs: 1000,
    ...(o.workDir === undefined
      ? {}
      : { spawner: createNodeSpawner({ cwd: o.workDir, env: { ...process.env, TMPDIR: o.workDir } }) }),
    onInit: (init) => rec.onInit(init),
    onFragment: (f, at) => {
      fragments.push({
        at,
        start: f.startSeconds,
        end: f.startSeconds + f.durationSeconds,
        keyframe: f.keyframe,
      });
      rec.onFragment(f, at);
    },
    onStreamEnd: (at) => rec.streamLost(at),
    onHealth: (h) => health.push(h),
  });
  const ticker = setInterval(() => rec.tick(Date.now()), 250);
  const waitFor = async (what: string, pred: () => boolean, timeoutMs = 45_000): Promise<void> => {
    const end = Date.now() + timeoutMs;
    while (!pred()) {
      if (Date.now() > end)
        throw new Error(`timed out waiting for ${what}; health: ${JSON.stringify(ingest.health())}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  return {
    rec,
    ingest,
    clips,
    fragments,
    health,
    waitFor,
    start: () => ingest.start(),
    stop: async () => {
      clearInterval(ticker);
      await ingest.stop();
    },
  };
};
