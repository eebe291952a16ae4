/**
 * Recall of the redaction engine on the test material (issue 12 §2, docs/redaction.md "Accuracy"),
 * so a change made for speed can be checked against it:
 *
 *   npx tsx bench/redaction-recall.bench.ts [--preset ultrafast] [--threads 2]
 *
 * The clip of the integration test (test/support/face-clips.ts: the astronaut and the cameraman,
 * 240 px heads crossing a 1280×720 frame in 6 s at 25 fps) is searched at 5 samples per second by
 * TinyFaceDetector (what the engine uses) and by SSD MobileNet v1 (a second model); a detection
 * counts for a head when its centre lies on the head. Then the copy is made with the astronaut
 * kept, and both detectors search the copy: any face but the astronaut's is a leak. Last, three
 * seconds of opencv-doc's pedestrians (faces of a few pixels seen from above) must give no track.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createFaceDetector } from '../src/adapters/media/face-detector.js';
import { createFootageRedactor } from '../src/adapters/media/footage-redactor.js';
import type { Box } from '../src/core/redaction/geometry.js';
import type { DetectedTracks } from '../src/services/redaction-ports.js';
import { makeFaceClip, VTEST, type HeadPath } from '../test/support/face-clips.js';

const run = promisify(execFile);
const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const PRESET = arg('preset', 'ultrafast');
const THREADS = Number(arg('threads', String(Math.min(4, os.availableParallelism()))));

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proportio-redaction-recall-'));
const clip = await makeFaceClip(path.join(dir, 'two-faces.mp4'));
const [astronaut, cameraman] = clip.heads as [HeadPath, HeadPath];
const tinyDetector = await createFaceDetector({ model: 'tiny', threads: THREADS });
const ssdDetector = await createFaceDetector({ model: 'ssd', threads: THREADS });
if (!tinyDetector.ok || !ssdDetector.ok) throw new Error('face detector unavailable');
const tiny = createFootageRedactor({ detector: tinyDetector.value, preset: PRESET });
const ssd = createFootageRedactor({ detector: ssdDetector.value, preset: PRESET });

const centre = (b: Box) => ({ x: b.x + b.w / 2, y: b.y + b.h / 2 });
const on = (b: Box, head: HeadPath, t: number) => {
  const c = centre(b);
  const h = head.at(t);
  return c.x >= h.x && c.x <= h.x + h.w && c.y >= h.y && c.y <= h.y + h.h;
};

/** Sampled frames with the head found, of all sampled frames; detections on neither head. */
const count = (d: DetectedTracks) => {
  const keys = d.tracks.flatMap((t) => t.keyframes);
  const samples = Math.ceil(d.frameCount / (d.fps / d.samplesPerSecond));
  const hits = (h: HeadPath) => new Set(keys.filter((k) => on(k, h, k.t)).map((k) => k.t)).size;
  return {
    samples,
    astronaut: hits(astronaut),
    cameraman: hits(cameraman),
    elsewhere: keys.filter((k) => !on(k, astronaut, k.t) && !on(k, cameraman, k.t)).length,
  };
};
const ok = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
const row = (what: string, c: ReturnType<typeof count>) =>
  `| ${what} | ${c.astronaut} / ${c.samples} | ${c.cameraman} / ${c.samples} | ${c.elsewhere} |`;

const lines = [
  `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; libx264 ${PRESET}, ${THREADS} detector thread(s), 5 samples/s; load ${os
    .loadavg()
    .map((v) => v.toFixed(1))
    .join(', ')}.`,
  '',
  '| detector (score ≥ 0.35) | astronaut | cameraman | anywhere else |',
  '| ----------------------- | --------: | --------: | ------------: |',
];
const found = ok(await tiny.detectTracks(clip.file));
lines.push(row('TinyFaceDetector (512), unredacted clip', count(found)));
lines.push(row('SSD MobileNet v1, unredacted clip', count(ok(await ssd.detectTracks(clip.file)))));
const keep = found.tracks
  .filter((t) => t.keyframes.filter((k) => on(k, astronaut, k.t)).length > t.keyframes.length / 2)
  .map((t) => t.id);
const copy = path.join(dir, 'copy.mp4');
ok(
  await tiny.redactClip({
    input: clip.file,
    output: copy,
    tracks: found,
    review: { keepTrackIds: keep },
    noteDate: '6 december 2026',
  }),
);
lines.push(row('TinyFaceDetector, copy (astronaut kept)', count(ok(await tiny.detectTracks(copy)))));
lines.push(row('SSD MobileNet v1, copy (astronaut kept)', count(ok(await ssd.detectTracks(copy)))));
const pedestrians = path.join(dir, 'pedestrians.mp4');
await run('ffmpeg', [
  ...['-loglevel', 'error', '-nostdin', '-t', '3', '-i', VTEST],
  ...['-c:v', 'libx264', '-preset', 'ultrafast', '-y', pedestrians],
]);
const crowd = ok(await tiny.detectTracks(pedestrians));
lines.push('');
lines.push(
  `vtest.avi, 3 s (768×576, 10 fps): ${crowd.tracks.length} track(s), ${crowd.tracks.flatMap((t) => t.keyframes).length} detection(s).`,
);
console.log(lines.join('\n'));
await Promise.all([tinyDetector.value.dispose(), ssdDetector.value.dispose()]);
fs.rmSync(dir, { recursive: true, force: true });
