import { sql, type Kysely } from 'kysely';
import type { Dialect, Migration } from './migration.js';

/**
 * Rate limits shared by the instances on one PostgreSQL (issue 13 §1, ADR 0017): per scope and
 * key, the admitted hit times still inside the window. SQLite is one process and keeps its limits
 * in memory, so the table exists only on PostgreSQL.
 */
export const m0019RateLimits: Migration = {
  async up(db: Kysely<unknown>, dialect: Dialect) {
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
