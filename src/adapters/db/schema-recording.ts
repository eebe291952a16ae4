/**
 * Row types of the recording capability's tables (migration 0004-recording). They join the DB
 * interface by declaration merging, so schema.ts stays the foundation's file. Times are ISO-8601
 * UTC text; JSON columns are text. No column holds footage or anything about a resident.
 */
import type { Selectable } from 'kysely';

export interface ClipTable {
  id: string;
  camera_id: string;
  room_id: string;
  site_id: string;
  /** The first alarm that opened the clip (null in continuous mode). */
  alarm_id: string | null;
  incident_id: string | null;
  /** JSON array of every alarm that opened or extended the clip. */
  alarm_ids: string;
  incident_ids: string;
  conversation_id: string | null;
  mode: string; // 'incident' | 'continuous'
  policy_seq: number | null;
  policy_compiled_at: string | null;
  policy_hash: string | null;
  /** JSON array of the assessments whose approval made the recording lawful. */
  assessment_ids: string;
  status: string; // 'recording' | 'sealed' | 'failed' | 'interrupted' | 'deleted'
  started_at: string | null;
  ended_at: string | null;
  duration_seconds: number | null;
  /** Plaintext MP4 bytes (init + fragments). */
  bytes: number | string | null;
  sealed_bytes: number | string | null;
  parts: number | null;
  keyframe_interval_seconds: number | null;
  pre_roll_seconds: number | null;
  end_reason: string | null;
  codec: string | null;
  width: number | null;
  height: number | null;
  manifest_digest: string | null;
  retention_hours: number;
  retention_until: string | null;
  error_code: string | null;
  created_at: string;
  sealed_at: string | null;
  deleted_at: string | null;
  deleted_reason: string | null;
}

export interface RecordingSuspensionTable {
  id: string;
  scope: string; // 'site' | 'organisation'
  site_id: string | null;
  reason: string;
  suspended_by: string;
  suspended_at: string;
  resumed_by: string | null;
  resumed_at: string | null;
  resume_reason: string | null;
}

/** A resident's objection for one conversation. Deliberately no column for who the resident is. */
export interface RecordingObjectionTable {
  id: string;
  room_id: string;
  conversation_id: string;
  recorded_by: string;
  at: string;
}

export interface IncidentFootageNoteTable {
  id: string;
  incident_id: string | null;
  alarm_id: string;
  room_id: string;
  camera_id: string | null;
  /** 'clip' | 'clip-extended' | 'clip-cut' | 'camera-offline' | 'camera-disabled' | 'suspended' | 'objection' | 'policy-off' | 'vault-key-missing' | 'ffmpeg-missing' | 'seal-failed' */
  kind: string;
  message: string;
  clip_id: string | null;
  at: string;
}

declare module './schema.js' {
  interface DB {
    clips: ClipTable;
    recording_suspensions: RecordingSuspensionTable;
    recording_objections: RecordingObjectionTable;
    incident_footage_notes: IncidentFootageNoteTable;
  }
}

export type ClipRow = Selectable<ClipTable>;
export type SuspensionRow = Selectable<RecordingSuspensionTable>;
export type ObjectionRow = Selectable<RecordingObjectionTable>;
export type FootageNoteRow = Selectable<IncidentFootageNoteTable>;
