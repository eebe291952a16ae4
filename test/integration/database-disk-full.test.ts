/**
 * The disk under the database fills up (a real 16 MiB tmpfs as the data folder; SQLite). Logins
 * and alarms answer 503 STORAGE.FULL (not 500 "something went wrong", not the "cannot rollback"
 * error that used to hide the cause), readiness is false, every screen's banner has the
 * `storage.full` item; once space is freed, writes succeed and readiness returns without a
 * restart, and nothing that was acknowledged is lost. Needs root to mount: skipped loudly
 * otherwise, a failure on CI.
 *
 * PostgreSQL's own disk full cannot reasonably be produced here (its data folder belongs to the
 * server). Its error, SQLSTATE 53100, is mapped by code (src/adapters/db/storage.test.ts); below,
 * triggers raise that SQLSTATE through the real driver, so the same HTTP answers are checked on
 * PostgreSQL too — a simulation of the error, not of the disk.
 */
import { unlink } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects } from '../support/databases.js';
import { canMountTmpfs, mountTmpfs, type Tmpfs } from '../support/tmpfs.js';
import { loginAs, startTestRuntime, type TestRuntime } from '../support/test-runtime.js';

type Headers = Record<string, string>;
interface Item {
  component?: string;
  status: string;
  code: string;
  message?: string;
  params?: Record<string, string | number>;
}

describe.skipIf(!(await canMountTmpfs()))('database disk full (SQLite on a real 16 MiB tmpfs)', () => {
  let fs: Tmpfs;
  let t: TestRuntime;
  let balie: Headers;
  let roomId: string;
  const filler = 'filler';

  const alarmCount = async () =>
    Number(
      (
        await t.rt.database.db
          .selectFrom('alarms')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const raise = (silent: boolean) =>
    t.app.inject({ method: 'POST', url: '/api/alarms', headers: balie, payload: { roomId, silent } });
  const login = (username: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: 'Lindewaard-demo-2026' },
    });

  beforeAll(async () => {
    fs = await mountTmpfs('16m');
    t = await startTestRuntime({ demo: true, dataDir: fs.dir, env: { PROPORTIO_MQTT_PORT: '-1' } });
    balie = (await loginAs(t.app, 'balie')).headers;
    roomId = (await t.rt.store.read.rooms.list())[0]!.id;
  });

  afterAll(async () => {
    await unlink(path.join(fs.dir, filler)).catch(() => undefined);
    await t?.close();
    await fs?.unmount();
  });

  it('full: login and alarm answer 503 STORAGE.FULL, readiness false, storage.full on the banner; freed: all works again', async () => {
    // Acknowledged before the disk fills: must survive.
    const before = await raise(true);
    expect(before.statusCode, before.body).toBe(201);
    const acknowledged = before.json<{ alarm: { id: string } }>().alarm.id;
    const alarmsBefore = await alarmCount();

    // A fully checkpointed, truncated WAL: the next commit needs new blocks (as it does on a busy
    // server whose WAL has grown to fill its space), then fill the disk to the last byte.
    await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(t.rt.database.db);
    expect(fs.fill(filler)).toBeGreaterThan(0);

    const refusedLogin = await login('beveiliging');
    expect(refusedLogin.statusCode, refusedLogin.body).toBe(503);
    expect(refusedLogin.headers['content-type']).toContain('application/problem+json');
    expect(refusedLogin.json()).toMatchObject({ code: 'STORAGE.FULL', status: 503 });

    const refusedAlarm = await raise(false);
    expect(refusedAlarm.statusCode, refusedAlarm.body).toBe(503);
    expect(refusedAlarm.json()).toMatchObject({ code: 'STORAGE.FULL' });
    expect(refusedAlarm.body).not.toContain('rollback');

    const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode, ready.body).toBe(503);
    const readiness = ready.json<{ status: string; warnings: Item[] }>();
    expect(readiness.status).toBe('not-ready');
    expect(readiness.warnings).toContainEqual({ status: 'error', code: 'storage.full' });

    // The signed-in user still sees the banner (reading the session writes nothing then).
    const health = await t.app.inject({ method: 'GET', url: '/api/health', headers: balie });
    expect(health.statusCode, health.body).toBe(200);
    expect(health.json<{ items: Item[] }>().items).toContainEqual(
      expect.objectContaining({
        component: 'database',
        status: 'error',
        code: 'storage.full',
        params: { since: expect.any(String) as unknown },
      }),
    );
    // Still full: a second look keeps it so.
    expect((await t.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(503);

    // Space is back: no restart, readiness returns on its own, writes succeed again.
    await unlink(path.join(fs.dir, filler));
    const readyAgain = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(readyAgain.statusCode, readyAgain.body).toBe(200);
    expect(readyAgain.json<{ warnings: Item[] }>().warnings.some((w) => w.code === 'storage.full')).toBe(
      false,
    );
    const healthAgain = await t.app.inject({ method: 'GET', url: '/api/health', headers: balie });
    expect(healthAgain.json<{ items: Item[] }>().items.some((i) => i.code === 'storage.full')).toBe(false);

    expect((await login('beveiliging')).statusCode).toBe(200);
    const after = await raise(false);
    expect([200, 201]).toContain(after.statusCode);

    // Nothing acknowledged is lost; nothing refused was half-stored; the audit chain is whole.
    const stored = await t.rt.database.db
      .selectFrom('alarms')
      .select('id')
      .where('id', '=', acknowledged)
      .executeTakeFirst();
    expect(stored?.id).toBe(acknowledged);
    expect(await alarmCount()).toBe(alarmsBefore + (after.statusCode === 201 ? 1 : 0));
    expect(await t.rt.services.audit.verify()).toMatchObject({ ok: true });
  });
});

const pgDialect = (await availableDialects()).includes('postgres');

describe.skipIf(!pgDialect)('database disk full (PostgreSQL: SQLSTATE 53100 raised by triggers)', () => {
  let t: TestRuntime;
  let balie: Headers;
  let roomId: string;

  beforeAll(async () => {
    t = await startTestRuntime({ dialect: 'postgres', demo: true, env: { PROPORTIO_MQTT_PORT: '-1' } });
    balie = (await loginAs(t.app, 'balie')).headers;
    roomId = (await t.rt.store.read.rooms.list())[0]!.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  // Every change writes an audit entry; the readiness probe writes the migration lock row.
  const TABLES = ['audit_log', 'proportio_migrations_lock'];
  const fill = async () => {
    await sql`CREATE FUNCTION simulated_disk_full() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'could not extend file: No space left on device' USING ERRCODE = '53100'; END $$`.execute(
      t.rt.database.db,
    );
    for (const table of TABLES)
      await sql`CREATE TRIGGER simulated_disk_full BEFORE INSERT OR UPDATE ON ${sql.table(table)}
        FOR EACH ROW EXECUTE FUNCTION simulated_disk_full()`.execute(t.rt.database.db);
  };
  const free = async () => {
    for (const table of TABLES)
      await sql`DROP TRIGGER simulated_disk_full ON ${sql.table(table)}`.execute(t.rt.database.db);
    await sql`DROP FUNCTION simulated_disk_full()`.execute(t.rt.database.db);
  };

  it('53100: login and alarm answer 503 STORAGE.FULL, readiness false, storage.full; gone: all works again', async () => {
    await fill();
    const refusedLogin = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'beveiliging', password: 'Lindewaard-demo-2026' },
    });
    expect(refusedLogin.statusCode, refusedLogin.body).toBe(503);
    expect(refusedLogin.json()).toMatchObject({ code: 'STORAGE.FULL' });
    const refusedAlarm = await t.app.inject({
      method: 'POST',
      url: '/api/alarms',
      headers: balie,
      payload: { roomId },
    });
    expect(refusedAlarm.statusCode, refusedAlarm.body).toBe(503);
    expect(refusedAlarm.json()).toMatchObject({ code: 'STORAGE.FULL' });
    expect(await t.rt.database.db.selectFrom('alarms').select('id').execute()).toEqual([]);

    const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode, ready.body).toBe(503);
    expect(ready.json<{ warnings: Item[] }>().warnings).toContainEqual({
      status: 'error',
      code: 'storage.full',
    });
    const health = await t.app.inject({ method: 'GET', url: '/api/health', headers: balie });
    expect(health.json<{ items: Item[] }>().items).toContainEqual(
      expect.objectContaining({ component: 'database', code: 'storage.full' }),
    );

    await free();
    expect((await t.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    const raised = await t.app.inject({
      method: 'POST',
      url: '/api/alarms',
      headers: balie,
      payload: { roomId },
    });
    expect(raised.statusCode, raised.body).toBe(201);
    expect(await t.rt.services.audit.verify()).toMatchObject({ ok: true });
  });
});
