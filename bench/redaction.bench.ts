/**
 * Redaction speed (issue 12 §2): frames per second of a face-redacted copy at 720p and 1080p, and
 * the time for a 3-minute clip, on this machine (2 cores, shared). Goal: faster than real time at
 * 720p (25 fps).
 *
 *   npx tsx bench/redaction.bench.ts [--runs 5] [--seconds 10] [--sizes 720,1080] [--full 180]
 *     [--preset ultrafast] [--threads 2] [--camera] [--out file.md]
 *
 * Each run uses clips made once (test/support/face-clips.ts: two heads crossing the frame, 25 fps;
 * --camera re-encodes them as a camera would send them, H.264 at 4 Mbit/s (720p) or 8 (1080p),
 * instead of the test clips' near-lossless noise) and times the two passes of FootageRedactor:
 *   detect = decode 5 frames/s scaled to 512 wide + TinyFaceDetector (tfjs WASM, a pool of
 *            --threads workers) + tracker,
 *   render = decode every frame + pixelation in Node + libx264 (--preset) with the note,
 * and, interleaved, the floor: ffmpeg alone transcoding the same clip with the same encoder
 * settings and the note (what any redaction pays at least). fps = clip frames ÷ seconds.
 *
 * The machine is shared, so the wall clock says more about the neighbours than about the code.
 * CPU time does not: per pass, this process's threads (/proc/self/task) and its ended ffmpeg
 * children (/proc/self/stat) are counted, and "idle fps" is what the pass would reach with both
 * cores to itself: its CPU spread over the cores, but never faster than its busiest thread.
 * --full N also redacts one N-second 720p clip end to end (once).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createFaceDetector } from '../src/adapters/media/face-detector.js';
import { createFootageRedactor } from '../src/adapters/media/footage-redactor.js';
import { noteFilter } from '../src/core/redaction/ffmpeg-args.js';
import { makeFaceClip, type FaceClip } from '../test/support/face-clips.js';

const run = promisify(execFile);
const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const RUNS = Number(arg('runs', '5'));
const SECONDS = Number(arg('seconds', '10'));
const SIZES = arg('sizes', '720,1080')
  .split(',')
  .map(Number)
  .filter((h) => h > 0); // --sizes none: only the --full clip
const FULL = Number(arg('full', '0'));
const OUT = arg('out', '');
const PRESET = arg('preset', 'ultrafast');
const THREADS = Number(arg('threads', String(Math.min(4, os.availableParallelism()))));
const CAMERA = process.argv.includes('--camera');
const CORES = os.availableParallelism();

const quantile = (xs: readonly number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  const i = (s.length - 1) * q;
  const lo = Math.floor(i);
  return s[lo]! + (s[Math.min(lo + 1, s.length - 1)]! - s[lo]!) * (i - lo);
};
const f1 = (v: number) => v.toFixed(1);
const med = (xs: number[]) => quantile(xs, 0.5);
const spread = (xs: number[]) => `**${f1(med(xs))}** (${f1(Math.min(...xs))}–${f1(Math.max(...xs))})`;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proportio-redaction-bench-'));
const detector = await createFaceDetector({ model: 'tiny', threads: THREADS });
if (!detector.ok) throw new Error(detector.error.message);
const redactor = createFootageRedactor({ detector: detector.value, preset: PRESET });
const font = path.resolve('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const noteFile = path.join(dir, 'note.txt');
fs.writeFileSync(
  noteFile,
  'Kopie voor betrokkene — 5 december 2026\nCopy for the data subject — 5 december 2026',
);

const TICK = 100; // USER_HZ on Linux
const fields = (stat: string) =>
  stat
    .slice(stat.lastIndexOf(')') + 2)
    .split(' ')
    .map(Number);
/** CPU seconds per thread of this process, and of its children that have ended (ffmpeg). */
const cpu = (): { threads: Map<string, number>; children: number } => {
  const threads = new Map<string, number>();
  for (const tid of fs.readdirSync('/proc/self/task')) {
    try {
      const x = fields(fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8'));
      threads.set(tid, (x[11]! + x[12]!) / TICK);
    } catch {
      // a thread that ended between the listing and the read
    }
  }
  const x = fields(fs.readFileSync('/proc/self/stat', 'utf8'));
  return { threads, children: (x[13]! + x[14]!) / TICK };
};
interface Spent {
  readonly main: number;
  readonly otherThreads: number;
  readonly busiestThread: number;
  readonly ffmpeg: number;
}
const spentSince = (c0: ReturnType<typeof cpu>): Spent => {
  const c1 = cpu();
  const main = String(process.pid);
  const per = [...c1.threads].map(([tid, s]) => ({ tid, s: s - (c0.threads.get(tid) ?? 0) }));
  const mainS = per.find((p) => p.tid === main)?.s ?? 0;
  return {
    main: mainS,
    otherThreads: per.reduce((a, p) => a + (p.tid === main ? 0 : p.s), 0),
    busiestThread: Math.max(0, ...per.map((p) => p.s)),
    ffmpeg: c1.children - c0.children,
  };
};
const total = (c: Spent) => c.main + c.otherThreads + c.ffmpeg;
/** Seconds the pass would take with the cores to itself (ffmpeg's threads assumed to spread). */
const idleSeconds = (c: Spent) => Math.max(c.busiestThread, total(c) / CORES);

const timed = async <T>(fn: () => Promise<T>): Promise<{ value: T; s: number; cpu: Spent }> => {
  const c0 = cpu();
  const t0 = performance.now();
  const value = await fn();
  return { value, s: (performance.now() - t0) / 1000, cpu: spentSince(c0) };
};

const redactOnce = async (clip: FaceClip) => {
  const detect = await timed(() => redactor.detectTracks(clip.file));
  if (!detect.value.ok) throw new Error(detect.value.error.message);
  const tracks = detect.value.value;
  const keep = tracks.tracks.slice(0, 1).map((t) => t.id);
  const render = await timed(() =>
    redactor.redactClip({
      input: clip.file,
      output: path.join(dir, 'copy.mp4'),
      tracks,
      review: { keepTrackIds: keep },
      noteDate: '5 december 2026',
    }),
  );
  if (!render.value.ok) throw new Error(render.value.error.message);
  const frames = render.value.value.frames;
  return {
    frames,
    detect,
    render,
    idleFps: frames / (idleSeconds(detect.cpu) + idleSeconds(render.cpu)),
    cpuPerFrameMs: ((total(detect.cpu) + total(render.cpu)) / frames) * 1000,
  };
};

const floorOnce = async (clip: FaceClip) => {
  const t0 = performance.now();
  await run('ffmpeg', [
    '-loglevel',
    'error',
    '-nostdin',
    '-i',
    clip.file,
    '-vf',
    noteFilter({ fontFile: font, noteFile, size: clip }),
    '-c:v',
    'libx264',
    '-preset',
    PRESET,
    '-crf',
    '23',
    '-movflags',
    '+faststart',
    '-an',
    '-y',
    path.join(dir, 'floor.mp4'),
  ]);
  return (performance.now() - t0) / 1000;
};

/** The clip as a camera would send it: H.264 with CABAC and deblocking at a camera's bitrate. */
const asCamera = async (clip: FaceClip): Promise<FaceClip> => {
  const file = clip.file.replace(/\.mp4$/, '-camera.mp4');
  const rate = clip.height >= 1080 ? '8M' : '4M';
  await run('ffmpeg', [
    ...['-loglevel', 'error', '-nostdin', '-i', clip.file, '-c:v', 'libx264', '-preset', 'faster'],
    ...['-b:v', rate, '-maxrate', rate, '-bufsize', rate, '-g', '50', '-an', '-y', file],
  ]);
  return { ...clip, file };
};

const makeClip = async (name: string, o: Parameters<typeof makeFaceClip>[1]) => {
  const clip = await makeFaceClip(path.join(dir, `${name}.mp4`), o);
  return CAMERA ? asCamera(clip) : clip;
};

const lines: string[] = [];
const say = (l: string) => {
  lines.push(l);
  console.log(l);
};
say(
  `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, Node ${process.version}; ${RUNS} runs × ${SECONDS} s clips at 25 fps${CAMERA ? ' (camera bitrate)' : ''}; libx264 ${PRESET}, ${THREADS} detector thread(s). Load before: ${os.loadavg().map(f1).join(', ')}.`,
);
const table: string[] = [
  '| size | load (1 min) | detect fps | render fps | **redaction fps (both passes)** | floor fps (ffmpeg alone) | redaction ÷ floor | CPU ms per frame | **fps with 2 idle cores (from CPU time)** |',
  '| ---- | -----------: | ---------: | ---------: | ------------------------------: | -----------------------: | ----------------: | ---------------: | ----------------------------------------: |',
];
const profile: string[] = [
  '| size | detect: ffmpeg decode + scale | detect: detector workers | detect: Node main thread | render: ffmpeg decode + encode | render: Node main thread (pipe, plan, mosaic) | render: other Node threads | total |',
  '| ---- | ----------------------------: | -----------------------: | -----------------------: | -----------------------------: | --------------------------------------------: | -------------------------: | ----: |',
];
for (const height of SIZES) {
  const width = Math.round((height * 16) / 9);
  const clip = await makeClip(`clip-${height}`, {
    width,
    height,
    seconds: SECONDS,
    speed: (width - 320) / SECONDS,
  });
  const m = {
    detect: [] as number[],
    render: [] as number[],
    both: [] as number[],
    floor: [] as number[],
    loads: [] as number[],
    ratio: [] as number[],
    cpuMs: [] as number[],
    idle: [] as number[],
  };
  const parts = {
    detectFfmpeg: [] as number[],
    detectWorkers: [] as number[],
    detectMain: [] as number[],
    renderFfmpeg: [] as number[],
    renderMain: [] as number[],
    renderOther: [] as number[],
  };
  await redactOnce(clip); // warm-up (page cache, the workers' first inference)
  for (let r = 0; r < RUNS; r++) {
    m.loads.push(os.loadavg()[0]!);
    const x = await redactOnce(clip);
    m.floor.push((SECONDS * 25) / (await floorOnce(clip)));
    m.detect.push(x.frames / x.detect.s);
    m.render.push(x.frames / x.render.s);
    m.both.push(x.frames / (x.detect.s + x.render.s));
    m.ratio.push(m.both.at(-1)! / m.floor.at(-1)!);
    m.cpuMs.push(x.cpuPerFrameMs);
    m.idle.push(x.idleFps);
    const ms = (v: number) => (v / x.frames) * 1000;
    parts.detectFfmpeg.push(ms(x.detect.cpu.ffmpeg));
    parts.detectWorkers.push(ms(x.detect.cpu.otherThreads));
    parts.detectMain.push(ms(x.detect.cpu.main));
    parts.renderFfmpeg.push(ms(x.render.cpu.ffmpeg));
    parts.renderMain.push(ms(x.render.cpu.main));
    parts.renderOther.push(ms(x.render.cpu.otherThreads));
  }
  table.push(
    `| ${width}×${height} | ${f1(Math.min(...m.loads))}–${f1(Math.max(...m.loads))} | ${spread(m.detect)} | ${spread(m.render)} | ${spread(m.both)} | ${spread(m.floor)} | ${med(m.ratio).toFixed(2)} | ${f1(med(m.cpuMs))} | ${spread(m.idle)} |`,
  );
  profile.push(
    `| ${width}×${height} | ${f1(med(parts.detectFfmpeg))} | ${f1(med(parts.detectWorkers))} | ${f1(med(parts.detectMain))} | ${f1(med(parts.renderFfmpeg))} | ${f1(med(parts.renderMain))} | ${f1(med(parts.renderOther))} | ${f1(med(m.cpuMs))} |`,
  );
}
if (SIZES.length > 0) {
  say('');
  table.forEach(say);
  say('');
  say('CPU ms per clip frame, median (where the time goes):');
  say('');
  profile.forEach(say);
}
if (FULL > 0) {
  const clip = await makeClip('clip-full', { seconds: FULL, speed: 960 / FULL });
  const load = os.loadavg()[0]!;
  const x = await redactOnce(clip);
  const wall = x.detect.s + x.render.s;
  say('');
  say(
    `${FULL} s clip at 1280×720 (${x.frames} frames), load ${f1(load)} → ${f1(os.loadavg()[0]!)}: detect ${f1(x.detect.s)} s + render ${f1(x.render.s)} s = **${f1(wall)} s** (${f1(x.frames / wall)} fps, ${(wall / FULL).toFixed(2)} × the clip's length); CPU ${f1(x.cpuPerFrameMs)} ms per frame, ${f1(x.idleFps)} fps with 2 idle cores → **${f1(x.frames / x.idleFps)} s**.`,
  );
}
if (OUT) fs.writeFileSync(OUT, `${lines.join('\n')}\n`);
await detector.value.dispose();
fs.rmSync(dir, { recursive: true, force: true });
