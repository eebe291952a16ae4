import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contains, type Box } from './geometry.js';
import { boxesAt, planRedaction, type PlanOptions, type RedactionReview } from './plan.js';
import type { Track } from './tracker.js';

const geometry = { width: 1280, height: 720, fps: 25, frameCount: 150 };
const options: PlanOptions = { padding: 0, paddingTop: 0, cover: { leadFrames: 5, holdFrames: 15 } };
const still = (id: string, box: Box, frames: number[]): Track => ({
  id,
  keyframes: frames.map((frame) => ({ frame, box, score: 0.9 })),
});
const requester = still('face-1', { x: 100, y: 100, w: 100, h: 100 }, [0, 5, 10, 145]);
const staff = still('face-2', { x: 800, y: 300, w: 120, h: 120 }, [0, 5, 10, 145]);

const plan = (review: RedactionReview, o: PlanOptions = options) => {
  const r = planRedaction([requester, staff], review, geometry, o);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe('planRedaction', () => {
  it('pixelates every track unless kept', () => {
    expect(boxesAt(plan({}), 50)).toHaveLength(2);
    expect(boxesAt(plan({ keepTrackIds: ['face-1'] }), 50)).toEqual([staff.keyframes[0]!.box]);
    expect(boxesAt(plan({ keepTrackIds: ['face-1'], consentedTrackIds: ['face-2'] }), 50)).toEqual([]);
  });

  it('removes a track over a span only, and resizes over a span', () => {
    const p = plan({
      keepTrackIds: ['face-1'],
      edits: [
        { kind: 'remove', trackId: 'face-2', from: 1, to: 2 },
        { kind: 'resize', trackId: 'face-2', from: 4, to: 5, box: { x: 700, y: 200, w: 300, h: 300 } },
      ],
    });
    expect(boxesAt(p, 24)).toHaveLength(1);
    expect(boxesAt(p, 25)).toEqual([]);
    expect(boxesAt(p, 50)).toEqual([]);
    expect(boxesAt(p, 51)).toHaveLength(1);
    expect(boxesAt(p, 100)).toEqual([{ x: 700, y: 200, w: 300, h: 300 }]);
    expect(boxesAt(plan({ edits: [{ kind: 'remove', trackId: 'face-2' }] }), 60)).toHaveLength(1);
  });

  it('adds a box the detector missed, moving between two positions', () => {
    const p = plan({
      keepTrackIds: ['face-1', 'face-2'],
      edits: [
        {
          kind: 'add',
          from: 2,
          to: 4,
          box: { x: 0, y: 0, w: 50, h: 50 },
          toBox: { x: 100, y: 0, w: 50, h: 50 },
        },
      ],
    });
    expect(boxesAt(p, 49)).toEqual([]);
    expect(boxesAt(p, 50)).toEqual([{ x: 0, y: 0, w: 50, h: 50 }]);
    expect(boxesAt(p, 75)).toEqual([{ x: 50, y: 0, w: 50, h: 50 }]);
    expect(boxesAt(p, 100)).toEqual([{ x: 100, y: 0, w: 50, h: 50 }]);
    expect(boxesAt(p, 101)).toEqual([]);
  });

  it('pads the box, more above, and clips it to the frame', () => {
    const p = plan({ keepTrackIds: ['face-2'] }, { ...options, padding: 0.5, paddingTop: 0.5 });
    expect(boxesAt(p, 50)).toEqual([{ x: 50, y: 0, w: 200, h: 250 }]);
  });

  it('refuses unknown tracks and edits outside the clip', () => {
    const unknown = planRedaction([requester], { keepTrackIds: ['face-9'] }, geometry, options);
    expect(unknown.ok ? null : unknown.error.code).toBe('REDACTION.UNKNOWN_TRACK');
    const removeUnknown = planRedaction(
      [requester],
      { edits: [{ kind: 'remove', trackId: 'x' }] },
      geometry,
      options,
    );
    expect(removeUnknown.ok ? null : removeUnknown.error.code).toBe('REDACTION.UNKNOWN_TRACK');
    for (const edit of [
      { kind: 'add', from: 5, to: 2, box: { x: 0, y: 0, w: 10, h: 10 } },
      { kind: 'add', from: 0, to: 60, box: { x: 0, y: 0, w: 10, h: 10 } },
      { kind: 'add', from: 0, to: 1, box: { x: 2000, y: 0, w: 10, h: 10 } },
      { kind: 'add', from: 0, to: 1, box: { x: 0, y: 0, w: 0, h: 10 } },
      { kind: 'add', from: Number.NaN, to: 1, box: { x: 0, y: 0, w: 10, h: 10 } },
      { kind: 'resize', trackId: 'face-1', from: -1, to: 1, box: { x: 0, y: 0, w: 10, h: 10 } },
    ] as const) {
      const r = planRedaction([requester], { edits: [edit] }, geometry, options);
      expect(r.ok ? null : r.error.code, JSON.stringify(edit)).toBe('REDACTION.INVALID_EDIT');
    }
  });

  it('property: without a review every detected box is inside a pixelated box on its frame', () => {
    const box = fc.record({
      x: fc.integer({ min: -50, max: 1250 }),
      y: fc.integer({ min: -50, max: 690 }),
      w: fc.integer({ min: 20, max: 300 }),
      h: fc.integer({ min: 20, max: 300 }),
    });
    fc.assert(
      fc.property(fc.array(fc.array(box, { maxLength: 3 }), { minLength: 1, maxLength: 30 }), (perSample) => {
        const tracks: Track[] = perSample.flatMap((boxes, k) =>
          boxes.map((b, i) => ({ id: `t${k}-${i}`, keyframes: [{ frame: k * 5, box: b, score: 1 }] })),
        );
        const p = planRedaction(tracks, {}, geometry, { ...options, padding: 0.3, paddingTop: 0.25 });
        if (!p.ok) throw new Error(p.error.message);
        perSample.forEach((boxes, k) => {
          const shown = boxesAt(p.value, k * 5);
          for (const b of boxes) {
            const inFrame = {
              x: Math.max(0, b.x),
              y: Math.max(0, b.y),
              w: Math.min(1280, b.x + b.w) - Math.max(0, b.x),
              h: Math.min(720, b.y + b.h) - Math.max(0, b.y),
            };
            if (inFrame.w <= 0 || inFrame.h <= 0) continue;
            expect(shown.some((s) => contains(s, inFrame))).toBe(true);
          }
        });
      }),
    );
  });
});
