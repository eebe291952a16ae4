import type { Kysely } from 'kysely';
import type { Dialect, Migration } from './migration.js';

/**
 * Recorder agents at the sites (issue 13 §2, ADR 0015): one row per agent, its site, the hash of
 * its one-time enrolment code until it is used, the hash of its bearer token after, its own age
 * recipient (camera credentials in its plan are sealed to it), and what it last reported.
 * No secret is stored in clear.
 */
export const m0018RecorderAgents: Migration = {
  async up(db: Kysely<unknown>, _dialect: Dialect) {
    await db.schema
      .createTable('recorder_agents')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('code_hash', 'text')
      .addColumn('code_expires_at', 'text')
      .addColumn('token_hash', 'text', (c) => c.unique())
      .addColumn('recipient', 'text')
      .addColumn('enrolled_at', 'text')
      .addColumn('revoked_at', 'text')
      .addColumn('revoked_by', 'text')
      .addColumn('last_seen_at', 'text')
      /** JSON: the agent's last heartbeat (state, queued parts, oldest queued, cameras). */
      .addColumn('last_report', 'text')
      .execute();
    await db.schema.createIndex('recorder_agents_site_idx').on('recorder_agents').column('site_id').execute();
  },
};
