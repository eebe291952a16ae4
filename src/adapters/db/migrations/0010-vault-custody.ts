import type { Kysely } from 'kysely';
import type { Dialect, Migration } from './migration.js';

/**
 * Key custody (issue 10 §1, ADR 0003 §6): the custodian flag on accounts, and the sealed shares
 * of the vault identity, one row per share of a share set (vault recipient + generation). A
 * sealed share is an age file (base64) that opens only with its custodian's passphrase or key,
 * and below the threshold the shares reveal nothing of the identity, so they may live here. A
 * re-share retires the old set: its rows stay as the record of who held a share when, but their
 * sealed bytes are removed.
 */
export const m0010VaultCustody: Migration = {
  async up(db: Kysely<unknown>, _dialect: Dialect) {
    await db.schema
      .alterTable('users')
      .addColumn('custodian', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .createTable('vault_shares')
      .addColumn('vault_recipient', 'text', (c) => c.notNull())
      .addColumn('generation', 'integer', (c) => c.notNull())
      .addColumn('share_index', 'integer', (c) => c.notNull())
      .addColumn('threshold', 'integer', (c) => c.notNull())
      .addColumn('shares', 'integer', (c) => c.notNull())
      .addColumn('custodian_user_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('sealing', 'text', (c) => c.notNull())
      .addColumn('sealed_to', 'text')
      .addColumn('sealed', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('retired_at', 'text')
      .addPrimaryKeyConstraint('vault_shares_pk', ['vault_recipient', 'generation', 'share_index'])
      .addUniqueConstraint('vault_shares_one_per_custodian', [
        'vault_recipient',
        'generation',
        'custodian_user_id',
      ])
      .execute();
    await db.schema
      .createIndex('vault_shares_custodian_idx')
      .on('vault_shares')
      .columns(['custodian_user_id', 'retired_at'])
      .execute();
  },
};
