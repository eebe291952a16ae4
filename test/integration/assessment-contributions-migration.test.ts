/**
 * Migration 0009 (issue 8, item 2.2): a version still open when the store is upgraded gets its
 * contribution log from the audit log (entries of that version only), so the four-eyes check knows
 * who advised, heard the views, judged and submitted; the log of an approved version is frozen like
 * the rest of it. On both dialects.
 */
import { Migrator, sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../src/adapters/db/connection.js';
import { migrationProvider } from '../../src/adapters/db/migrations/index.js';
import { availableDialects, freshDatabase, type TestDatabase } from '../support/databases.js';

const dialects = await availableDialects();

describe.each(dialects)('migration 0009 (assessment contributions) on %s', (dialect) => {
  let fresh: TestDatabase | undefined;
  afterEach(async () => fresh?.drop());

  it('fills the log of an open version from the audit log and freezes it once approved', async () => {
    fresh = await freshDatabase(dialect);
    const { database } = fresh;
    const migrator = new Migrator({
      db: database.db,
      provider: migrationProvider(database.dialect),
      migrationTableName: 'proportio_migrations',
      migrationLockTableName: 'proportio_migrations_lock',
    });
    expect((await migrator.migrateTo('0004-recording')).error).toBeUndefined();
    const db = database.db as unknown as Kysely<unknown>;
    const at = '2026-03-04T09:00:00.000Z';
    for (const id of ['auteur', 'fg', 'dubbel'])
      await sql`INSERT INTO users (id, username, display_name, email, roles, site_ids, disabled, failed_logins, created_at)
        VALUES (${id}, ${id}, ${id}, ${`${id}@example.org`}, '[]', '[]', 0, 0, ${at})`.execute(db);
    const version = async (id: string, v: number, status: string) =>
      sql`INSERT INTO assessment_versions (assessment_id, version, scenario, status, human_judgements, created_by, created_at)
        VALUES (${id}, ${v}, '{}', ${status}, '[]', 'auteur', ${at})`.execute(db);
    let seq = 0;
    const audit = async (id: string, actor: string, action: string, details: string) =>
      sql`INSERT INTO audit_log (seq, at, actor, action, subject, details, prev_hash, hash)
        VALUES (${++seq}, ${at}, ${actor}, ${action}, ${`assessment:${id}`}, ${details}, 'x', 'y')`.execute(
        db,
      );
    for (const id of ['a-open', 'a-done'])
      await sql`INSERT INTO assessments (id, title, measure, created_by, created_at)
        VALUES (${id}, 'x', 'alarm-button', 'auteur', ${at})`.execute(db);
    // a-open: version 1 superseded (its steps do not count for version 2), version 2 submitted.
    await version('a-open', 1, 'withdrawn');
    await version('a-open', 2, 'submitted');
    await audit('a-open', 'user:dubbel', 'assessment.views', '{"version":1,"sought":true}');
    await audit('a-open', 'user:fg', 'assessment.dpo-advice', '{"version":2,"recommendation":"approve"}');
    await audit('a-open', 'user:dubbel', 'assessment.views', '{"version":2,"sought":true}');
    await audit(
      'a-open',
      'user:dubbel',
      'assessment.judgement',
      '{"version":2,"ruleId":"PROP-1","outcome":"pass"}',
    );
    await audit('a-open', 'user:dubbel', 'assessment.submit', '{"version":2,"verdict":"permitted"}');
    await audit('a-open', 'user:dubbel', 'assessment.submit', 'not json');
    await version('a-done', 1, 'approved');
    await audit('a-done', 'user:dubbel', 'assessment.submit', '{"version":1}');

    await migrateToLatest(database);

    const rows = await sql<{ assessment_id: string; version: number | string; contributions: string }>`
      SELECT assessment_id, version, contributions FROM assessment_versions ORDER BY assessment_id, version`.execute(
      db,
    );
    expect(
      rows.rows.map((r) => [r.assessment_id, Number(r.version), JSON.parse(r.contributions) as unknown]),
    ).toEqual([
      ['a-done', 1, []],
      ['a-open', 1, []],
      [
        'a-open',
        2,
        [
          { kind: 'dpo-advice', by: 'fg' },
          { kind: 'views', by: 'dubbel' },
          { kind: 'judgement', by: 'dubbel', ruleId: 'PROP-1' },
          { kind: 'submission', by: 'dubbel' },
        ],
      ],
    ]);
    await expect(
      sql`UPDATE assessment_versions SET contributions = '[{"kind":"views","by":"x"}]' WHERE assessment_id = 'a-done'`.execute(
        db,
      ),
    ).rejects.toThrow(/immutable/);
  });
});
