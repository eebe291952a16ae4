/**
 * Migration 0005 on a store with tokens from before expiries existed: every such token gets the
 * default lifetime from the upgrade (no script stops at the upgrade, none lives for ever), and a
 * revoked one keeps "revoked" as the reason it ended.
 */
import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../src/adapters/db/connection.js';
import { migrationProvider } from '../../src/adapters/db/migrations/index.js';
import { apiTokenRepository } from '../../src/adapters/db/repositories/account.repository.js';
import { availableDialects, freshDatabase, type TestDatabase } from '../support/databases.js';

const dialects = await availableDialects();
const DAY = 86_400_000;

describe.each(dialects)('migration 0005-api-tokens on %s', (dialect) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await freshDatabase(dialect);
  });
  afterAll(async () => db?.drop());

  it('gives older tokens an expiry and keeps the revoked ones revoked', async () => {
    const migrator = new Migrator({
      db: db.database.db,
      provider: migrationProvider(db.database.dialect),
      migrationTableName: 'proportio_migrations',
      migrationLockTableName: 'proportio_migrations_lock',
    });
    const to4 = await migrator.migrateTo('0004-recording');
    expect(to4.error).toBeUndefined();
    const at = '2025-01-01T00:00:00.000Z';
    await sql`INSERT INTO users (id, username, display_name, email, password_hash, roles, site_ids, disabled, failed_logins, locked_until, oidc_subject, created_at, password_changed_at)
      VALUES ('u1', 'old', 'Old', '', NULL, '["admin"]', '[]', 0, 0, NULL, NULL, ${at}, NULL)`.execute(
      db.database.db,
    );
    await sql`INSERT INTO api_tokens (id, user_id, name, token_hash, created_at, last_used_at, revoked_at)
      VALUES ('t1', 'u1', 'Old script', 'h1', ${at}, NULL, NULL),
             ('t2', 'u1', 'Old revoked', 'h2', ${at}, NULL, ${at})`.execute(db.database.db);
    const before = Date.now();
    expect((await migrateToLatest(db.database)).applied).toContain('0005-api-tokens');
    const repo = apiTokenRepository(db.database.db);
    const t1 = (await repo.get('t1'))!;
    expect(new Date(t1.expiresAt).getTime()).toBeGreaterThanOrEqual(before + 89 * DAY);
    expect(t1).toMatchObject({ revokedAt: null, endedReason: null });
    expect(await repo.get('t2')).toMatchObject({ revokedAt: at, endedReason: 'revoked' });
  });
});
