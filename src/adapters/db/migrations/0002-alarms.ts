import { sql, type Kysely } from 'kysely';
import type { Dialect, Migration } from './migration.js';

/**
 * Conversations, alarms with their acknowledgements, MQTT devices, and the incident register's
 * link to the alarm it came from (with the response time the statistics report).
 */
export const m0002Alarms: Migration = {
  async up(db: Kysely<unknown>, _dialect: Dialect) {
    await db.schema
      .createTable('conversations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
      .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.id'))
      .addColumn('conversation_type_id', 'text', (c) => c.notNull().references('conversation_types.id'))
      .addColumn('started_by', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('ended_at', 'text')
      .addColumn('ended_by', 'text')
      .addColumn('risk_flag', 'integer', (c) => c.notNull())
      .addColumn('risk_reason', 'text')
      .execute();
    // At most one running conversation per room, enforced by the database (both dialects support partial indexes).
    await sql`CREATE UNIQUE INDEX conversations_one_running_per_room ON conversations (room_id) WHERE ended_at IS NULL`.execute(
      db,
    );
    await db.schema
      .createIndex('conversations_started_by_idx')
      .on('conversations')
      .columns(['started_by', 'ended_at'])
      .execute();

    await db.schema
      .createTable('devices')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('room_id', 'text', (c) => c.references('rooms.id'))
      .addColumn('user_id', 'text', (c) => c.references('users.id'))
      .addColumn('token_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('disabled_at', 'text')
      .addColumn('last_seen_at', 'text')
      .execute();

    await db.schema
      .createTable('alarms')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
      .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.id'))
      .addColumn('conversation_id', 'text', (c) => c.references('conversations.id'))
      .addColumn('conversation_type_id', 'text', (c) => c.references('conversation_types.id'))
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('raised_by', 'text', (c) => c.references('users.id'))
      .addColumn('device_id', 'text', (c) => c.references('devices.id'))
      .addColumn('raised_at', 'text', (c) => c.notNull())
      .addColumn('last_press_at', 'text', (c) => c.notNull())
      .addColumn('press_count', 'integer', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('silent', 'integer', (c) => c.notNull())
      .addColumn('acknowledged_at', 'text')
      .addColumn('escalated_at', 'text')
      .addColumn('closed_at', 'text')
      .addColumn('closed_by', 'text')
      .addColumn('incident_id', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('alarms_state_idx').on('alarms').columns(['state', 'site_id']).execute();
    await db.schema.createIndex('alarms_room_state_idx').on('alarms').columns(['room_id', 'state']).execute();

    await db.schema
      .createTable('alarm_acknowledgements')
      .addColumn('alarm_id', 'text', (c) => c.notNull().references('alarms.id'))
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('alarm_acknowledgements_pk', ['alarm_id', 'user_id'])
      .execute();

    await db.schema.alterTable('incidents').addColumn('alarm_id', 'text').execute();
    await db.schema.alterTable('incidents').addColumn('conversation_id', 'text').execute();
    await db.schema.alterTable('incidents').addColumn('raised_by', 'text').execute();
    await db.schema.alterTable('incidents').addColumn('responded_at', 'text').execute();
    await db.schema.alterTable('incidents').addColumn('response_ms', 'integer').execute();
    await db.schema.createIndex('incidents_alarm_idx').on('incidents').column('alarm_id').execute();
    await db.schema
      .createIndex('incidents_site_time_idx')
      .on('incidents')
      .columns(['site_id', 'occurred_at'])
      .execute();
  },
};
