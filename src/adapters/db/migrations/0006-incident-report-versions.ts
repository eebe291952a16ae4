import { sql, type Kysely } from 'kysely';
import type { Dialect, Migration } from './migration.js';

/**
 * Incident reports are versioned (issue 8 §2.6): every filing or amendment adds a row here and
 * nothing is overwritten; the incidents row keeps the current version, which the register's
 * readers (statistics, assessment evidence) go on reading. Append-only like the audit log.
 * Reports filed before this migration get their first version when they are next amended.
 */
export const m0006IncidentReportVersions: Migration = {
  async up(db: Kysely<unknown>, dialect: Dialect) {
    await db.schema
      .createTable('incident_report_versions')
      .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('severity', 'integer', (c) => c.notNull())
      .addColumn('injury', 'integer', (c) => c.notNull())
      .addColumn('police_report', 'integer', (c) => c.notNull())
      .addColumn('police_reference', 'text')
      .addColumn('follow_up', 'text')
      .addColumn('narrative', 'text')
      .addColumn('reported_by', 'text', (c) => c.notNull())
      .addColumn('reported_at', 'text', (c) => c.notNull())
      .addColumn('by_security', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('incident_report_versions_pk', ['incident_id', 'version'])
      .execute();
    if (dialect === 'sqlite') {
      await sql`CREATE TRIGGER incident_report_versions_no_update BEFORE UPDATE ON incident_report_versions
        BEGIN SELECT RAISE(ABORT, 'incident_report_versions is append-only'); END`.execute(db);
      await sql`CREATE TRIGGER incident_report_versions_no_delete BEFORE DELETE ON incident_report_versions
        BEGIN SELECT RAISE(ABORT, 'incident_report_versions is append-only'); END`.execute(db);
    } else {
      await sql`CREATE FUNCTION incident_report_versions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'incident_report_versions is append-only'; END $$`.execute(db);
      await sql`CREATE TRIGGER incident_report_versions_no_update_delete
        BEFORE UPDATE OR DELETE ON incident_report_versions
        FOR EACH ROW EXECUTE FUNCTION incident_report_versions_append_only()`.execute(db);
      await sql`CREATE TRIGGER incident_report_versions_no_truncate BEFORE TRUNCATE ON incident_report_versions
        FOR EACH STATEMENT EXECUTE FUNCTION incident_report_versions_append_only()`.execute(db);
    }
  },
};
