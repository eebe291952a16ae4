import type { Kysely } from 'kysely';
import type { Dialect, Migration } from './migration.js';

/**
 * Complaints and regulator inquiries (issue 12 §3, docs/rights.md): the register, its timeline
 * and its links to assessments, rooms and residents' requests. site_id is null for what concerns
 * the organisation as a whole. from_contact (and a person's from_name) is erased a while after
 * closing (contact_erased_at), as for residents' requests (ADR 0007).
 */
export const m0015Complaints: Migration = {
  async up(db: Kysely<unknown>, _dialect: Dialect) {
    await db.schema
      .createTable('complaints')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addColumn('received_on', 'text', (c) => c.notNull())
      .addColumn('site_id', 'text', (c) => c.references('sites.id'))
      .addColumn('from_name', 'text')
      .addColumn('from_contact', 'text')
      .addColumn('contact_erased_at', 'text')
      .addColumn('reference', 'text')
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('summary', 'text')
      .addColumn('regulator_due_on', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('extension_notified_on', 'text')
      .addColumn('extension_reasons', 'text')
      .addColumn('outcome', 'text')
      .addColumn('outcome_explanation', 'text')
      .addColumn('answered_on', 'text')
      .addColumn('closed_at', 'text')
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('complaints_status_idx')
      .on('complaints')
      .columns(['status', 'received_on'])
      .execute();
    await db.schema
      .createTable('complaint_events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('complaint_id', 'text', (c) => c.notNull().references('complaints.id'))
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('by', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('details', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('complaint_events_complaint_idx')
      .on('complaint_events')
      .columns(['complaint_id', 'seq'])
      .unique()
      .execute();
    await db.schema
      .createTable('complaint_links')
      .addColumn('complaint_id', 'text', (c) => c.notNull().references('complaints.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('target_id', 'text', (c) => c.notNull())
      .addColumn('linked_by', 'text', (c) => c.notNull())
      .addColumn('linked_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('complaint_links_pk', ['complaint_id', 'kind', 'target_id'])
      .execute();
  },
};
