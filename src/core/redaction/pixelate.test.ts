import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockSizeFor, pixelateYuv420, yuv420Size } from './pixelate.js';

describe('pixelateYuv420', () => {
  it('property: outside the boxes nothing changes; inside, the luma has at most blocksAcross² values per box', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 8, max: 96 }),
        fc.integer({ min: 8, max: 96 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.array(
          fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 1, max: 96 }), fc.integer({ min: 1, max: 96 })),
          {
            maxLength: 3,
          },
        ),
        (width, height, seed, raw) => {
          const size = { width, height };
          const boxes = raw
            .map(([x, y, w, h]) => ({ x: x % width, y: y % height, w, h }))
            .map((b) => ({ ...b, w: Math.min(b.w, width - b.x), h: Math.min(b.h, height - b.y) }));
          let s = seed;
          const frame = new Uint8Array(yuv420Size(size)).map(
            () => ((s = (s * 1103515245 + 12345) >>> 0) >>> 24) & 255,
          );
          const before = frame.slice();
          pixelateYuv420(frame, size, boxes);
          // Luma outside every (even-aligned) box is untouched.
          const inside = (x: number, y: number) =>
            boxes.some(
              (b) =>
                x >= b.x - (b.x % 2) &&
                x < b.x + b.w + ((b.x + b.w) % 2) &&
                y >= b.y - (b.y % 2) &&
                y < b.y + b.h + ((b.y + b.h) % 2),
            );
          for (let y = 0; y < height; y++)
            for (let x = 0; x < width; x++)
              if (!inside(x, y)) expect(frame[y * width + x]).toBe(before[y * width + x]);
          if (boxes.length === 1) {
            const b = boxes[0]!;
            const values = new Set<number>();
            for (let y = b.y; y < b.y + b.h; y++)
              for (let x = b.x; x < b.x + b.w; x++) values.add(frame[y * width + x]!);
            const block = blockSizeFor(b);
            expect(values.size).toBeLessThanOrEqual(
              (Math.ceil((b.w + 1) / block) + 1) * (Math.ceil((b.h + 1) / block) + 1),
            );
          }
        },
      ),
    );
  });

  it('makes each block the mean of its pixels', () => {
    const size = { width: 16, height: 16 };
    const frame = new Uint8Array(yuv420Size(size));
    for (let i = 0; i < 256; i++) frame[i] = i % 2 === 0 ? 100 : 200;
    pixelateYuv420(frame, size, [{ x: 0, y: 0, w: 16, h: 16 }]);
    expect(new Set(frame.subarray(0, 256))).toEqual(new Set([150]));
  });

  it('uses coarse blocks: at most six across, never finer than 8 pixels', () => {
    expect(blockSizeFor({ x: 0, y: 0, w: 300, h: 200 })).toBe(50);
    expect(blockSizeFor({ x: 0, y: 0, w: 20, h: 20 })).toBe(8);
    expect(blockSizeFor({ x: 0, y: 0, w: 61, h: 10 })).toBe(12);
  });
});
