/**
 * Ports of legal holds and deletion records (issue 10 §3). The repositories join the recording
 * store (RecordingRepositories), so a hold, the clip it protects, the retention sweep's deletion,
 * its record and the audit entries commit together.
 */
import type { LegalHold } from '../core/recording/holds.js';

export type { LegalHold } from '../core/recording/holds.js';

export type DeletionReason = 'retention' | 'erasure' | 'objection';

/** Holds a deletion lifts as part of itself (a resident's own restriction, lifted by their erasure). */
export interface ReleaseWithDeletion {
  readonly holdIds: readonly string[];
  readonly reason: string;
}

/** What is left of a deleted clip: enough to account for it, nothing to open it with. */
export interface DeletionRecord {
  readonly id: string;
  readonly clipId: string;
  readonly cameraId: string;
  readonly roomId: string;
  readonly siteId: string;
  readonly incidentIds: readonly string[];
  readonly startedAt: string | null;
  readonly endedAt: string | null;
  readonly parts: number | null;
  readonly sealedBytes: number | null;
  readonly manifestDigest: string | null;
  readonly reason: DeletionReason;
  readonly deletedAt: string;
  /** A user id, or the system's name (`recorder` for the retention sweep). */
  readonly deletedBy: string;
}

export interface DeletionFilter {
  readonly clipId?: string;
  readonly incidentId?: string;
  /** ISO instants: deleted at or after `from`, before `to`. */
  readonly from?: string;
  readonly to?: string;
  readonly siteIds?: readonly string[];
  readonly limit?: number;
}

export interface ClipHoldRepository {
  insert(h: LegalHold): Promise<void>;
  update(h: LegalHold): Promise<void>;
  get(id: string): Promise<LegalHold | undefined>;
  /** Every hold of the clip, live or not, oldest first. */
  forClip(clipId: string): Promise<LegalHold[]>;
  /** For each of these clips that a live hold keeps at `now`: the end of its latest live hold. */
  liveUntil(clipIds: readonly string[], now: string): Promise<Map<string, string>>;
  /** Live holds (not released) whose end lies after `now` and before `before`, soonest first. */
  lapsing(now: string, before: string): Promise<LegalHold[]>;
  /**
   * Takes the clip row's lock for the rest of the transaction (PostgreSQL SELECT … FOR UPDATE;
   * SQLite runs one transaction at a time), so placing a hold and deleting the clip never interleave.
   */
  lockClip(clipId: string): Promise<void>;
}

export interface ClipDeletionRepository {
  insert(d: DeletionRecord): Promise<void>;
  list(filter: DeletionFilter): Promise<DeletionRecord[]>;
}
