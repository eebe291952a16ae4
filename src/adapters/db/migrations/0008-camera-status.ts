import type { Kysely } from 'kysely';
import type { Dialect, Migration } from './migration.js';

/**
 * Cameras can be disabled (never armed, no health error; alarms note "camera disabled") and
 * removed. Removal is a soft delete: the row stays because clips reference it, but the camera is
 * gone from every list and never armed again.
 */
export const m0008CameraStatus: Migration = {
  async up(db: Kysely<unknown>, _dialect: Dialect) {
    await db.schema.alterTable('cameras').addColumn('disabled_at', 'text').execute();
    await db.schema.alterTable('cameras').addColumn('removed_at', 'text').execute();
  },
};
