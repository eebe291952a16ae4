import type { Kysely } from 'kysely';
import type { Migration } from './migration.js';

/**
 * `held_by` on redaction jobs (ADR 0017 §4, issue 13 §1): the instance whose memory holds the
 * key of the job's redacted copy, and where its detection or rendering runs. Another instance
 * names it instead of calling the copy gone, and a restart ends only what it held itself. Rows
 * from before are held by nobody alive.
 */
export const m0020RedactionHeldBy: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('redaction_jobs').addColumn('held_by', 'text').execute();
  },
};
