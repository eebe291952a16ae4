/**
 * Disk full under the database, mapped by the driver's code: SQLite SQLITE_FULL (and an IOERR
 * while the folder has no room), PostgreSQL SQLSTATE 53100 (a real PostgreSQL disk full cannot
 * be produced in a test, so its mapping is checked by code here). And the SQLite path that used
 * to hide the cause: SQLite rolls a transaction back by itself on SQLITE_FULL, so Kysely's
 * ROLLBACK failed with "cannot rollback - no transaction is active" (SQLITE_FULL is produced for
 * real with max_page_count).
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { StorageFullError } from '../../core/result.js';
import { migrateToLatest, openDatabase } from './connection.js';
import { createStorageWatch, NEARLY_FULL_BYTES, storageFullReason } from './storage.js';

const pgError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('storageFullReason', () => {
  it('PostgreSQL: SQLSTATE 53100 (disk_full) is storage full; other codes are not', () => {
    const reason = storageFullReason(
      pgError('53100', 'could not extend file "base/16384/16385": No space left on device'),
      { dialect: 'postgres' },
    );
    expect(reason).toContain('53100');
    expect(reason).toContain('No space left on device');
    expect(storageFullReason(pgError('23505', 'duplicate key'), { dialect: 'postgres' })).toBeUndefined();
    expect(storageFullReason(pgError('53200', 'out of memory'), { dialect: 'postgres' })).toBeUndefined();
    expect(storageFullReason(pgError('SQLITE_FULL', 'x'), { dialect: 'postgres' })).toBeUndefined();
  });

  it('SQLite: SQLITE_FULL always; SQLITE_IOERR only while the folder has (almost) no room', () => {
    const ctx = (free: number) => ({ dialect: 'sqlite' as const, dir: '/data', freeBytes: () => free });
    expect(storageFullReason(pgError('SQLITE_FULL', 'database or disk is full'), ctx(1e9))).toContain(
      'SQLITE_FULL',
    );
    expect(storageFullReason(pgError('SQLITE_IOERR_WRITE', 'disk I/O error'), ctx(0))).toContain(
      'SQLITE_IOERR_WRITE',
    );
    expect(
      storageFullReason(pgError('SQLITE_IOERR_SHMSIZE', 'disk I/O error'), ctx(NEARLY_FULL_BYTES - 1)),
    ).toBeDefined();
    expect(storageFullReason(pgError('SQLITE_IOERR_WRITE', 'disk I/O error'), ctx(1e9))).toBeUndefined();
    expect(storageFullReason(pgError('SQLITE_CONSTRAINT', 'x'), ctx(0))).toBeUndefined();
    expect(storageFullReason('SQLITE_FULL', ctx(0))).toBeUndefined();
    expect(storageFullReason(undefined, ctx(0))).toBeUndefined();
  });
});

describe('the storage watch', () => {
  it('remembers the first disk-full error until a probe write succeeds; one probe for concurrent callers', async () => {
    let probes = 0;
    let probeFails = true;
    const changes: unknown[] = [];
    const watch = createStorageWatch({ dialect: 'postgres' }, async () => {
      probes += 1;
      await new Promise((r) => setTimeout(r, 5));
      if (probeFails) throw pgError('53100', 'still full');
    });
    watch.onChange((s) => changes.push(s === undefined ? 'room' : 'full'));
    expect(await watch.recheck()).toBeUndefined();
    expect(probes).toBe(0);

    const cause = pgError('53100', 'could not write to file: No space left on device');
    const translated = watch.translate(cause);
    expect(translated).toBeInstanceOf(StorageFullError);
    expect((translated as StorageFullError).cause).toBe(cause);
    const since = watch.current()!.since;
    expect(watch.translate(pgError('23505', 'dup'))).toMatchObject({ code: '23505' });

    const [a, b] = await Promise.all([watch.recheck(), watch.recheck()]);
    expect(probes).toBe(1);
    expect(a?.since).toBe(since);
    expect(b?.since).toBe(since);

    probeFails = false;
    expect(await watch.recheck()).toBeUndefined();
    expect(watch.current()).toBeUndefined();
    expect(changes).toEqual(['full', 'room']);
  });

  it('a probe that fails for another reason (no connection) does not keep the state for good', async () => {
    const watch = createStorageWatch({ dialect: 'postgres' }, () =>
      Promise.reject(pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')),
    );
    watch.translate(pgError('53100', 'No space left on device'));
    expect(watch.current()).toBeDefined();
    expect(await watch.recheck()).toBeUndefined();
  });
});

describe('SQLite disk full through the database adapter (max_page_count)', () => {
  it('a failing transaction reports STORAGE.FULL, not "cannot rollback"; the state clears once there is room', async () => {
    const database = openDatabase({
      databaseUrl: undefined,
      dataDir: '/nonexistent',
      sqliteFile: ':memory:',
    });
    try {
      await migrateToLatest(database);
      const db = database.db;
      await sql`CREATE TABLE filler (v TEXT)`.execute(db);
      const pages = Number(
        (await sql<{ page_count: number }>`PRAGMA page_count`.execute(db)).rows[0]!.page_count,
      );
      await sql.raw(`PRAGMA max_page_count = ${pages + 1}`).execute(db);

      const failure = await db
        .transaction()
        .execute(async (trx) => {
          for (let i = 0; i < 20; i++)
            await sql`INSERT INTO filler (v) VALUES (${'x'.repeat(3000)})`.execute(trx);
        })
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(failure).toBeInstanceOf(StorageFullError);
      expect((failure as Error).message).not.toContain('rollback');
      expect((failure as Error).cause).toMatchObject({ code: 'SQLITE_FULL' });
      expect(database.storage.current()?.reason).toContain('SQLITE_FULL');
      // Nothing of the refused transaction stayed.
      expect((await sql<{ n: number }>`SELECT count(*) AS n FROM filler`.execute(db)).rows[0]!.n).toBe(0);

      await sql.raw(`PRAGMA max_page_count = ${pages + 1000}`).execute(db);
      expect(await database.storage.recheck()).toBeUndefined();
      await sql`INSERT INTO filler (v) VALUES ('after')`.execute(db);

      // Savepoints still pass through the wrapped driver.
      const trx = await db.startTransaction().execute();
      const sp = await trx.savepoint('a').execute();
      await sql`INSERT INTO filler (v) VALUES ('undone')`.execute(sp);
      await sp.rollbackToSavepoint('a').execute();
      await trx.commit().execute();
      expect((await sql<{ n: number }>`SELECT count(*) AS n FROM filler`.execute(db)).rows[0]!.n).toBe(1);
    } finally {
      await database.close();
    }
  });
});
