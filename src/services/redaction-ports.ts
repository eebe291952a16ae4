/**
 * Face-redacted copies (issue 12 §2): the ports a rights service will use. The engine decodes,
 * detects and tracks faces (`detectTracks`, for the DPO's review) and writes the copy with every
 * face but the requester's pixelated (`redactClip`). Who may decrypt footage for it (the four-eyes
 * grant) is the caller's business: the engine takes a plaintext file the grant produced and never
 * keeps one.
 */
import type { Result } from '../core/result.js';
import type { Detection } from '../core/redaction/tracker.js';
import type { RedactionReview } from '../core/redaction/plan.js';

/** One decoded frame as packed RGB, 3 bytes per pixel, row by row. */
export interface RgbFrame {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/** Finds faces in one frame; boxes in the frame's pixels. */
export interface FaceDetector {
  readonly name: string;
  detect(frame: RgbFrame): Promise<Detection[]>;
  dispose(): Promise<void>;
}

export interface TrackKeyframeView {
  /** Seconds from the start of the clip. */
  readonly t: number;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly score: number;
}

/** A face track as the review UI shows it: where it is pixelated from/to and its detected boxes. */
export interface TrackView {
  readonly id: string;
  /** Seconds, the span the copy pixelates (lead and hold included, clipped to the clip). */
  readonly start: number;
  readonly end: number;
  readonly keyframes: readonly TrackKeyframeView[];
}

export interface DetectedTracks {
  readonly width: number;
  readonly height: number;
  readonly fps: number;
  readonly frameCount: number;
  /** How many frames per second were searched for faces. */
  readonly samplesPerSecond: number;
  readonly detector: string;
  readonly tracks: readonly TrackView[];
}

export interface RedactRequest {
  /** A plaintext video file (decrypted under a grant). */
  readonly input: string;
  /** Written only when all went well (a temporary name next to it is renamed at the end). */
  readonly output: string;
  /** The tracks of an earlier detectTracks on the same input (the DPO reviewed these); detected anew when absent. */
  readonly tracks?: DetectedTracks;
  readonly review: RedactionReview;
  /** The date in the visible note, formatted for Europe/Amsterdam by the caller. */
  readonly noteDate: string;
}

export interface RedactionReport {
  readonly frames: number;
  readonly pixelatedBoxes: number;
  readonly tracks: number;
  readonly output: string;
}

export type RedactionErrorCode =
  | 'REDACTION.INPUT_UNREADABLE'
  | 'REDACTION.UNKNOWN_TRACK'
  | 'REDACTION.INVALID_EDIT'
  | 'REDACTION.DETECTOR_UNAVAILABLE'
  | 'REDACTION.ENCODE_FAILED';

export interface FootageRedactor {
  detectTracks(input: string): Promise<Result<DetectedTracks, RedactionErrorCode>>;
  redactClip(request: RedactRequest): Promise<Result<RedactionReport, RedactionErrorCode>>;
}
