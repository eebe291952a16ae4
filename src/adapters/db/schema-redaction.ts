/**
 * Row type of redaction jobs (migration 0016-redaction-jobs), joined to the DB interface by
 * declaration merging. Times are ISO-8601 UTC text; tracks and review are JSON text.
 */
import type { Selectable } from 'kysely';

export interface RedactionJobTable {
  id: string;
  request_id: string;
  clip_id: string;
  site_id: string;
  state: string;
  grant_id: string | null;
  tracks: string | null;
  review: string | null;
  error_code: string | null;
  error_message: string | null;
  frames: number | null;
  pixelated_boxes: number | null;
  copy_bytes: number | null;
  copy_sha256: string | null;
  copy_expires_at: string | null;
  copy_deleted_at: string | null;
  copy_deleted_reason: string | null;
  downloaded_at: string | null;
  /** Migration 0020: the instance holding the copy's key (ADR 0017). */
  held_by: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

declare module './schema.js' {
  interface DB {
    redaction_jobs: RedactionJobTable;
  }
}

export type RedactionJobRow = Selectable<RedactionJobTable>;
