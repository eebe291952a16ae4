/**
 * A redaction job: one resident's request × one clip (issue 12 §2, docs/redaction.md "The job").
 * Pure rules: which step may follow which, how long the copy is kept, and whether the DPO's review
 * fits the tracks that were found. The service does the work; this says what is allowed.
 */
import { err, ok, type Result } from '../result.js';
import { planRedaction, type RedactionReview } from './plan.js';
import type { Track } from './tracker.js';

export const JOB_STATES = ['detecting', 'detected', 'rendering', 'rendered', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

/** What the DPO (or the machine) does to a job. */
export type JobEvent = 'detect' | 'detected' | 'review' | 'render' | 'rendered' | 'fail';

/**
 * The steps. Detection may start again from any resting state (a new grant, a better detector);
 * a review after the copy was made sends the job back to 'detected' (the copy no longer matches it).
 */
const NEXT: Readonly<Record<JobEvent, Partial<Record<JobState | 'none', JobState>>>> = {
  detect: { none: 'detecting', detected: 'detecting', rendered: 'detecting', failed: 'detecting' },
  detected: { detecting: 'detected' },
  review: { detected: 'detected', rendered: 'detected' },
  render: { detected: 'rendering', rendered: 'rendering' },
  rendered: { rendering: 'rendered' },
  fail: { detecting: 'failed', rendering: 'failed' },
};

export type JobErrorCode = 'REDACTION.JOB_BUSY' | 'REDACTION.NOT_DETECTED';

export const jobTransition = (state: JobState | 'none', event: JobEvent): Result<JobState, JobErrorCode> => {
  const next = NEXT[event][state];
  if (next !== undefined) return ok(next);
  if (state === 'detecting' || state === 'rendering')
    return err('REDACTION.JOB_BUSY', `the job is ${state}: wait until it has finished`, { state });
  return err('REDACTION.NOT_DETECTED', `the job is ${state}: detect the faces first`, { state });
};

/**
 * How long a finished copy stays on the server (encrypted, docs/redaction.md): long enough to
 * check it and send it with the letter, no longer. Closing the request deletes it at once.
 */
export const COPY_RETENTION_DAYS = 7;
const DAY_MS = 86_400_000;

export const copyExpiresAt = (renderedAt: number, days: number = COPY_RETENTION_DAYS): number =>
  renderedAt + days * DAY_MS;

/** The copy's file name as it is downloaded, and as the decision letter names it. */
export const copyFileName = (requestId: string, clipId: string): string =>
  `kopie-betrokkene-${requestId}-${clipId}.mp4`;

/**
 * Why a copy was deleted because a newer one replaces it (or will): such a copy is not what went
 * out, so the letter does not name it. Other reasons (sent and deleted, expired, closed, restart)
 * end a copy that did go out.
 */
export const SUPERSEDED_COPY = ['review-changed', 'rendered-again', 'detected-again'] as const;

export type CopyEnd = 'expired' | 'request-closed';

/** Why a kept copy must go now, or null while it may stay. */
export const copyEnd = (
  copy: { readonly expiresAt: number },
  now: number,
  requestClosed: boolean,
): CopyEnd | null => (requestClosed ? 'request-closed' : now >= copy.expiresAt ? 'expired' : null);

/** The tracks as stored for the review: seconds, as the review timeline shows them. */
export interface StoredTracks {
  readonly width: number;
  readonly height: number;
  readonly fps: number;
  readonly frameCount: number;
  readonly tracks: readonly {
    readonly id: string;
    readonly keyframes: readonly {
      readonly t: number;
      readonly x: number;
      readonly y: number;
      readonly w: number;
      readonly h: number;
      readonly score: number;
    }[];
  }[];
}

/** Seconds → frames, as the engine reads stored tracks back. */
export const tracksInFrames = (d: StoredTracks): Track[] =>
  d.tracks.map((t) => ({
    id: t.id,
    keyframes: t.keyframes.map((k) => ({
      frame: Math.round(k.t * d.fps),
      box: { x: k.x, y: k.y, w: k.w, h: k.h },
      score: k.score,
    })),
  }));

/**
 * The DPO's review against the tracks it was made on: every named track exists, every edit lies
 * inside the clip and the picture, and no track is both kept and consented twice over. Checked when
 * the review is saved, so a render never starts on a review that cannot be applied.
 */
export const checkReview = (
  detected: StoredTracks,
  review: RedactionReview,
): Result<RedactionReview, 'REDACTION.UNKNOWN_TRACK' | 'REDACTION.INVALID_EDIT'> => {
  const planned = planRedaction(
    tracksInFrames(detected),
    review,
    { width: detected.width, height: detected.height, fps: detected.fps, frameCount: detected.frameCount },
    { padding: 0, paddingTop: 0, cover: { leadFrames: 0, holdFrames: 0 } },
  );
  if (!planned.ok) return planned;
  const keep = new Set(review.keepTrackIds ?? []);
  const both = (review.consentedTrackIds ?? []).filter((id) => keep.has(id));
  if (both.length > 0)
    return err(
      'REDACTION.INVALID_EDIT',
      `Track ${both.join(', ')} is marked both as the requester and as consenting`,
      { trackIds: both },
    );
  return ok({
    keepTrackIds: [...new Set(review.keepTrackIds ?? [])],
    consentedTrackIds: [...new Set(review.consentedTrackIds ?? [])],
    edits: review.edits ?? [],
  });
};

/** A share of the work done, 0…1, never past 1 (ffmpeg may deliver a frame more than probed). */
export const progressOf = (done: number, total: number): number =>
  total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
