import { sql, type Kysely } from 'kysely';
import type { Dialect, Migration } from './migration.js';

/**
 * State that several instances on one PostgreSQL share (issue 13 §1, ADR 0017).
 *
 * `rate_limits`: per scope and key, the admitted hit times still inside the window. SQLite is one
 * process and keeps its limits in memory, so the table exists only on PostgreSQL.
 *
 * `held_by` on viewing requests and approvals: the instance whose memory holds the grant's file
 * keys or the approval's opened share (the keys themselves never leave it, ADR 0003 §7). Rows
 * from before are held by nobody alive.
 */
export const m0019SharedState: Migration = {
  async up(db: Kysely<unknown>, dialect: Dialect) {
    await db.schema.alterTable('viewing_requests').addColumn('held_by', 'text').execute();
    await db.schema.alterTable('viewing_approvals').addColumn('held_by', 'text').execute();
    if (dialect !== 'postgres') return;
    await db.schema
      .createTable('rate_limits')
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('hits', sql`bigint[]`, (c) => c.notNull())
      .addColumn('admitted', 'boolean', (c) => c.notNull())
      .addColumn('expires_ms', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('rate_limits_pk', ['scope', 'key'])
      .execute();
    await db.schema.createIndex('rate_limits_expires').on('rate_limits').column('expires_ms').execute();
  },
};
