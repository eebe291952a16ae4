/**
 * Faces found on sampled frames → tracks across the clip (issue 12 §2). Detection runs on a few
 * frames per second only, so a track is a list of keyframes (the sampled frames where the face was
 * found) and the box on every other frame is derived: interpolated between keyframes, held from
 * one sampling interval before the first keyframe (the face may have appeared right after the
 * previous sample) until a sampling interval plus `holdFrames` after the last one (a missed
 * detection must not expose a face). Pure: frame numbers in, tracks out.
 */
import { expand, iou, lerpBox, type Box } from './geometry.js';

export interface Detection {
  readonly box: Box;
  readonly score: number;
}

/** What the detector found on one sampled frame (frame = index in the clip at its frame rate). */
export interface SampledFrame {
  readonly frame: number;
  readonly detections: readonly Detection[];
}

export interface Keyframe {
  readonly frame: number;
  readonly box: Box;
  readonly score: number;
}

export interface Track {
  /** Stable within one detection run: face-1, face-2, … in order of first appearance. */
  readonly id: string;
  readonly keyframes: readonly Keyframe[];
}

export interface TrackerOptions {
  /**
   * Minimum IoU between a track's predicted box and a detection (both grown by half, the prediction
   * by a quarter more per missed sample) to match.
   */
  readonly matchIou: number;
  /** A track still takes detections after this many sampled frames without one; then it ends. */
  readonly maxMissedSamples: number;
}

export const DEFAULT_TRACKER_OPTIONS: TrackerOptions = { matchIou: 0.2, maxMissedSamples: 3 };

interface Open {
  id: string;
  keyframes: Keyframe[];
  missed: number;
}

/** Where a track should be on `frame`, extrapolated from its last two keyframes (constant velocity). */
const predict = (t: Open, frame: number): Box => {
  const last = t.keyframes[t.keyframes.length - 1]!;
  const prev = t.keyframes[t.keyframes.length - 2];
  if (prev === undefined || last.frame === prev.frame) return last.box;
  return lerpBox(prev.box, last.box, (frame - prev.frame) / (last.frame - prev.frame));
};

/**
 * Greedy matching, best IoU first (faces rarely cross in an interview room; the DPO corrects the
 * rest in review). Samples must be in frame order.
 */
export const buildTracks = (
  samples: readonly SampledFrame[],
  options: TrackerOptions = DEFAULT_TRACKER_OPTIONS,
): Track[] => {
  const all: Open[] = [];
  let open: Open[] = [];
  for (const sample of samples) {
    const pairs: { t: Open; d: number; score: number }[] = [];
    for (const t of open) {
      // The longer a face went unseen, the farther it may have gone: the gate widens.
      const predicted = expand(predict(t, sample.frame), 0.5 + 0.25 * t.missed);
      sample.detections.forEach((det, d) => {
        const score = iou(predicted, expand(det.box, 0.5));
        if (score >= options.matchIou) pairs.push({ t, d, score });
      });
    }
    pairs.sort((a, b) => b.score - a.score);
    const usedTracks = new Set<Open>();
    const usedDetections = new Set<number>();
    for (const { t, d } of pairs) {
      if (usedTracks.has(t) || usedDetections.has(d)) continue;
      usedTracks.add(t);
      usedDetections.add(d);
      const det = sample.detections[d]!;
      t.keyframes.push({ frame: sample.frame, box: det.box, score: det.score });
      t.missed = 0;
    }
    for (const t of open) if (!usedTracks.has(t)) t.missed += 1;
    open = open.filter((t) => t.missed <= options.maxMissedSamples);
    sample.detections.forEach((det, d) => {
      if (usedDetections.has(d)) return;
      const t: Open = {
        id: `face-${all.length + 1}`,
        keyframes: [{ frame: sample.frame, box: det.box, score: det.score }],
        missed: 0,
      };
      all.push(t);
      open.push(t);
    });
  }
  return all.map(({ id, keyframes }) => ({ id, keyframes }));
};

/** How far a track's box reaches beyond its first and last keyframe, in frames. */
export interface Coverage {
  /** Before the first keyframe: the sampling interval (the face may have come in just after the previous sample). */
  readonly leadFrames: number;
  /** After the last keyframe: the sampling interval plus a margin for missed detections. */
  readonly holdFrames: number;
}

/** First and last frame a track covers (inclusive), before clipping to the clip. */
export const trackSpan = (track: Track, cover: Coverage): { start: number; end: number } => ({
  start: track.keyframes[0]!.frame - cover.leadFrames,
  end: track.keyframes[track.keyframes.length - 1]!.frame + cover.holdFrames,
});

/** The track's box on `frame` (unpadded), or null outside its span. Binary search over keyframes. */
export const trackBoxAt = (track: Track, frame: number, cover: Coverage): Box | null => {
  const ks = track.keyframes;
  const first = ks[0];
  const last = ks[ks.length - 1];
  if (first === undefined || last === undefined) return null;
  if (frame < first.frame) return frame >= first.frame - cover.leadFrames ? first.box : null;
  if (frame >= last.frame) return frame <= last.frame + cover.holdFrames ? last.box : null;
  let lo = 0;
  let hi = ks.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (ks[mid]!.frame <= frame) lo = mid;
    else hi = mid;
  }
  const a = ks[lo]!;
  const b = ks[hi]!;
  return lerpBox(a.box, b.box, (frame - a.frame) / (b.frame - a.frame));
};
