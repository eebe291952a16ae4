import { sql, type Kysely } from 'kysely';
import type { Dialect, Migration } from './migration.js';

/**
 * The audit log accepts an insert only at the head (seq = last seq + 1). The UPDATE/DELETE
 * triggers of 0001 do not see SQLite's `INSERT OR REPLACE` / `REPLACE INTO`: REPLACE deletes the
 * conflicting row without firing DELETE triggers (unless recursive_triggers is on), so an old
 * entry could be swapped. Refusing any insert that is not the next entry closes that, and also any
 * insert into a gap. `INSERT … ON CONFLICT DO UPDATE` (both dialects) and PostgreSQL's MERGE fire
 * the UPDATE triggers and stay refused by those.
 */
export const m0007AuditHardening: Migration = {
  async up(db: Kysely<unknown>, dialect: Dialect) {
    if (dialect === 'sqlite') {
      await sql`CREATE TRIGGER audit_log_insert_at_head BEFORE INSERT ON audit_log
        WHEN NEW.seq IS NULL OR NEW.seq <> COALESCE((SELECT MAX(seq) FROM audit_log), 0) + 1
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: a new entry must follow the head'); END`.execute(
        db,
      );
    } else {
      await sql`CREATE FUNCTION audit_log_insert_at_head() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.seq IS NULL OR NEW.seq <> COALESCE((SELECT MAX(seq) FROM audit_log), 0) + 1 THEN
            RAISE EXCEPTION 'audit_log is append-only: a new entry must follow the head';
          END IF;
          RETURN NEW;
        END $$`.execute(db);
      await sql`CREATE TRIGGER audit_log_insert_at_head BEFORE INSERT ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_insert_at_head()`.execute(db);
    }
  },
};
