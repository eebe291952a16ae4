/**
 * Migration 0009 (issue 8, item 2.2): a version waiting for a decision when the store is upgraded
 * gets its submitter from the audit log, so the four-eyes check knows who submitted it; the
 * submitter of an approved version is frozen like the rest of it. On both dialects.
 */
import { Migrator, sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../src/adapters/db/connection.js';
import { migrationProvider } from '../../src/adapters/db/migrations/index.js';
import { availableDialects, freshDatabase, type TestDatabase } from '../support/databases.js';

const dialects = await availableDialects();

describe.each(dialects)('migration 0009 (assessment submitter) on %s', (dialect) => {
  let fresh: TestDatabase | undefined;
  afterEach(async () => fresh?.drop());

  it('backfills the submitter of a submitted version from the audit log and freezes it once approved', async () => {
    fresh = await freshDatabase(dialect);
    const { database } = fresh;
    const migrator = new Migrator({
      db: database.db,
      provider: migrationProvider(database.dialect),
      migrationTableName: 'proportio_migrations',
      migrationLockTableName: 'proportio_migrations_lock',
    });
    const before = await migrator.migrateTo('0004-recording');
    expect(before.error).toBeUndefined();
    const db = database.db as unknown as Kysely<unknown>;
    const at = '2026-03-04T09:00:00.000Z';
    for (const id of ['auteur', 'indiener'])
      await sql`INSERT INTO users (id, username, display_name, email, roles, site_ids, disabled, failed_logins, created_at)
        VALUES (${id}, ${id}, ${id}, ${`${id}@example.org`}, '[]', '[]', 0, 0, ${at})`.execute(db);
    let seq = 0;
    for (const [id, status] of [
      ['a-open', 'submitted'],
      ['a-done', 'approved'],
      ['a-draft', 'draft'],
    ] as const) {
      await sql`INSERT INTO assessments (id, title, measure, created_by, created_at)
        VALUES (${id}, 'x', 'alarm-button', 'auteur', ${at})`.execute(db);
      await sql`INSERT INTO assessment_versions (assessment_id, version, scenario, status, human_judgements, submitted_at, created_by, created_at)
        VALUES (${id}, 1, '{}', ${status}, '[]', ${status === 'draft' ? null : at}, 'auteur', ${at})`.execute(
        db,
      );
      if (status !== 'draft')
        await sql`INSERT INTO audit_log (seq, at, actor, action, subject, details, prev_hash, hash)
          VALUES (${++seq}, ${at}, 'user:indiener', 'assessment.submit', ${`assessment:${id}`}, '{}', 'x', 'y')`.execute(
          db,
        );
    }

    await migrateToLatest(database);

    const rows = await sql<{ assessment_id: string; submitted_by: string | null }>`
      SELECT assessment_id, submitted_by FROM assessment_versions ORDER BY assessment_id`.execute(db);
    expect(rows.rows).toEqual([
      // Decided versions are final; only the one awaiting a decision needs its submitter.
      { assessment_id: 'a-done', submitted_by: null },
      { assessment_id: 'a-draft', submitted_by: null },
      { assessment_id: 'a-open', submitted_by: 'indiener' },
    ]);
    await expect(
      sql`UPDATE assessment_versions SET submitted_by = 'iemand' WHERE assessment_id = 'a-done'`.execute(db),
    ).rejects.toThrow(/immutable/);
    await sql`UPDATE assessment_versions SET submitted_by = 'auteur' WHERE assessment_id = 'a-draft'`.execute(
      db,
    );
  });
});
