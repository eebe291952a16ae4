/**
 * Row types of four-eyes viewing (migration 0011-viewing), joined to the DB interface by
 * declaration merging. No key material here: shares and file keys live only in memory.
 */
export interface ViewingRequestTable {
  id: string;
  clip_id: string;
  site_id: string;
  vault_recipient: string;
  requested_by: string;
  requested_at: string;
  reason: string;
  legal_ground: string;
  police_report: string | null;
  /** JSON array of purposes. */
  purposes: string;
  state: string;
  refused_by: string | null;
  refused_at: string | null;
  refusal_reason: string | null;
  grant_id: string | null;
  granted_at: string | null;
  expires_at: string | null;
  plays_allowed: number | null;
  plays_used: number;
  export_allowed: number;
  ended_at: string | null;
  end_reason: string | null;
  ended_by: string | null;
  /** The instance whose memory holds the grant's file keys (migration 0019). */
  held_by: string | null;
}

export interface ViewingApprovalTable {
  id: string;
  request_id: string;
  custodian_user_id: string;
  approved_at: string;
  state: string; // 'waiting' | 'used' | 'lapsed'
  /** The instance whose memory holds the opened share (migration 0019). */
  held_by: string | null;
}

declare module './schema.js' {
  interface DB {
    viewing_requests: ViewingRequestTable;
    viewing_approvals: ViewingApprovalTable;
  }
}
