/**
 * Row types of legal holds and deletion records (migration 0012-holds-and-deletions), joined to the
 * DB interface by declaration merging. Times are ISO-8601 UTC text; incident_ids is a JSON array.
 */
import type { Selectable } from 'kysely';

export interface ClipHoldTable {
  id: string;
  clip_id: string;
  reason: string;
  police_report: string | null;
  until: string;
  placed_by: string;
  placed_at: string;
  extended_at: string | null;
  extended_by: string | null;
  extension_reason: string | null;
  beyond_maximum: number;
  released_at: string | null;
  released_by: string | null;
  release_reason: string | null;
}

export interface ClipDeletionTable {
  id: string;
  clip_id: string;
  camera_id: string;
  room_id: string;
  site_id: string;
  incident_ids: string;
  started_at: string | null;
  ended_at: string | null;
  parts: number | null;
  sealed_bytes: number | string | null;
  manifest_digest: string | null;
  /** 'retention' | 'erasure' | 'objection' */
  reason: string;
  deleted_at: string;
  /** A user id, or `system:<name>` for the retention sweep. */
  deleted_by: string;
}

declare module './schema.js' {
  interface DB {
    clip_holds: ClipHoldTable;
    clip_deletions: ClipDeletionTable;
  }
}

export type ClipHoldRow = Selectable<ClipHoldTable>;
export type ClipDeletionRow = Selectable<ClipDeletionTable>;
