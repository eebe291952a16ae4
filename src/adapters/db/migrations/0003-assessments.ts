import { sql, type Kysely } from 'kysely';
import type { Dialect, Migration } from './migration.js';

/**
 * Assessments with their versions (the DPIA workflow) and the policy history. An approved version
 * is the legal basis for recording, so it may never change afterwards: the database refuses any
 * UPDATE of an approved row other than its withdrawal, and any change at all to a withdrawn or
 * rejected one — enforced here as well as in the service, like the audit log's triggers.
 */
export const m0003Assessments: Migration = {
  async up(db: Kysely<unknown>, dialect: Dialect) {
    await db.schema
      .createTable('assessments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('measure', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('assessment_versions')
      .addColumn('assessment_id', 'text', (c) => c.notNull().references('assessments.id'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('scenario', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('dpo_advice', 'text')
      .addColumn('data_subject_views', 'text')
      .addColumn('human_judgements', 'text', (c) => c.notNull())
      .addColumn('decision', 'text')
      .addColumn('valid_from', 'text')
      .addColumn('valid_until', 'text')
      .addColumn('withdrawn_at', 'text')
      .addColumn('withdrawn_by', 'text')
      .addColumn('withdrawn_reason', 'text')
      .addColumn('evidence', 'text')
      .addColumn('verdict', 'text')
      .addColumn('submitted_at', 'text')
      .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('assessment_versions_pk', ['assessment_id', 'version'])
      .addCheckConstraint(
        'assessment_versions_status_check',
        sql`status IN ('draft', 'submitted', 'approved', 'rejected', 'withdrawn')`,
      )
      .execute();
    await db.schema
      .createIndex('assessment_versions_status_idx')
      .on('assessment_versions')
      .column('status')
      .execute();

    await db.schema
      .createTable('policy_versions')
      .addColumn('seq', 'integer', (c) => c.primaryKey())
      .addColumn('compiled_at', 'text', (c) => c.notNull())
      .addColumn('trigger', 'text', (c) => c.notNull())
      .addColumn('cause', 'text')
      .addColumn('compiled', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .execute();

    // Everything but the withdrawal columns (and the status move to 'withdrawn').
    const frozen = [
      'assessment_id',
      'version',
      'scenario',
      'dpo_advice',
      'data_subject_views',
      'human_judgements',
      'decision',
      'valid_from',
      'valid_until',
      'evidence',
      'verdict',
      'submitted_at',
      'created_by',
      'created_at',
    ];
    if (dialect === 'sqlite') {
      const changed = frozen.map((c) => `NEW.${c} IS NOT OLD.${c}`).join(' OR ');
      await sql
        .raw(
          `CREATE TRIGGER assessment_versions_approved_immutable BEFORE UPDATE ON assessment_versions
          WHEN OLD.status = 'approved' AND (${changed} OR NEW.status NOT IN ('approved', 'withdrawn')
            OR (OLD.withdrawn_at IS NOT NULL AND (NEW.withdrawn_at IS NOT OLD.withdrawn_at OR NEW.withdrawn_by IS NOT OLD.withdrawn_by OR NEW.withdrawn_reason IS NOT OLD.withdrawn_reason)))
          BEGIN SELECT RAISE(ABORT, 'an approved assessment version is immutable (only its withdrawal may be recorded)'); END`,
        )
        .execute(db);
      await sql
        .raw(
          `CREATE TRIGGER assessment_versions_final_immutable BEFORE UPDATE ON assessment_versions
          WHEN OLD.status IN ('withdrawn', 'rejected')
          BEGIN SELECT RAISE(ABORT, 'a withdrawn or rejected assessment version is final'); END`,
        )
        .execute(db);
      await sql
        .raw(
          `CREATE TRIGGER assessment_versions_no_delete BEFORE DELETE ON assessment_versions
          WHEN OLD.status IN ('approved', 'withdrawn', 'rejected')
          BEGIN SELECT RAISE(ABORT, 'a decided assessment version cannot be deleted'); END`,
        )
        .execute(db);
    } else {
      const changed = frozen.map((c) => `NEW.${c} IS DISTINCT FROM OLD.${c}`).join(' OR ');
      await sql
        .raw(
          `CREATE FUNCTION assessment_versions_guard() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN
            IF TG_OP = 'DELETE' THEN
              IF OLD.status IN ('approved', 'withdrawn', 'rejected') THEN
                RAISE EXCEPTION 'a decided assessment version cannot be deleted';
              END IF;
              RETURN OLD;
            END IF;
            IF OLD.status IN ('withdrawn', 'rejected') THEN
              RAISE EXCEPTION 'a withdrawn or rejected assessment version is final';
            END IF;
            IF OLD.status = 'approved' AND (${changed} OR NEW.status NOT IN ('approved', 'withdrawn')
              OR (OLD.withdrawn_at IS NOT NULL AND (NEW.withdrawn_at IS DISTINCT FROM OLD.withdrawn_at
                OR NEW.withdrawn_by IS DISTINCT FROM OLD.withdrawn_by OR NEW.withdrawn_reason IS DISTINCT FROM OLD.withdrawn_reason))) THEN
              RAISE EXCEPTION 'an approved assessment version is immutable (only its withdrawal may be recorded)';
            END IF;
            RETURN NEW;
          END $$`,
        )
        .execute(db);
      await sql`CREATE TRIGGER assessment_versions_immutable BEFORE UPDATE OR DELETE ON assessment_versions
        FOR EACH ROW EXECUTE FUNCTION assessment_versions_guard()`.execute(db);
    }
  },
};
