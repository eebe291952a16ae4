/**
 * What key custody needs from the world beside the foundation's ports: the sealed shares of the
 * vault identity and the custodian flag, in the same transaction as their audit entry. The
 * cryptography (split, seal, combine) stays in adapters/vault; the service sees sealed shares
 * only as opaque bytes.
 */
import type { Repositories, UnitOfWork } from './ports.js';

export type ShareSealingKind = 'passphrase' | 'age-recipient';

export interface ShareRecord {
  /** The vault key's recipient (`age1…`). */
  readonly vault: string;
  readonly generation: number;
  /** 1…shares */
  readonly index: number;
  readonly threshold: number;
  readonly shares: number;
  readonly custodianId: string;
  readonly sealing: ShareSealingKind;
  /** The custodian's own `age1…` for a key-sealed share; null for a passphrase. */
  readonly sealedTo: string | null;
  /** The sealed share (a complete age file); null once its share set was retired by a re-share. */
  readonly sealed: Uint8Array | null;
  readonly createdAt: string;
  /** The actor reference (audit style) of whoever enrolled or re-shared. */
  readonly createdBy: string;
  readonly retiredAt: string | null;
}

export interface CustodyRepository {
  /** The share set in force for a vault (not retired), in index order; empty when there is none. */
  currentShares(vault: string): Promise<ShareRecord[]>;
  insertShares(rows: readonly ShareRecord[]): Promise<void>;
  /** Retires a share set: the rows stay as history, their sealed bytes are removed. */
  retire(vault: string, generation: number, at: string): Promise<void>;
  setCustodian(userId: string, custodian: boolean): Promise<void>;
  /** Whether the account holds a share of any share set in force (of any vault key). */
  holdsCurrentShare(userId: string): Promise<boolean>;
}

export type CustodyStore = UnitOfWork<Repositories & { readonly custody: CustodyRepository }>;
