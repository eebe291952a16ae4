/**
 * Row types of key custody (migration 0010-vault-custody), joined to the DB interface by
 * declaration merging. The custodian flag itself is a column of users (schema.ts).
 */
export interface VaultShareTable {
  vault_recipient: string;
  generation: number;
  share_index: number;
  threshold: number;
  shares: number;
  custodian_user_id: string;
  sealing: string; // 'passphrase' | 'age-recipient'
  sealed_to: string | null;
  /** The sealed share, an age file in base64; null once retired. */
  sealed: string | null;
  created_at: string;
  created_by: string;
  retired_at: string | null;
}

declare module './schema.js' {
  interface DB {
    vault_shares: VaultShareTable;
  }
}
