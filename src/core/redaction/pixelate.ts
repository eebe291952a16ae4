/**
 * Pixelation of boxes in a raw yuv420p frame, in place. Each box becomes a mosaic of at most
 * `blocksAcross` blocks along its longer side, every block the mean of its pixels: with the padded
 * box about 1.7 × the face, a face keeps three or four blocks across, which no de-blurring or
 * super-resolution can turn back into a face (a Gaussian blur of a small radius can be partly
 * reversed; a coarse mosaic throws the information away).
 */
import type { Box, FrameSize } from './geometry.js';

export const DEFAULT_BLOCKS_ACROSS = 6;
/** Never finer than this many luma pixels per block. */
export const MIN_BLOCK = 8;

export const yuv420Size = (f: FrameSize): number => {
  const cw = Math.ceil(f.width / 2);
  const ch = Math.ceil(f.height / 2);
  return f.width * f.height + 2 * cw * ch;
};

const mosaic = (
  plane: Uint8Array,
  offset: number,
  stride: number,
  rows: number,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  block: number,
): void => {
  for (let by = y0; by < y1; by += block) {
    const ey = Math.min(by + block, y1, rows);
    for (let bx = x0; bx < x1; bx += block) {
      const ex = Math.min(bx + block, x1, stride);
      let sum = 0;
      for (let y = by; y < ey; y++) {
        const row = offset + y * stride;
        for (let x = bx; x < ex; x++) sum += plane[row + x]!;
      }
      const n = (ey - by) * (ex - bx);
      if (n === 0) continue;
      const mean = Math.round(sum / n);
      for (let y = by; y < ey; y++) plane.fill(mean, offset + y * stride + bx, offset + y * stride + ex);
    }
  }
};

/** The block size (luma pixels, even) for a box: coarse enough, never below MIN_BLOCK. */
export const blockSizeFor = (box: Box, blocksAcross = DEFAULT_BLOCKS_ACROSS): number => {
  const raw = Math.max(MIN_BLOCK, Math.ceil(Math.max(box.w, box.h) / blocksAcross));
  return raw + (raw % 2);
};

/**
 * Pixelates every box (whole pixels, inside the frame) of a yuv420p frame held in `frame`. The
 * chroma planes get the same mosaic at half resolution, so no colour detail survives either.
 */
export const pixelateYuv420 = (
  frame: Uint8Array,
  size: FrameSize,
  boxes: readonly Box[],
  blocksAcross = DEFAULT_BLOCKS_ACROSS,
): void => {
  const { width, height } = size;
  const cw = Math.ceil(width / 2);
  const ch = Math.ceil(height / 2);
  for (const b of boxes) {
    const block = blockSizeFor(b, blocksAcross);
    // Align the box to even coordinates so luma and chroma blocks cover the same area.
    const x0 = b.x - (b.x % 2);
    const y0 = b.y - (b.y % 2);
    const x1 = Math.min(width, b.x + b.w + ((b.x + b.w) % 2));
    const y1 = Math.min(height, b.y + b.h + ((b.y + b.h) % 2));
    mosaic(frame, 0, width, height, x0, y0, x1, y1, block);
    const half = block / 2;
    const [cx0, cy0, cx1, cy1] = [x0 / 2, y0 / 2, Math.ceil(x1 / 2), Math.ceil(y1 / 2)];
    mosaic(frame, width * height, cw, ch, cx0, cy0, cx1, cy1, half);
    mosaic(frame, width * height + cw * ch, cw, ch, cx0, cy0, cx1, cy1, half);
  }
};
