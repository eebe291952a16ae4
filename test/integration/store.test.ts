/**
 * The data store on every dialect: migrations, repositories, audit entries in the same
 * transaction as the change, the database refusing UPDATE/DELETE on the audit log, and
 * verification naming a tampered entry.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../src/adapters/db/connection.js';
import { availableDialects } from '../support/databases.js';
import { startTestRuntime, type TestRuntime } from '../support/test-runtime.js';

const dialects = await availableDialects();
const admin = { kind: 'system', name: 'test' } as const;

describe.each(dialects)('store on %s', (dialect) => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await startTestRuntime({ dialect, demo: true });
  });
  afterAll(async () => t?.close());

  it('migrates idempotently', async () => {
    expect((await migrateToLatest(t.rt.database)).applied).toEqual([]);
  });

  it('holds the demo municipality', async () => {
    const { store } = t.rt;
    expect((await store.read.organisation.get())?.name).toBe('Gemeente Lindewaard');
    expect(await store.read.sites.list()).toHaveLength(2);
    expect(await store.read.rooms.list()).toHaveLength(6);
    expect((await store.read.conversationTypes.list()).map((c) => c.code)).toContain(
      'wmo-keukentafelgesprek',
    );
    expect(await store.read.users.count()).toBe(7);
    expect(await store.read.incidents.count()).toBeGreaterThan(20);
  });

  it('makes every commit durable before it returns (SQLite: WAL with synchronous=FULL)', async () => {
    const db = t.rt.database.db;
    if (dialect === 'sqlite') {
      const mode = await sql<{ journal_mode: string }>`PRAGMA journal_mode`.execute(db);
      const sync = await sql<{ synchronous: number }>`PRAGMA synchronous`.execute(db);
      expect([mode.rows[0]?.journal_mode, sync.rows[0]?.synchronous]).toEqual(['wal', 2]);
    } else {
      const r = await sql<{ synchronous_commit: string }>`SHOW synchronous_commit`.execute(db);
      expect(r.rows[0]?.synchronous_commit).toBe('on');
    }
  });

  it('writes the change and its audit entry together', async () => {
    const before = await t.rt.store.read.audit.count();
    const r = await t.rt.services.registry.createSite(admin, {
      name: 'Servicepunt Noord',
      address: 'Noordweg 3',
    });
    expect(r.ok).toBe(true);
    expect(await t.rt.store.read.audit.count()).toBe(before + 1);
    const [last] = await t.rt.store.read.audit.page({ limit: 1 });
    expect(last).toMatchObject({
      action: 'site.create',
      actor: 'system:test',
      subject: `site:${r.ok ? r.value.id : ''}`,
    });
  });

  it('rolls back the audit entry when the change fails', async () => {
    const before = await t.rt.store.read.audit.count();
    const sitesBefore = await t.rt.store.read.sites.list();
    await expect(
      t.rt.store.transaction(async (repos) => {
        await repos.audit.append({
          at: new Date().toISOString(),
          actor: 'system:test',
          action: 'site.create',
          subject: 'site:x',
          details: {},
        });
        await repos.sites.insert({ id: 'dup', name: 'Stadhuis Lindewaard', address: '', createdAt: '' }); // unique name violation
      }),
    ).rejects.toThrow();
    expect(await t.rt.store.read.audit.count()).toBe(before);
    expect(await t.rt.store.read.sites.list()).toEqual(sitesBefore);
  });

  it('keeps the chain intact under concurrent appends', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.rt.services.registry.createSite(admin, { name: `Locatie ${i}`, address: '' }),
      ),
    );
    const v = await t.rt.services.audit.verify();
    expect(v.ok).toBe(true);
  });

  it('refuses UPDATE, DELETE (and on PostgreSQL TRUNCATE) of the audit log', async () => {
    const db = t.rt.database.db;
    await expect(sql`UPDATE audit_log SET action = 'x' WHERE seq = 1`.execute(db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`DELETE FROM audit_log WHERE seq = 1`.execute(db)).rejects.toThrow(/append-only/);
    if (dialect === 'postgres')
      await expect(sql`TRUNCATE audit_log`.execute(db)).rejects.toThrow(/append-only/);
    expect((await t.rt.services.audit.verify()).ok).toBe(true);
  });

  it('names the first altered entry when someone bypasses the trigger', async () => {
    const db = t.rt.database.db;
    // A privileged attacker can disable the guard; the chain still gives them away.
    if (dialect === 'sqlite') {
      await sql`DROP TRIGGER audit_log_no_update`.execute(db);
      await sql`UPDATE audit_log SET details = '{"name":"Vervalst"}' WHERE seq = 5`.execute(db);
    } else {
      await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete`.execute(db);
      await sql`UPDATE audit_log SET details = '{"name":"Vervalst"}' WHERE seq = 5`.execute(db);
    }
    const v = await t.rt.services.audit.verify();
    expect(v).toMatchObject({ ok: false, checked: 4, problem: { kind: 'altered', seq: 5 } });
  });
});
