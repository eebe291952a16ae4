/** Row type of recorder agents (migration 0018-recorder-agents), joined to DB by declaration merging. */
export interface RecorderAgentTable {
  id: string;
  site_id: string;
  name: string;
  created_at: string;
  created_by: string;
  code_hash: string | null;
  code_expires_at: string | null;
  token_hash: string | null;
  recipient: string | null;
  enrolled_at: string | null;
  revoked_at: string | null;
  revoked_by: string | null;
  last_seen_at: string | null;
  last_report: string | null;
}

declare module './schema.js' {
  interface DB {
    recorder_agents: RecorderAgentTable;
  }
}
