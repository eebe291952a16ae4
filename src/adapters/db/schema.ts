/**
 * Table row types, kept apart from domain types (Kysely convention). Portable across SQLite and
 * PostgreSQL: ids are text (UUIDs), times are ISO-8601 UTC text (sortable), booleans are 0/1
 * integers, structured values are JSON text.
 */
import type { Insertable, Selectable } from 'kysely';

export interface OrganisationTable {
  id: number; // always 1
  name: string;
  address: string;
  dpo_name: string;
  dpo_email: string;
  dpo_phone: string;
  updated_at: string;
}

export interface SettingTable {
  key: string;
  value: string; // JSON
  updated_at: string;
  updated_by: string;
}

export interface SiteTable {
  id: string;
  name: string;
  address: string;
  created_at: string;
}

export interface RoomTable {
  id: string;
  site_id: string;
  name: string;
  floor: string;
  description: string;
  created_at: string;
}

export interface CameraTable {
  id: string;
  room_id: string;
  name: string;
  /** RTSP URL without credentials. */
  url: string;
  /** AES-256-GCM sealed JSON {username,password}, or null. Never returned or logged. */
  credentials_sealed: string | null;
  created_at: string;
  /** Set while an administrator has the camera switched off (0008). */
  disabled_at: string | null;
  /** Soft delete (0008): the row stays for the clips that reference it. */
  removed_at: string | null;
}

export interface ConversationTypeTable {
  id: string;
  code: string;
  name_nl: string;
  name_en: string;
  /** The conversation usually reveals special-category or highly personal data (SC-1). */
  sensitive: number;
  created_at: string;
}

export interface UserTable {
  id: string;
  username: string;
  display_name: string;
  email: string;
  password_hash: string | null;
  roles: string; // JSON array of Role
  site_ids: string; // JSON array: sites a responder serves; empty = all
  disabled: number;
  failed_logins: number;
  locked_until: string | null;
  oidc_subject: string | null;
  created_at: string;
  password_changed_at: string | null;
  /** Holds a share of the vault key (0010); written only by the custody repository. */
  custodian: number;
}

export interface SessionTable {
  /** SHA-256 of the session id: a copy of the database does not give working sessions. */
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface ApiTokenTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  /** Added in 0005; filled for every older token by that migration. */
  expires_at: string | null;
  /** Why it ended: a TokenEndReason (core/auth/tokens.ts), with revoked_at. */
  ended_reason: string | null;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
  details: string; // canonical JSON
  prev_hash: string;
  hash: string;
}

export interface IncidentTable {
  id: string;
  site_id: string;
  room_id: string;
  conversation_type_id: string | null;
  occurred_at: string;
  source: string; // 'alarm' | 'manual'
  kind: string | null;
  severity: number | null;
  injury: number;
  police_report: number;
  police_reference: string | null;
  follow_up: string | null;
  narrative: string | null;
  reported_by: string | null;
  reported_at: string | null;
  created_at: string;
}

export interface DB {
  organisation: OrganisationTable;
  settings: SettingTable;
  sites: SiteTable;
  rooms: RoomTable;
  cameras: CameraTable;
  conversation_types: ConversationTypeTable;
  users: UserTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  audit_log: AuditLogTable;
  incidents: IncidentTable;
}

export type SiteRow = Selectable<SiteTable>;
export type UserRow = Selectable<UserTable>;
export type NewAuditRow = Insertable<AuditLogTable>;
