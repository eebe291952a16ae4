/**
 * The audit log takes new entries only at its head, on every dialect: raw SQL through the
 * database handle cannot swap an old entry with SQLite's INSERT OR REPLACE / REPLACE INTO, with
 * an upsert, or with PostgreSQL's MERGE, nor slip an entry into the middle or beyond the head.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects } from '../support/databases.js';
import { startTestRuntime, type TestRuntime } from '../support/test-runtime.js';

const dialects = await availableDialects();
const COLUMNS = sql.raw('seq, at, actor, action, subject, details, prev_hash, hash');
const FORGED = sql.raw(`seq, at, actor, 'user.delete', subject, details, prev_hash, hash`);

describe.each(dialects)('audit log append-only on %s', (dialect) => {
  let t: TestRuntime;
  let original: unknown;
  beforeAll(async () => {
    t = await startTestRuntime({ dialect, demo: true });
    original = await t.rt.database.db.selectFrom('audit_log').selectAll().where('seq', '=', 11).execute();
  });
  afterAll(async () => t?.close());

  const unchanged = async () => {
    const db = t.rt.database.db;
    expect(await db.selectFrom('audit_log').selectAll().where('seq', '=', 11).execute()).toEqual(original);
    expect(await t.rt.services.audit.verify()).toMatchObject({ ok: true });
  };

  // Dialect-specific statements are registered only where they exist (no skipped tests).
  if (dialect === 'sqlite')
    it('refuses INSERT OR REPLACE and REPLACE INTO of an existing entry', async () => {
      const db = t.rt.database.db;
      await expect(
        sql`INSERT OR REPLACE INTO audit_log (${COLUMNS}) SELECT ${FORGED} FROM audit_log WHERE seq = 11`.execute(
          db,
        ),
      ).rejects.toThrow(/append-only/);
      await expect(
        sql`REPLACE INTO audit_log (${COLUMNS}) SELECT ${FORGED} FROM audit_log WHERE seq = 11`.execute(db),
      ).rejects.toThrow(/append-only/);
      // Also with recursive triggers on (REPLACE then fires DELETE triggers, which refuse it too).
      await sql`PRAGMA recursive_triggers = ON`.execute(db);
      try {
        await expect(
          sql`INSERT OR REPLACE INTO audit_log (${COLUMNS}) SELECT ${FORGED} FROM audit_log WHERE seq = 11`.execute(
            db,
          ),
        ).rejects.toThrow(/append-only/);
      } finally {
        await sql`PRAGMA recursive_triggers = OFF`.execute(db);
      }
      await unchanged();
    });

  it('refuses an upsert (INSERT … ON CONFLICT DO UPDATE) of an existing entry', async () => {
    const db = t.rt.database.db;
    await expect(
      sql`INSERT INTO audit_log (${COLUMNS}) SELECT ${FORGED} FROM audit_log WHERE seq = 11
          ON CONFLICT (seq) DO UPDATE SET action = excluded.action`.execute(db),
    ).rejects.toThrow(/append-only/);
    await unchanged();
  });

  if (dialect === 'postgres')
    it('refuses MERGE into an existing entry', async () => {
      const db = t.rt.database.db;
      await expect(
        sql`MERGE INTO audit_log a USING (SELECT 11 AS seq) s ON a.seq = s.seq
          WHEN MATCHED THEN UPDATE SET action = 'user.delete'`.execute(db),
      ).rejects.toThrow(/append-only/);
      await expect(
        sql`MERGE INTO audit_log a USING (SELECT 11 AS seq) s ON a.seq = s.seq
          WHEN MATCHED THEN DELETE`.execute(db),
      ).rejects.toThrow(/append-only/);
      await unchanged();
    });

  it('refuses an entry that does not follow the head (a gap, or beyond it)', async () => {
    const db = t.rt.database.db;
    const head = await db
      .selectFrom('audit_log')
      .select(['seq', 'hash'])
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    const row = (seq: number) =>
      sql`INSERT INTO audit_log (${COLUMNS})
          VALUES (${seq}, '2026-12-01T00:00:00.000Z', 'system:x', 'x', 'x', '{}', ${head.hash}, ${'f'.repeat(64)})`;
    await expect(row(Number(head.seq) + 2).execute(db)).rejects.toThrow(/append-only/);
    await expect(row(0).execute(db)).rejects.toThrow(/append-only/);
    await unchanged();
  });

  it('still appends through the application', async () => {
    const r = await t.rt.services.registry.createSite(
      { kind: 'system', name: 'test' },
      { name: 'Servicepunt Zuid', address: 'Zuidweg 1' },
    );
    expect(r.ok).toBe(true);
    await unchanged();
  });
});
