import type { Kysely } from 'kysely';
import type { Dialect, Migration } from './migration.js';

/**
 * Legal holds on clips and deletion records (issue 10 §3, docs/recording.md "Bewaartermijn en
 * bewaarplicht"). A hold row keeps its last extension and its release; every change is in the
 * audit chain as well. A deletion record outlives the clip's footage and key: what was deleted
 * (clip, camera, room, site, time range, parts, sealed bytes, manifest digest), when, why and by
 * whom. No column holds footage, a key or anything about a resident. The hold maximum is an
 * operator setting in the settings table (footage.holdMaxDays), so it needs no table.
 */
export const m0012HoldsAndDeletions: Migration = {
  async up(db: Kysely<unknown>, _dialect: Dialect) {
    await db.schema
      .createTable('clip_holds')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('clip_id', 'text', (c) => c.notNull().references('clips.id'))
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('police_report', 'text')
      .addColumn('until', 'text', (c) => c.notNull())
      .addColumn('placed_by', 'text', (c) => c.notNull())
      .addColumn('placed_at', 'text', (c) => c.notNull())
      .addColumn('extended_at', 'text')
      .addColumn('extended_by', 'text')
      .addColumn('extension_reason', 'text')
      .addColumn('beyond_maximum', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('released_at', 'text')
      .addColumn('released_by', 'text')
      .addColumn('release_reason', 'text')
      .execute();
    await db.schema
      .createIndex('clip_holds_clip_idx')
      .on('clip_holds')
      .columns(['clip_id', 'released_at'])
      .execute();
    await db.schema
      .createTable('clip_deletions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('clip_id', 'text', (c) => c.notNull())
      .addColumn('camera_id', 'text', (c) => c.notNull())
      .addColumn('room_id', 'text', (c) => c.notNull())
      .addColumn('site_id', 'text', (c) => c.notNull())
      .addColumn('incident_ids', 'text', (c) => c.notNull())
      .addColumn('started_at', 'text')
      .addColumn('ended_at', 'text')
      .addColumn('parts', 'integer')
      .addColumn('sealed_bytes', 'bigint')
      .addColumn('manifest_digest', 'text')
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('deleted_at', 'text', (c) => c.notNull())
      .addColumn('deleted_by', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('clip_deletions_clip_idx').on('clip_deletions').column('clip_id').execute();
    await db.schema.createIndex('clip_deletions_at_idx').on('clip_deletions').column('deleted_at').execute();
  },
};
