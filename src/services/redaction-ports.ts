/**
 * Face-redacted copies (issue 12 §2): the ports a rights service will use. The engine decodes,
 * detects and tracks faces (`detectTracks`, for the DPO's review) and writes the copy with every
 * face but the requester's pixelated (`redactClip`). Who may decrypt footage for it (the four-eyes
 * grant) is the caller's business: the engine takes a plaintext file the grant produced and never
 * keeps one.
 */
import type { Result } from '../core/result.js';
import type { JobState } from '../core/redaction/job.js';
import type { Actor, UnitOfWork } from './ports.js';
import type { RightsRepositories } from './rights-ports.js';
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
  /** How many frames it works on at once (worker threads); callers keep that many in flight. Default 1. */
  readonly concurrency?: number;
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

/** What a long run reports and how it is stopped (a job runs for minutes: the DPO sees progress). */
export interface RunOptions {
  /** Called with the share of frames done, 0…1. */
  readonly onProgress?: (fraction: number) => void;
  /** Aborting kills ffmpeg; the run answers REDACTION.INPUT_UNREADABLE or ENCODE_FAILED and leaves no copy. */
  readonly signal?: AbortSignal;
}

export interface RedactRequest extends RunOptions {
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
  detectTracks(input: string, options?: RunOptions): Promise<Result<DetectedTracks, RedactionErrorCode>>;
  redactClip(request: RedactRequest): Promise<Result<RedactionReport, RedactionErrorCode>>;
}

/**
 * The four-eyes grant a redaction decrypts under (the viewing service): the actor's own live grant
 * on the clip, on the legal ground 'subject-access', approved by another custodian. Anything else
 * is REDACTION.GRANT_REQUIRED. The plaintext is the whole clip, decrypted with the grant's file keys.
 */
export interface GrantedClip {
  readonly grantId: string;
  readonly viewingRequestId: string;
  readonly expiresAt: string;
  readonly plaintext: () => Promise<Result<AsyncIterable<Buffer>>>;
}

export interface RedactionGrants {
  forRedaction(actor: Actor, clipId: string): Promise<Result<GrantedClip>>;
}

/** One redaction job as stored: a resident's request × one linked clip. */
export interface RedactionJobRecord {
  readonly id: string;
  readonly requestId: string;
  readonly clipId: string;
  readonly siteId: string;
  readonly state: JobState;
  /** The viewing grant the last decryption ran under. */
  readonly grantId: string | null;
  readonly tracks: DetectedTracks | null;
  readonly review: RedactionReview | null;
  readonly errorCode: string | null;
  readonly errorMessage: string | null;
  readonly frames: number | null;
  readonly pixelatedBoxes: number | null;
  readonly copyBytes: number | null;
  readonly copySha256: string | null;
  readonly copyExpiresAt: string | null;
  readonly copyDeletedAt: string | null;
  readonly copyDeletedReason: string | null;
  readonly downloadedAt: string | null;
  /**
   * The instance where the last step ran and whose memory holds the copy's key (ADR 0017);
   * null: from before instances were told apart.
   */
  readonly heldBy: string | null;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface RedactionJobRepository {
  /** Inserts or replaces the job of its (request, clip). */
  save(job: RedactionJobRecord): Promise<void>;
  get(requestId: string, clipId: string): Promise<RedactionJobRecord | undefined>;
  byRequest(requestId: string): Promise<RedactionJobRecord[]>;
  /** Jobs in these states (running ones after a restart). */
  inStates(states: readonly JobState[]): Promise<RedactionJobRecord[]>;
  /** Jobs whose copy is still kept (copy_sha256 set, not deleted). */
  withCopy(): Promise<RedactionJobRecord[]>;
}

export type RedactionStore = UnitOfWork<RightsRepositories & { readonly redactions: RedactionJobRepository }>;

/**
 * Where finished copies rest until they are downloaded and sent (adapters/media/copy-vault.ts):
 * encrypted under a key held in this process's memory only, so a copy never rests on disk as
 * plaintext and a restart makes every copy unreadable (the service deletes them at start).
 */
export interface CopyVault {
  /** Encrypts the plaintext file into the vault under the job's id; removes the plaintext. */
  put(jobId: string, plaintextFile: string): Promise<{ bytes: number; sha256: string }>;
  /** The copy's plaintext, or undefined when it is not kept (or not readable with this process's key). */
  get(jobId: string): Promise<Buffer | undefined>;
  remove(jobId: string): Promise<void>;
  /** Removes every copy (at start: the key of earlier copies died with the process). */
  clear(): Promise<number>;
}

/** A private temporary folder for one step's plaintext (adapters/media/scratch.ts). */
export interface ScratchFolder {
  /** Writes the stream to a new file (mode 0600) in the folder; returns its path. */
  write(name: string, source: AsyncIterable<Buffer>): Promise<string>;
  /** A path in the folder for a file someone else writes. */
  file(name: string): string;
  /** Removes the folder and everything in it. */
  remove(): Promise<void>;
}
