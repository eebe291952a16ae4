/**
 * Row types of complaints and regulator inquiries (migration 0015-complaints), joined to the DB
 * interface by declaration merging. Times are ISO-8601 UTC text, days YYYY-MM-DD
 * (Europe/Amsterdam); details is a JSON object.
 */
import type { Selectable } from 'kysely';

export interface ComplaintTable {
  id: string;
  kind: string;
  source: string;
  received_at: string;
  received_on: string;
  site_id: string | null;
  from_name: string | null;
  from_contact: string | null;
  contact_erased_at: string | null;
  reference: string | null;
  subject: string;
  summary: string | null;
  regulator_due_on: string | null;
  status: string;
  extension_notified_on: string | null;
  extension_reasons: string | null;
  outcome: string | null;
  outcome_explanation: string | null;
  answered_on: string | null;
  closed_at: string | null;
  created_by: string;
  created_at: string;
}

export interface ComplaintEventTable {
  id: string;
  complaint_id: string;
  /** 1, 2, … per complaint: the timeline's order. */
  seq: number;
  at: string;
  by: string;
  action: string;
  details: string;
}

export interface ComplaintLinkTable {
  complaint_id: string;
  /** 'assessment' | 'room' | 'request' */
  kind: string;
  target_id: string;
  linked_by: string;
  linked_at: string;
}

declare module './schema.js' {
  interface DB {
    complaints: ComplaintTable;
    complaint_events: ComplaintEventTable;
    complaint_links: ComplaintLinkTable;
  }
}

export type ComplaintRow = Selectable<ComplaintTable>;
