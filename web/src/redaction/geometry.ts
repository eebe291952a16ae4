/**
 * Where the review screen draws the boxes at a moment of the clip: the detected tracks with the
 * DPO's edits applied, as the server's plan does (src/core/redaction/plan.ts), in the clip's pixels.
 */
import type { RedactionJob, RedactionReviewBody } from '../api.js';

export type Box = { x: number; y: number; w: number; h: number };
export type Edit = RedactionReviewBody['edits'][number];
type Tracks = NonNullable<RedactionJob['tracks']>;
type Track = Tracks['tracks'][number];

export interface DrawnBox {
  readonly key: string;
  readonly source: string;
  readonly box: Box;
  readonly kept: boolean;
}

const lerp = (a: Box, b: Box, s: number): Box => ({
  x: a.x + (b.x - a.x) * s,
  y: a.y + (b.y - a.y) * s,
  w: a.w + (b.w - a.w) * s,
  h: a.h + (b.h - a.h) * s,
});

/** The track's box at `t` seconds: between keyframes interpolated, held to its span's ends. */
export const trackBoxAt = (track: Track, t: number): Box | null => {
  if (t < track.start || t > track.end || track.keyframes.length === 0) return null;
  const ks = track.keyframes;
  const next = ks.findIndex((k) => k.t >= t);
  if (next === 0) return ks[0]!;
  if (next === -1) return ks[ks.length - 1]!;
  const a = ks[next - 1]!;
  const b = ks[next]!;
  return lerp(a, b, b.t > a.t ? (t - a.t) / (b.t - a.t) : 0);
};

export const boxesAt = (tracks: Tracks | null, review: RedactionReviewBody, t: number): DrawnBox[] => {
  const shown = new Set([...review.keepTrackIds, ...review.consentedTrackIds]);
  const out: DrawnBox[] = [];
  for (const track of tracks?.tracks ?? []) {
    const mine = review.edits.filter((e) => e.kind !== 'add' && e.trackId === track.id);
    const removed = mine.some(
      (e) => e.kind === 'remove' && t >= (e.from ?? 0) && t <= (e.to ?? Number.POSITIVE_INFINITY),
    );
    if (removed) continue;
    const resized = mine.findLast((e) => e.kind === 'resize' && t >= e.from && t <= e.to);
    const box = resized?.kind === 'resize' ? resized.box : trackBoxAt(track, t);
    if (box) out.push({ key: track.id, source: track.id, box, kept: shown.has(track.id) });
  }
  review.edits.forEach((e, i) => {
    if (e.kind !== 'add' || t < e.from || t > e.to) return;
    const s = e.to > e.from ? (t - e.from) / (e.to - e.from) : 0;
    out.push({
      key: `added-${i}`,
      source: `added-${i + 1}`,
      box: lerp(e.box, e.toBox ?? e.box, s),
      kept: false,
    });
  });
  return out;
};

/** A box from two corners, in whole pixels, clipped to the frame. */
export const boxFromCorners = (
  a: { x: number; y: number },
  b: { x: number; y: number },
  frame: { width: number; height: number },
): Box => {
  const x0 = Math.max(0, Math.min(a.x, b.x));
  const y0 = Math.max(0, Math.min(a.y, b.y));
  const x1 = Math.min(frame.width, Math.max(a.x, b.x));
  const y1 = Math.min(frame.height, Math.max(a.y, b.y));
  return { x: Math.round(x0), y: Math.round(y0), w: Math.round(x1 - x0), h: Math.round(y1 - y0) };
};
