import { sql, type Kysely } from 'kysely';
import type { Dialect, Migration } from './migration.js';

/**
 * Who submitted an assessment version: submitting is a contribution, and whoever contributed to a
 * version does not decide on it (four-eyes, issue 8 item 2.2). A version still waiting for a
 * decision gets its submitter from the audit log (the last `assessment.submit` of its assessment
 * is its own: a newer version supersedes an open one). Like the other columns of an approved
 * version, the submitter is frozen once approved.
 */
export const m0009AssessmentSubmitter: Migration = {
  async up(db: Kysely<unknown>, dialect: Dialect) {
    await db.schema.alterTable('assessment_versions').addColumn('submitted_by', 'text').execute();
    await sql`UPDATE assessment_versions SET submitted_by = (
        SELECT substr(a.actor, 6) FROM audit_log a
        WHERE a.action = 'assessment.submit' AND a.actor LIKE 'user:%'
          AND a.subject = 'assessment:' || assessment_versions.assessment_id
        ORDER BY a.seq DESC LIMIT 1)
      WHERE status = 'submitted'`.execute(db);
    if (dialect === 'sqlite') {
      await sql`CREATE TRIGGER assessment_versions_submitter_immutable BEFORE UPDATE ON assessment_versions
        WHEN OLD.status = 'approved' AND NEW.submitted_by IS NOT OLD.submitted_by
        BEGIN SELECT RAISE(ABORT, 'an approved assessment version is immutable (only its withdrawal may be recorded)'); END`.execute(
        db,
      );
    } else {
      await sql`CREATE FUNCTION assessment_versions_submitter_guard() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF OLD.status = 'approved' AND NEW.submitted_by IS DISTINCT FROM OLD.submitted_by THEN
            RAISE EXCEPTION 'an approved assessment version is immutable (only its withdrawal may be recorded)';
          END IF;
          RETURN NEW;
        END $$`.execute(db);
      await sql`CREATE TRIGGER assessment_versions_submitter_immutable BEFORE UPDATE ON assessment_versions
        FOR EACH ROW EXECUTE FUNCTION assessment_versions_submitter_guard()`.execute(db);
    }
  },
};
