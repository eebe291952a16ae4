/**
 * The face detector's pool of worker threads (src/adapters/media/face-detector.ts): frames sent
 * at once come back each with its own faces, a bad frame fails alone and the worker lives on, a
 * stopped pool answers every frame still waiting (with an error, never silence), and a detector
 * that is closed says so. Real face-api on real frames: the astronaut's head (python3-skimage) on
 * a grey 512×288 frame, as the engine sends them.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFaceDetector } from '../../src/adapters/media/face-detector.js';
import type { FaceDetector, RgbFrame } from '../../src/services/redaction-ports.js';
import { ASTRONAUT } from '../support/face-clips.js';
import { testMaterialAvailable, toolsAvailable } from '../support/tools.js';

const run = promisify(execFile);
const ready =
  toolsAvailable('redaction detector', 'ffmpeg') &&
  testMaterialAvailable('redaction detector', { [ASTRONAUT]: 'python3-skimage' });

const [W, H] = [512, 288];

/** A grey frame, with the astronaut's head (96 px) at x when given, as packed RGB. */
const frame = async (x: number | null): Promise<RgbFrame> => {
  const graph =
    x === null
      ? '[0]format=rgb24[v]'
      : `[1]crop=225:225:110:20,scale=96:96[a];[0][a]overlay=x=${x}:y=60,format=rgb24[v]`;
  const { stdout } = await run(
    'ffmpeg',
    [
      ...['-hide_banner', '-loglevel', 'error', '-nostdin'],
      ...['-f', 'lavfi', '-i', `color=c=0x5a6470:s=${W}x${H}:d=1`, '-i', ASTRONAUT],
      ...['-filter_complex', graph, '-map', '[v]', '-frames:v', '1', '-f', 'rawvideo', 'pipe:1'],
    ],
    { encoding: 'buffer', maxBuffer: W * H * 3 * 2 },
  );
  expect(stdout.length).toBe(W * H * 3);
  return { width: W, height: H, data: new Uint8Array(stdout) };
};

describe.skipIf(!ready)('face detector on worker threads', () => {
  let detector: FaceDetector;
  const frames: { x: number | null; frame: RgbFrame }[] = [];

  beforeAll(async () => {
    const d = await createFaceDetector({ threads: 2 });
    if (!d.ok) throw new Error(d.error.message);
    detector = d.value;
    for (const x of [40, null, 300, 180, null, 380]) frames.push({ x, frame: await frame(x) });
  });

  afterAll(async () => {
    await detector?.dispose();
  });

  it('answers frames sent at once each with its own faces', async () => {
    expect(detector.concurrency).toBe(2);
    const all = await Promise.all(frames.map((f) => detector.detect(f.frame)));
    all.forEach((found, i) => {
      const x = frames[i]!.x;
      if (x === null) {
        expect(found, `frame ${i} (no face)`).toEqual([]);
        return;
      }
      expect(found, `frame ${i} (head at ${x})`).toHaveLength(1);
      const centre = found[0]!.box.x + found[0]!.box.w / 2;
      expect(centre).toBeGreaterThan(x);
      expect(centre).toBeLessThan(x + 96);
    });
  });

  it('a frame of the wrong size: a clear error for that frame, and the pool goes on', async () => {
    const good = frames[0]!.frame;
    const short = { ...good, data: good.data.subarray(0, good.data.length - 3) };
    await expect(detector.detect(short)).rejects.toThrow('face detection failed');
    expect(await detector.detect(good)).toHaveLength(1);
  });

  it('a stopped pool answers every waiting frame, and a closed one refuses new frames', async () => {
    const d = await createFaceDetector({ threads: 1 });
    if (!d.ok) throw new Error(d.error.message);
    const waiting = frames.map((f) => d.value.detect(f.frame));
    await d.value.dispose();
    const settled = await Promise.allSettled(waiting);
    expect(settled).toHaveLength(frames.length);
    // The frame being worked on may still finish; the rest are refused, none is left hanging.
    expect(settled.filter((s) => s.status === 'rejected').length).toBeGreaterThanOrEqual(frames.length - 1);
    await expect(d.value.detect(frames[0]!.frame)).rejects.toThrow('closed');
  });
});
