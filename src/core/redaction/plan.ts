/**
 * The DPO's review of the detected tracks → what is pixelated on every frame (issue 12 §2; GDPR
 * Art. 15(4), EDPB 3/2019 §129: a copy for the data subject must not disclose anyone else).
 *
 * Everything found is pixelated unless the DPO keeps it: `keepTrackIds` are the requester's face
 * (more than one when the face was lost and found again as a new track), `consentedTrackIds` a
 * person who agreed to be shown (the staff member, say). Edits correct the detector: add a box it
 * missed, remove a false one over a span, replace a track's box over a span. Where a kept box and a
 * pixelated box overlap, pixelation wins: nobody else is shown to save the requester's face.
 *
 * Times in the edits are seconds from the start of the clip (what the review timeline shows);
 * the plan is in frames.
 */
import { err, ok, type Result } from '../result.js';
import { expand, lerpBox, toPixels, type Box, type FrameSize } from './geometry.js';
import { trackBoxAt, trackSpan, type Coverage, type Track } from './tracker.js';

export type RedactionEdit =
  /** A box the detector missed: from `box` at `from` moving linearly to `toBox` (default: `box`) at `to`. */
  | {
      readonly kind: 'add';
      readonly from: number;
      readonly to: number;
      readonly box: Box;
      readonly toBox?: Box;
    }
  /** Not a face (or a duplicate): the track is not pixelated over [from, to] (default: all of it). */
  | { readonly kind: 'remove'; readonly trackId: string; readonly from?: number; readonly to?: number }
  /** The track's box is `box` over [from, to] (the DPO dragged its corners). */
  | {
      readonly kind: 'resize';
      readonly trackId: string;
      readonly from: number;
      readonly to: number;
      readonly box: Box;
    };

export interface RedactionReview {
  readonly keepTrackIds?: readonly string[];
  readonly consentedTrackIds?: readonly string[];
  readonly edits?: readonly RedactionEdit[];
}

export interface VideoGeometry extends FrameSize {
  readonly fps: number;
  readonly frameCount: number;
}

export interface PlanOptions {
  /** Extra margin on each side, as a fraction of the box (detector boxes are tight around the face). */
  readonly padding: number;
  /** Extra margin above, for hair and forehead, as a fraction of the box height. */
  readonly paddingTop: number;
  readonly cover: Coverage;
}

interface Span {
  readonly start: number;
  readonly end: number;
}

interface Region {
  readonly source: string;
  readonly span: Span;
  readonly boxAt: (frame: number) => Box | null;
}

export interface RedactionPlan {
  readonly geometry: VideoGeometry;
  readonly regions: readonly Region[];
  readonly options: PlanOptions;
}

const within = (frame: number, s: Span): boolean => frame >= s.start && frame <= s.end;

const validEdit = (e: RedactionEdit, g: VideoGeometry): boolean => {
  const duration = g.frameCount / g.fps;
  const spanOk = (from: number, to: number) =>
    Number.isFinite(from) && Number.isFinite(to) && from >= 0 && from <= to && to <= duration + 1 / g.fps;
  const boxOk = (b: Box) =>
    [b.x, b.y, b.w, b.h].every(Number.isFinite) && b.w > 0 && b.h > 0 && toPixels(b, g) !== null;
  switch (e.kind) {
    case 'add':
      return spanOk(e.from, e.to) && boxOk(e.box) && (e.toBox === undefined || boxOk(e.toBox));
    case 'remove':
      return spanOk(e.from ?? 0, e.to ?? duration);
    case 'resize':
      return spanOk(e.from, e.to) && boxOk(e.box);
  }
};

/** Seconds → inclusive frame span: every frame whose time lies in [from, to]. */
const framesOf = (from: number, to: number, fps: number): Span => ({
  start: Math.ceil(from * fps - 1e-6),
  end: Math.floor(to * fps + 1e-6),
});

export const planRedaction = (
  tracks: readonly Track[],
  review: RedactionReview,
  geometry: VideoGeometry,
  options: PlanOptions,
): Result<RedactionPlan, 'REDACTION.UNKNOWN_TRACK' | 'REDACTION.INVALID_EDIT'> => {
  const known = new Set(tracks.map((t) => t.id));
  const edits = review.edits ?? [];
  const named = [
    ...(review.keepTrackIds ?? []),
    ...(review.consentedTrackIds ?? []),
    ...edits.flatMap((e) => (e.kind === 'add' ? [] : [e.trackId])),
  ];
  const unknown = named.filter((id) => !known.has(id));
  if (unknown.length > 0)
    return err('REDACTION.UNKNOWN_TRACK', `No face track ${unknown.join(', ')}`, { trackIds: unknown });
  const bad = edits.map((e, i) => (validEdit(e, geometry) ? -1 : i)).filter((i) => i >= 0);
  if (bad.length > 0)
    return err('REDACTION.INVALID_EDIT', `Edit ${bad.join(', ')} is outside the clip`, { edits: bad });

  const shown = new Set([...(review.keepTrackIds ?? []), ...(review.consentedTrackIds ?? [])]);
  const regions: Region[] = [];
  for (const track of tracks) {
    if (shown.has(track.id)) continue;
    const removed: Span[] = [];
    const resized: { span: Span; box: Box }[] = [];
    for (const e of edits) {
      if (e.kind === 'add' || e.trackId !== track.id) continue;
      if (e.kind === 'remove')
        removed.push(
          e.from === undefined && e.to === undefined
            ? { start: -Infinity, end: Infinity }
            : framesOf(e.from ?? 0, e.to ?? Infinity, geometry.fps),
        );
      else resized.push({ span: framesOf(e.from, e.to, geometry.fps), box: e.box });
    }
    const span = trackSpan(track, options.cover);
    const extended = resized.reduce(
      (s, r) => ({ start: Math.min(s.start, r.span.start), end: Math.max(s.end, r.span.end) }),
      span,
    );
    regions.push({
      source: track.id,
      span: extended,
      boxAt: (frame) => {
        if (removed.some((s) => within(frame, s))) return null;
        // The last resize that covers the frame wins (the DPO's latest correction).
        const override = resized.findLast((r) => within(frame, r.span));
        return override?.box ?? trackBoxAt(track, frame, options.cover);
      },
    });
  }
  edits.forEach((e, i) => {
    if (e.kind !== 'add') return;
    const span = framesOf(e.from, e.to, geometry.fps);
    const toBox = e.toBox ?? e.box;
    regions.push({
      source: `added-${i + 1}`,
      span,
      boxAt: (frame) =>
        within(frame, span)
          ? lerpBox(e.box, toBox, span.end > span.start ? (frame - span.start) / (span.end - span.start) : 0)
          : null,
    });
  });
  return ok({ geometry, regions, options });
};

/** The padded, whole-pixel boxes to pixelate on `frame`. */
export const boxesAt = (plan: RedactionPlan, frame: number): Box[] => {
  const out: Box[] = [];
  for (const r of plan.regions) {
    if (!within(frame, r.span)) continue;
    const box = r.boxAt(frame);
    if (box === null) continue;
    const padded = expand(box, plan.options.padding);
    const top = box.h * plan.options.paddingTop;
    const px = toPixels({ ...padded, y: padded.y - top, h: padded.h + top }, plan.geometry);
    if (px !== null) out.push(px);
  }
  return out;
};
