/**
 * The CustodyStore: the foundation's store widened to the sealed shares of the vault identity
 * (store.ts), so a share set, the custodian flags and the audit entry commit together.
 */
import type { CustodyRepository, CustodyStore, ShareRecord } from '../../../services/custody-ports.js';
import type { Database } from '../connection.js';
import '../schema-custody.js';
import type { VaultShareTable } from '../schema-custody.js';
import { createUnitOfWork } from '../store.js';
import { int, type Executor } from './executor.js';

const toRecord = (r: VaultShareTable): ShareRecord => ({
  vault: r.vault_recipient,
  generation: Number(r.generation),
  index: Number(r.share_index),
  threshold: Number(r.threshold),
  shares: Number(r.shares),
  custodianId: r.custodian_user_id,
  sealing: r.sealing === 'passphrase' ? 'passphrase' : 'age-recipient',
  sealedTo: r.sealed_to,
  sealed: r.sealed === null ? null : Buffer.from(r.sealed, 'base64'),
  createdAt: r.created_at,
  createdBy: r.created_by,
  retiredAt: r.retired_at,
});

export const custodyRepository = (db: Executor): CustodyRepository => ({
  currentShares: async (vault) =>
    (
      await db
        .selectFrom('vault_shares')
        .selectAll()
        .where('vault_recipient', '=', vault)
        .where('retired_at', 'is', null)
        .orderBy('share_index')
        .execute()
    ).map(toRecord),
  insertShares: async (rows) => {
    if (rows.length === 0) return;
    await db
      .insertInto('vault_shares')
      .values(
        rows.map((s) => ({
          vault_recipient: s.vault,
          generation: s.generation,
          share_index: s.index,
          threshold: s.threshold,
          shares: s.shares,
          custodian_user_id: s.custodianId,
          sealing: s.sealing,
          sealed_to: s.sealedTo,
          sealed: s.sealed === null ? null : Buffer.from(s.sealed).toString('base64'),
          created_at: s.createdAt,
          created_by: s.createdBy,
          retired_at: s.retiredAt,
        })),
      )
      .execute();
  },
  retire: async (vault, generation, at) => {
    await db
      .updateTable('vault_shares')
      .set({ retired_at: at, sealed: null })
      .where('vault_recipient', '=', vault)
      .where('generation', '=', generation)
      .execute();
  },
  setCustodian: async (userId, custodian) => {
    await db
      .updateTable('users')
      .set({ custodian: int(custodian) })
      .where('id', '=', userId)
      .execute();
  },
  holdsCurrentShare: async (userId) =>
    (await db
      .selectFrom('vault_shares')
      .select('share_index')
      .where('custodian_user_id', '=', userId)
      .where('retired_at', 'is', null)
      .executeTakeFirst()) !== undefined,
});

export const createCustodyStore = (database: Database): CustodyStore =>
  createUnitOfWork(database, (db) => ({ custody: custodyRepository(db) }));
