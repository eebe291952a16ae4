import type { Kysely } from 'kysely';
import type { Dialect, Migration } from './migration.js';

/**
 * Four-eyes viewing (issue 10 §2): a viewing request for one clip with its reason and legal
 * ground, its state, and the grant's terms once K custodians approved; one row per approval. No
 * key material: opened shares and a grant's file keys live only in server memory
 * (adapters/vault/grant-store.ts, ADR 0003). The footage history reads the audit log by subject,
 * which 0001 already indexes (audit_log_subject_idx).
 */
export const m0011Viewing: Migration = {
  async up(db: Kysely<unknown>, _dialect: Dialect) {
    await db.schema
      .createTable('viewing_requests')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('clip_id', 'text', (c) => c.notNull())
      .addColumn('site_id', 'text', (c) => c.notNull())
      .addColumn('vault_recipient', 'text', (c) => c.notNull())
      .addColumn('requested_by', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('requested_at', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('legal_ground', 'text', (c) => c.notNull())
      .addColumn('police_report', 'text')
      .addColumn('purposes', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('refused_by', 'text')
      .addColumn('refused_at', 'text')
      .addColumn('refusal_reason', 'text')
      .addColumn('grant_id', 'text', (c) => c.unique())
      .addColumn('granted_at', 'text')
      .addColumn('expires_at', 'text')
      .addColumn('plays_allowed', 'integer')
      .addColumn('plays_used', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('export_allowed', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('ended_at', 'text')
      .addColumn('end_reason', 'text')
      .addColumn('ended_by', 'text')
      .execute();
    await db.schema
      .createIndex('viewing_requests_clip_idx')
      .on('viewing_requests')
      .column('clip_id')
      .execute();
    await db.schema
      .createIndex('viewing_requests_state_idx')
      .on('viewing_requests')
      .columns(['state', 'requested_at'])
      .execute();
    await db.schema
      .createTable('viewing_approvals')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('request_id', 'text', (c) => c.notNull().references('viewing_requests.id'))
      .addColumn('custodian_user_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('approved_at', 'text', (c) => c.notNull())
      // waiting (share held in memory) | used (counted for the grant) | lapsed
      .addColumn('state', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('viewing_approvals_request_idx')
      .on('viewing_approvals')
      .column('request_id')
      .execute();
  },
};
