/**
 * Redaction speed (issue 12 §2): frames per second of a face-redacted copy at 720p and 1080p, and
 * the time for a 3-minute clip, on this machine (2 cores, shared). Goal: faster than real time at
 * 720p (25 fps).
 *
 *   npx tsx bench/redaction.bench.ts [--runs 3] [--seconds 10] [--sizes 720,1080] [--full 180] [--out docs/benchmarks/redaction.md]
 *
 * Each run builds nothing new (the clips are made once, test/support/face-clips.ts: two heads
 * crossing the frame, 25 fps) and times the two passes of FootageRedactor separately:
 *   detect = decode 5 frames/s scaled to 512 wide + TinyFaceDetector (tfjs WASM) + tracker,
 *   render = decode every frame + pixelation in Node + libx264 veryfast with the note,
 * and, interleaved, the floor: ffmpeg alone transcoding the same clip with the same encoder
 * settings and the note (what any redaction must pay at least). fps = clip frames ÷ seconds.
 * --full N also redacts one N-second 720p clip end to end (once: it takes minutes).
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
const RUNS = Number(arg('runs', '3'));
const SECONDS = Number(arg('seconds', '10'));
const SIZES = arg('sizes', '720,1080').split(',').map(Number);
const FULL = Number(arg('full', '0'));
const OUT = arg('out', '');

const quantile = (xs: readonly number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  const i = (s.length - 1) * q;
  const lo = Math.floor(i);
  return s[lo]! + (s[Math.min(lo + 1, s.length - 1)]! - s[lo]!) * (i - lo);
};
const f1 = (v: number) => v.toFixed(1);
const spread = (xs: number[]) =>
  `**${f1(quantile(xs, 0.5))}** (${f1(Math.min(...xs))}–${f1(Math.max(...xs))})`;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proportio-redaction-bench-'));
const detector = await createFaceDetector({ model: 'tiny' });
if (!detector.ok) throw new Error(detector.error.message);
const redactor = createFootageRedactor({ detector: detector.value });
const font = path.resolve('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const noteFile = path.join(dir, 'note.txt');
fs.writeFileSync(
  noteFile,
  'Kopie voor betrokkene — 5 december 2026\nCopy for the data subject — 5 december 2026',
);

/** CPU seconds of this process and of its children that have ended (ffmpeg), from /proc. */
const cpu = (): { own: number; children: number } => {
  const f = fs.readFileSync('/proc/self/stat', 'utf8');
  const x = f
    .slice(f.lastIndexOf(')') + 2)
    .split(' ')
    .map(Number);
  return { own: (x[11]! + x[12]!) / 100, children: (x[13]! + x[14]!) / 100 };
};
const cpuSpent: { own: number; children: number }[] = [];

const timed = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
  const c0 = cpu();
  const t0 = performance.now();
  const v = await fn();
  const c1 = cpu();
  cpuSpent.push({ own: c1.own - c0.own, children: c1.children - c0.children });
  return [v, (performance.now() - t0) / 1000];
};

/**
 * The frame rate the pass would reach with the 2 cores to itself: its CPU time spread over both
 * cores, but never faster than the Node thread alone (detection runs on one thread).
 */
const idleFps = (frames: number, c: { own: number; children: number }) =>
  frames / Math.max(c.own, (c.own + c.children) / os.cpus().length);

const redactOnce = async (clip: FaceClip) => {
  const [tracks, detectS] = await timed(() => redactor.detectTracks(clip.file));
  const detectCpu = cpuSpent.at(-1)!;
  if (!tracks.ok) throw new Error(tracks.error.message);
  const keep = tracks.value.tracks.slice(0, 1).map((t) => t.id);
  const [copy, renderS] = await timed(() =>
    redactor.redactClip({
      input: clip.file,
      output: path.join(dir, 'copy.mp4'),
      tracks: tracks.value,
      review: { keepTrackIds: keep },
      noteDate: '5 december 2026',
    }),
  );
  if (!copy.ok) throw new Error(copy.error.message);
  const renderCpu = cpuSpent.at(-1)!;
  const frames = copy.value.frames;
  return {
    frames,
    detectS,
    renderS,
    idle: 1 / (1 / idleFps(frames, detectCpu) + 1 / idleFps(frames, renderCpu)),
    cpuPerFrameMs:
      ((detectCpu.own + detectCpu.children + renderCpu.own + renderCpu.children) / frames) * 1000,
  };
};

const floorOnce = async (clip: FaceClip) => {
  const [, s] = await timed(() =>
    run('ffmpeg', [
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
      'veryfast',
      '-crf',
      '23',
      '-movflags',
      '+faststart',
      '-an',
      '-y',
      path.join(dir, 'floor.mp4'),
    ]),
  );
  return s;
};

const lines: string[] = [];
const say = (l: string) => {
  lines.push(l);
  console.log(l);
};
say(
  `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, Node ${process.version}; ${RUNS} runs × ${SECONDS} s clips at 25 fps.`,
);
say('');
say(
  '| size | load (1 min) | detect fps | render fps | **redaction fps (both passes)** | floor fps (ffmpeg alone) | redaction ÷ floor | CPU ms per frame | fps with 2 idle cores (from CPU time) |',
);
say(
  '| ---- | -----------: | ---------: | ---------: | ------------------------------: | -----------------------: | ----------------: | ---------------: | ------------------------------------: |',
);
for (const height of SIZES) {
  const width = Math.round((height * 16) / 9);
  const clip = await makeFaceClip(path.join(dir, `clip-${height}.mp4`), {
    width,
    height,
    seconds: SECONDS,
    speed: (width - 320) / SECONDS,
  });
  const detect: number[] = [];
  const render: number[] = [];
  const total: number[] = [];
  const floor: number[] = [];
  const loads: number[] = [];
  const ratio: number[] = [];
  const cpuMs: number[] = [];
  const idle: number[] = [];
  await redactOnce(clip); // warm-up (model load, page cache)
  for (let r = 0; r < RUNS; r++) {
    loads.push(os.loadavg()[0]!);
    const x = await redactOnce(clip);
    floor.push((SECONDS * 25) / (await floorOnce(clip)));
    detect.push(x.frames / x.detectS);
    render.push(x.frames / x.renderS);
    total.push(x.frames / (x.detectS + x.renderS));
    ratio.push(total.at(-1)! / floor.at(-1)!);
    cpuMs.push(x.cpuPerFrameMs);
    idle.push(x.idle);
  }
  say(
    `| ${width}×${height} | ${f1(Math.min(...loads))}–${f1(Math.max(...loads))} | ${spread(detect)} | ${spread(render)} | ${spread(total)} | ${spread(floor)} | ${quantile(ratio, 0.5).toFixed(2)} | ${f1(quantile(cpuMs, 0.5))} | ${spread(idle)} |`,
  );
}
if (FULL > 0) {
  const clip = await makeFaceClip(path.join(dir, 'clip-full.mp4'), { seconds: FULL, speed: 960 / FULL });
  const load = os.loadavg()[0]!;
  const x = await redactOnce(clip);
  say('');
  say(
    `${FULL} s clip at 1280×720 (${x.frames} frames), load ${f1(load)}: detect ${f1(x.detectS)} s + render ${f1(x.renderS)} s = **${f1(x.detectS + x.renderS)} s** (${f1(x.frames / (x.detectS + x.renderS))} fps, ${((x.detectS + x.renderS) / FULL).toFixed(2)} × the clip's length); CPU ${f1(x.cpuPerFrameMs)} ms per frame, ${f1(x.idle)} fps with 2 idle cores → ${f1(x.frames / x.idle)} s.`,
  );
}
if (OUT) fs.writeFileSync(OUT, `${lines.join('\n')}\n`);
fs.rmSync(dir, { recursive: true, force: true });
