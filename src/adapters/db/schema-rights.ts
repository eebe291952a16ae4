/**
 * Row types of residents' requests (migration 0014-subject-requests), joined to the DB interface
 * by declaration merging. Times are ISO-8601 UTC text, days YYYY-MM-DD (Europe/Amsterdam);
 * details is a JSON object.
 */
import type { Generated, Selectable } from 'kysely';

export interface SubjectRequestTable {
  id: string;
  kind: string;
  channel: string;
  received_at: string;
  received_on: string;
  site_id: string;
  room_id: string | null;
  window_from: string;
  window_to: string;
  recognition: string | null;
  requester_name: string | null;
  requester_contact: string | null;
  contact_erased_at: string | null;
  identity_method: string;
  identity_note: string | null;
  language: string;
  status: string;
  decision: string | null;
  decision_reasons: string | null;
  decided_on: string | null;
  extension_notified_on: string | null;
  extension_reasons: string | null;
  answered_on: string | null;
  closed_at: string | null;
  close_reason: string | null;
  created_by: string;
  created_at: string;
}

export interface SubjectRequestEventTable {
  id: string;
  request_id: string;
  /** 1, 2, … per request: the timeline's order (several steps can share an instant). */
  seq: number;
  at: string;
  by: string;
  action: string;
  details: string;
}

export interface RequestClipTable {
  request_id: string;
  clip_id: string;
  linked_by: string;
  linked_at: string;
  /** null (linked, nothing done yet) | 'erased' | 'restricted' | 'refused-hold' | 'provided' */
  outcome: string | null;
  outcome_reason: string | null;
  police_report: string | null;
  acted_at: string | null;
  acted_by: string | null;
}

export interface SubjectRequestLetterTable {
  id: string;
  request_id: string;
  kind: string;
  language: string;
  sent_on: string;
  sent_by: string;
  digest: string;
  /** 'pdf' | 'text' (migration 0017). */
  format: Generated<string>;
}

declare module './schema.js' {
  interface DB {
    subject_requests: SubjectRequestTable;
    subject_request_events: SubjectRequestEventTable;
    request_clips: RequestClipTable;
    subject_request_letters: SubjectRequestLetterTable;
  }
}

declare module './schema-holds.js' {
  /** Columns 0014 adds: 'legal' | 'restriction', and the request a restriction serves. */
  interface ClipHoldTable {
    kind: Generated<string>;
    request_id: string | null;
  }
}

export type SubjectRequestRow = Selectable<SubjectRequestTable>;
export type SubjectRequestEventRow = Selectable<SubjectRequestEventTable>;
export type RequestClipRow = Selectable<RequestClipTable>;
