/**
 * Boxes in pixels of the source frame (x, y = top-left corner). Pure helpers shared by the tracker,
 * the DPO's edits and the pixelation.
 */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface FrameSize {
  readonly width: number;
  readonly height: number;
}

export const area = (b: Box): number => Math.max(0, b.w) * Math.max(0, b.h);

export const intersection = (a: Box, b: Box): number => {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
};

/** Intersection over union, 0 when either box is empty. */
export const iou = (a: Box, b: Box): number => {
  const i = intersection(a, b);
  const u = area(a) + area(b) - i;
  return u > 0 ? i / u : 0;
};

/** Grows a box by `fraction` of its width/height on every side (0.25 → 1.5 × as wide). */
export const expand = (b: Box, fraction: number): Box => ({
  x: b.x - b.w * fraction,
  y: b.y - b.h * fraction,
  w: b.w * (1 + 2 * fraction),
  h: b.h * (1 + 2 * fraction),
});

/** Linear interpolation between two boxes, s in [0, 1]. */
export const lerpBox = (a: Box, b: Box, s: number): Box => ({
  x: a.x + (b.x - a.x) * s,
  y: a.y + (b.y - a.y) * s,
  w: a.w + (b.w - a.w) * s,
  h: a.h + (b.h - a.h) * s,
});

/** The smallest box holding both. */
export const union = (a: Box, b: Box): Box => {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, w: Math.max(a.x + a.w, b.x + b.w) - x, h: Math.max(a.y + a.h, b.y + b.h) - y };
};

/**
 * Whole pixels, rounded outward (a redaction box never shrinks by rounding) and clipped to the
 * frame; null when nothing of it is inside.
 */
export const toPixels = (b: Box, frame: FrameSize): Box | null => {
  const x0 = Math.max(0, Math.floor(b.x));
  const y0 = Math.max(0, Math.floor(b.y));
  const x1 = Math.min(frame.width, Math.ceil(b.x + b.w));
  const y1 = Math.min(frame.height, Math.ceil(b.y + b.h));
  return x1 > x0 && y1 > y0 ? { x: x0, y: y0, w: x1 - x0, h: y1 - y0 } : null;
};

/** True when `inner` lies wholly inside `outer`. */
export const contains = (outer: Box, inner: Box): boolean =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.w <= outer.x + outer.w &&
  inner.y + inner.h <= outer.y + outer.h;
