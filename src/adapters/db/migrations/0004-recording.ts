import type { Kysely } from 'kysely';
import type { Dialect, Migration } from './migration.js';

/**
 * Clips (metadata only: the footage is in the vault), recording suspensions, residents'
 * objections (without the resident's identity) and the notes that tell an incident whether it
 * has footage and, if not, why — never a silent gap.
 */
export const m0004Recording: Migration = {
  async up(db: Kysely<unknown>, _dialect: Dialect) {
    await db.schema
      .createTable('clips')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('camera_id', 'text', (c) => c.notNull().references('cameras.id'))
      .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.id'))
      .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
      .addColumn('alarm_id', 'text')
      .addColumn('incident_id', 'text')
      .addColumn('alarm_ids', 'text', (c) => c.notNull())
      .addColumn('incident_ids', 'text', (c) => c.notNull())
      .addColumn('conversation_id', 'text')
      .addColumn('mode', 'text', (c) => c.notNull())
      .addColumn('policy_seq', 'integer')
      .addColumn('policy_compiled_at', 'text')
      .addColumn('policy_hash', 'text')
      .addColumn('assessment_ids', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('started_at', 'text')
      .addColumn('ended_at', 'text')
      .addColumn('duration_seconds', 'double precision')
      .addColumn('bytes', 'bigint')
      .addColumn('sealed_bytes', 'bigint')
      .addColumn('parts', 'integer')
      .addColumn('keyframe_interval_seconds', 'double precision')
      .addColumn('pre_roll_seconds', 'double precision')
      .addColumn('end_reason', 'text')
      .addColumn('codec', 'text')
      .addColumn('width', 'integer')
      .addColumn('height', 'integer')
      .addColumn('manifest_digest', 'text')
      .addColumn('retention_hours', 'integer', (c) => c.notNull())
      .addColumn('retention_until', 'text')
      .addColumn('error_code', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('sealed_at', 'text')
      .addColumn('deleted_at', 'text')
      .addColumn('deleted_reason', 'text')
      .execute();
    await db.schema.createIndex('clips_alarm_idx').on('clips').column('alarm_id').execute();
    await db.schema.createIndex('clips_incident_idx').on('clips').column('incident_id').execute();
    await db.schema
      .createIndex('clips_retention_idx')
      .on('clips')
      .columns(['deleted_at', 'retention_until'])
      .execute();
    await db.schema
      .createIndex('clips_camera_idx')
      .on('clips')
      .columns(['camera_id', 'created_at'])
      .execute();

    await db.schema
      .createTable('recording_suspensions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('site_id', 'text', (c) => c.references('sites.id'))
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('suspended_by', 'text', (c) => c.notNull())
      .addColumn('suspended_at', 'text', (c) => c.notNull())
      .addColumn('resumed_by', 'text')
      .addColumn('resumed_at', 'text')
      .addColumn('resume_reason', 'text')
      .execute();
    await db.schema
      .createIndex('recording_suspensions_active_idx')
      .on('recording_suspensions')
      .columns(['resumed_at', 'scope'])
      .execute();

    await db.schema
      .createTable('recording_objections')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.id'))
      .addColumn('conversation_id', 'text', (c) => c.notNull().unique())
      .addColumn('recorded_by', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('incident_footage_notes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('incident_id', 'text')
      .addColumn('alarm_id', 'text', (c) => c.notNull())
      .addColumn('room_id', 'text', (c) => c.notNull())
      .addColumn('camera_id', 'text')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('message', 'text', (c) => c.notNull())
      .addColumn('clip_id', 'text')
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('incident_footage_notes_incident_idx')
      .on('incident_footage_notes')
      .column('incident_id')
      .execute();
    await db.schema
      .createIndex('incident_footage_notes_alarm_idx')
      .on('incident_footage_notes')
      .column('alarm_id')
      .execute();
  },
};
