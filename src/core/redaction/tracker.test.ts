import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contains, iou, type Box } from './geometry.js';
import { buildTracks, trackBoxAt, trackSpan, type SampledFrame } from './tracker.js';

const face = (x: number, y: number, size = 100): Box => ({ x, y, w: size, h: size });
const cover = { leadFrames: 5, holdFrames: 15 };

describe('buildTracks', () => {
  it('follows two faces moving in opposite directions as two tracks', () => {
    const samples: SampledFrame[] = Array.from({ length: 10 }, (_, k) => ({
      frame: k * 5,
      detections: [
        { box: face(1000 - 30 * k, 400), score: 0.8 },
        { box: face(40 + 30 * k, 100), score: 0.9 },
      ],
    }));
    const tracks = buildTracks(samples);
    expect(tracks.map((t) => t.id)).toEqual(['face-1', 'face-2']);
    expect(tracks.map((t) => t.keyframes.length)).toEqual([10, 10]);
    // Each track keeps to one face: its y never changes.
    for (const t of tracks) expect(new Set(t.keyframes.map((k) => k.box.y)).size).toBe(1);
  });

  it('bridges missed samples, and starts a new track after too long a gap', () => {
    const at = (frames: number[]) =>
      frames.map((frame) => ({ frame, detections: [{ box: face(100, 100), score: 0.9 }] }));
    const gap = (frames: number[]) => frames.map((frame) => ({ frame, detections: [] }));
    const bridged = buildTracks([...at([0, 5]), ...gap([10, 15, 20]), ...at([25])]);
    expect(bridged).toHaveLength(1);
    const split = buildTracks([...at([0, 5]), ...gap([10, 15, 20, 25]), ...at([30])]);
    expect(split.map((t) => t.id)).toEqual(['face-1', 'face-2']);
  });

  it('no detections → no tracks', () => {
    expect(buildTracks([{ frame: 0, detections: [] }])).toEqual([]);
  });

  it('property: one face moving at a bounded speed with missed samples stays one track covering every frame', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 60, max: 200 }),
        fc.double({ min: -0.2, max: 0.2, noNaN: true }),
        fc.double({ min: -0.2, max: 0.2, noNaN: true }),
        fc.array(fc.boolean(), { minLength: 3, maxLength: 40 }),
        (size, fx, fy, seen) => {
          // Up to a fifth of the face's size per sampling interval (a walk across the room at 5 samples/s).
          const [vx, vy] = [fx * size, fy * size];
          // At most three missed samples in a row (DEFAULT maxMissedSamples), first and last seen.
          const hits = seen.map((s, i) => s || i === 0 || i === seen.length - 1 || i % 4 === 0);
          const boxAt = (k: number) => face(500 + vx * k, 300 + vy * k, size);
          const samples = hits.map((hit, k) => ({
            frame: k * 5,
            detections: hit ? [{ box: boxAt(k), score: 0.7 }] : [],
          }));
          const tracks = buildTracks(samples);
          expect(tracks).toHaveLength(1);
          const track = tracks[0]!;
          const { start, end } = trackSpan(track, cover);
          expect(start).toBe(-5);
          expect(end).toBe((seen.length - 1) * 5 + 15);
          for (let f = start; f <= end; f++) expect(trackBoxAt(track, f, cover)).not.toBeNull();
          expect(trackBoxAt(track, start - 1, cover)).toBeNull();
          expect(trackBoxAt(track, end + 1, cover)).toBeNull();
          // On a sampled frame with a detection the box is the detection; in between, it moves
          // linearly, so it matches the true (linear) path exactly.
          for (let f = 0; f <= (seen.length - 1) * 5; f++) {
            const b = trackBoxAt(track, f, cover)!;
            expect(iou(b, boxAt(f / 5))).toBeGreaterThan(0.999);
          }
        },
      ),
    );
  });

  it('holds the first box before and the last box after the detections', () => {
    const [track] = buildTracks([
      { frame: 10, detections: [{ box: face(0, 0), score: 1 }] },
      { frame: 15, detections: [{ box: face(50, 0), score: 1 }] },
    ]);
    expect(trackBoxAt(track!, 5, cover)).toEqual(face(0, 0));
    expect(trackBoxAt(track!, 30, cover)).toEqual(face(50, 0));
    expect(contains(face(0, 0, 200), trackBoxAt(track!, 12, cover)!)).toBe(true);
    expect(trackBoxAt(track!, 12, cover)!.x).toBeCloseTo(20);
  });
});
