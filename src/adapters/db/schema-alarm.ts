/**
 * Row types of the alarm capability's tables (migration 0002-alarms). They join the DB interface
 * by declaration merging, so schema.ts stays the foundation's file; times are ISO-8601 UTC text,
 * booleans 0/1 integers, as everywhere else.
 */
import type { Selectable } from 'kysely';

export interface ConversationTable {
  id: string;
  site_id: string;
  room_id: string;
  conversation_type_id: string;
  started_by: string;
  started_at: string;
  ended_at: string | null;
  ended_by: string | null;
  risk_flag: number;
  /** Never logged or audited; shown to responders only while the conversation runs. */
  risk_reason: string | null;
}

export interface AlarmTable {
  id: string;
  site_id: string;
  room_id: string;
  conversation_id: string | null;
  conversation_type_id: string | null;
  source: string; // 'web' | 'mqtt' | 'api'
  raised_by: string | null;
  device_id: string | null;
  raised_at: string;
  last_press_at: string;
  press_count: number;
  state: string; // 'raised' | 'acknowledged' | 'closed'
  silent: number;
  acknowledged_at: string | null;
  escalated_at: string | null;
  closed_at: string | null;
  closed_by: string | null;
  incident_id: string;
}

export interface AlarmAcknowledgementTable {
  alarm_id: string;
  user_id: string;
  at: string;
}

export interface DeviceTable {
  /** Also the MQTT username of the device. */
  id: string;
  name: string;
  kind: string; // 'button' | 'subscriber'
  room_id: string | null;
  user_id: string | null;
  /** SHA-256 of the device token; the token itself is shown once at registration. */
  token_hash: string;
  created_at: string;
  disabled_at: string | null;
  last_seen_at: string | null;
}

/** Every filing and amendment of an incident report (migration 0006), append-only. */
export interface IncidentReportVersionTable {
  incident_id: string;
  version: number;
  kind: string;
  severity: number;
  injury: number;
  police_report: number;
  police_reference: string | null;
  follow_up: string | null;
  narrative: string | null;
  reported_by: string;
  reported_at: string;
  by_security: number;
}

declare module './schema.js' {
  interface DB {
    conversations: ConversationTable;
    alarms: AlarmTable;
    alarm_acknowledgements: AlarmAcknowledgementTable;
    devices: DeviceTable;
    incident_report_versions: IncidentReportVersionTable;
  }
  /** Columns 0002-alarms adds to the incident register. */
  interface IncidentTable {
    alarm_id: string | null;
    conversation_id: string | null;
    raised_by: string | null;
    responded_at: string | null;
    response_ms: number | null;
  }
}

export type ConversationRow = Selectable<ConversationTable>;
export type AlarmRow = Selectable<AlarmTable>;
export type DeviceRow = Selectable<DeviceTable>;
