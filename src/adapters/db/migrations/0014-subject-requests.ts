import type { Kysely } from 'kysely';
import type { Dialect, Migration } from './migration.js';

/**
 * Residents' requests (issue 12 §1, docs/rights.md): the register, its timeline, the clips the
 * privacy officer linked to a request with what was done to each, and the letters sent. No column
 * holds a copy or number of an identity document, and nothing links a request to the incident
 * register: clips are linked, found through the room and time window the resident gave. The
 * requester's name and contact and the recognition note are erased a while after closing
 * (contact_erased_at; ADR 0007).
 *
 * clip_holds gains a kind: 'legal' (a legal hold, as before) or 'restriction' (AVG art. 18: the
 * clip is kept, not viewed or exported), and the request a restriction serves.
 */
export const m0014SubjectRequests: Migration = {
  async up(db: Kysely<unknown>, _dialect: Dialect) {
    await db.schema
      .createTable('subject_requests')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addColumn('received_on', 'text', (c) => c.notNull())
      .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
      .addColumn('room_id', 'text', (c) => c.references('rooms.id'))
      .addColumn('window_from', 'text', (c) => c.notNull())
      .addColumn('window_to', 'text', (c) => c.notNull())
      .addColumn('recognition', 'text')
      .addColumn('requester_name', 'text')
      .addColumn('requester_contact', 'text')
      .addColumn('contact_erased_at', 'text')
      .addColumn('identity_method', 'text', (c) => c.notNull())
      .addColumn('identity_note', 'text')
      .addColumn('language', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('decision', 'text')
      .addColumn('decision_reasons', 'text')
      .addColumn('decided_on', 'text')
      .addColumn('extension_notified_on', 'text')
      .addColumn('extension_reasons', 'text')
      .addColumn('answered_on', 'text')
      .addColumn('closed_at', 'text')
      .addColumn('close_reason', 'text')
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('subject_requests_status_idx')
      .on('subject_requests')
      .columns(['status', 'received_on'])
      .execute();
    await db.schema
      .createTable('subject_request_events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('request_id', 'text', (c) => c.notNull().references('subject_requests.id'))
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('by', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('details', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('subject_request_events_request_idx')
      .on('subject_request_events')
      .columns(['request_id', 'seq'])
      .unique()
      .execute();
    await db.schema
      .createTable('request_clips')
      .addColumn('request_id', 'text', (c) => c.notNull().references('subject_requests.id'))
      .addColumn('clip_id', 'text', (c) => c.notNull().references('clips.id'))
      .addColumn('linked_by', 'text', (c) => c.notNull())
      .addColumn('linked_at', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text')
      .addColumn('outcome_reason', 'text')
      .addColumn('police_report', 'text')
      .addColumn('acted_at', 'text')
      .addColumn('acted_by', 'text')
      .addPrimaryKeyConstraint('request_clips_pk', ['request_id', 'clip_id'])
      .execute();
    await db.schema.createIndex('request_clips_clip_idx').on('request_clips').column('clip_id').execute();
    await db.schema
      .createTable('subject_request_letters')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('request_id', 'text', (c) => c.notNull().references('subject_requests.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('language', 'text', (c) => c.notNull())
      .addColumn('sent_on', 'text', (c) => c.notNull())
      .addColumn('sent_by', 'text', (c) => c.notNull())
      .addColumn('digest', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('subject_request_letters_request_idx')
      .on('subject_request_letters')
      .column('request_id')
      .execute();
    await db.schema
      .alterTable('clip_holds')
      .addColumn('kind', 'text', (c) => c.notNull().defaultTo('legal'))
      .execute();
    await db.schema.alterTable('clip_holds').addColumn('request_id', 'text').execute();
  },
};
