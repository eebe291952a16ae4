import { sql, type Kysely } from 'kysely';
import type { Dialect, Migration } from './migration.js';

/** Audit actions that are a contribution to the version named in their details (four-eyes). */
const KIND: Readonly<Record<string, string>> = {
  'assessment.dpo-advice': 'dpo-advice',
  'assessment.views': 'views',
  'assessment.judgement': 'judgement',
  'assessment.submit': 'submission',
};

/**
 * Who contributed to an assessment version, step by step: whoever contributed does not decide on
 * it (four-eyes, issue 8 item 2.2), also when their record was later replaced. A version still
 * open when the store is upgraded gets its log from the audit log (each of these entries names
 * its version); decided versions keep an empty log, they need no decision any more. Like the other
 * columns of an approved version, the log is frozen once approved.
 */
export const m0009AssessmentContributions: Migration = {
  async up(db: Kysely<unknown>, dialect: Dialect) {
    await db.schema
      .alterTable('assessment_versions')
      .addColumn('contributions', 'text', (c) => c.notNull().defaultTo('[]'))
      .execute();

    const open = await sql<{ assessment_id: string; version: number | string }>`
      SELECT assessment_id, version FROM assessment_versions WHERE status IN ('draft', 'submitted')`.execute(
      db,
    );
    for (const v of open.rows) {
      const entries = await sql<{ actor: string; action: string; details: string }>`
        SELECT actor, action, details FROM audit_log
        WHERE subject = ${`assessment:${v.assessment_id}`}
          AND action IN ('assessment.dpo-advice', 'assessment.views', 'assessment.judgement', 'assessment.submit')
        ORDER BY seq`.execute(db);
      const log = entries.rows.flatMap((e) => {
        let details: Record<string, unknown>;
        try {
          details = JSON.parse(e.details) as Record<string, unknown>;
        } catch {
          return []; // a damaged entry is audit verify's finding; it names no version here
        }
        const kind = KIND[e.action];
        if (kind === undefined || !e.actor.startsWith('user:') || details.version !== Number(v.version))
          return [];
        const by = e.actor.slice('user:'.length);
        return typeof details.ruleId === 'string' ? [{ kind, by, ruleId: details.ruleId }] : [{ kind, by }];
      });
      if (log.length > 0)
        await sql`UPDATE assessment_versions SET contributions = ${JSON.stringify(log)}
          WHERE assessment_id = ${v.assessment_id} AND version = ${Number(v.version)}`.execute(db);
    }

    if (dialect === 'sqlite') {
      await sql`CREATE TRIGGER assessment_versions_contributions_immutable BEFORE UPDATE ON assessment_versions
        WHEN OLD.status = 'approved' AND NEW.contributions IS NOT OLD.contributions
        BEGIN SELECT RAISE(ABORT, 'an approved assessment version is immutable (only its withdrawal may be recorded)'); END`.execute(
        db,
      );
    } else {
      await sql`CREATE FUNCTION assessment_versions_contributions_guard() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF OLD.status = 'approved' AND NEW.contributions IS DISTINCT FROM OLD.contributions THEN
            RAISE EXCEPTION 'an approved assessment version is immutable (only its withdrawal may be recorded)';
          END IF;
          RETURN NEW;
        END $$`.execute(db);
      await sql`CREATE TRIGGER assessment_versions_contributions_immutable BEFORE UPDATE ON assessment_versions
        FOR EACH ROW EXECUTE FUNCTION assessment_versions_contributions_guard()`.execute(db);
    }
  },
};
