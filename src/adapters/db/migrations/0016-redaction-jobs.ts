import type { Kysely } from 'kysely';
import type { Dialect, Migration } from './migration.js';

/**
 * Redaction jobs (issue 12 §2, docs/redaction.md "The job"): one per resident's request and
 * linked clip. The tracks (boxes and times, no picture) and the DPO's review are JSON text; the
 * copy itself is a file, encrypted, kept seven days at most (copy_expires_at) and gone when
 * copy_deleted_at is set. Nothing here identifies the resident.
 */
export const m0016RedactionJobs: Migration = {
  async up(db: Kysely<unknown>, _dialect: Dialect) {
    await db.schema
      .createTable('redaction_jobs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('request_id', 'text', (c) => c.notNull().references('subject_requests.id'))
      .addColumn('clip_id', 'text', (c) => c.notNull().references('clips.id'))
      .addColumn('site_id', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('grant_id', 'text')
      .addColumn('tracks', 'text')
      .addColumn('review', 'text')
      .addColumn('error_code', 'text')
      .addColumn('error_message', 'text')
      .addColumn('frames', 'integer')
      .addColumn('pixelated_boxes', 'integer')
      .addColumn('copy_bytes', 'integer')
      .addColumn('copy_sha256', 'text')
      .addColumn('copy_expires_at', 'text')
      .addColumn('copy_deleted_at', 'text')
      .addColumn('copy_deleted_reason', 'text')
      .addColumn('downloaded_at', 'text')
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('redaction_jobs_request_clip_idx')
      .on('redaction_jobs')
      .columns(['request_id', 'clip_id'])
      .unique()
      .execute();
  },
};
