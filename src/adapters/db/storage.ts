/**
 * A full disk under the database. The driver errors that mean "no space" — SQLite's SQLITE_FULL,
 * an SQLITE_IOERR while the database folder has (almost) no room left, PostgreSQL's SQLSTATE
 * 53100 — become one StorageFullError (→ 503 STORAGE.FULL), and a watch remembers that the storage
 * is full until a small probe write succeeds again; readiness and the health banner read it, so
 * the state ends on its own once space is back.
 *
 * The dialect wrapper also keeps a failed SQLite transaction from hiding its cause: SQLite rolls a
 * transaction back by itself on SQLITE_FULL, and Kysely's ROLLBACK then failed with "cannot
 * rollback - no transaction is active", which was reported instead of the disk-full error.
 */
import fs from 'node:fs';
import {
  sql,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type TransactionSettings,
} from 'kysely';
import { StorageFullError } from '../../core/result.js';

export interface StorageFullState {
  /** When the first disk-full error of this episode was seen (ISO 8601 UTC). */
  readonly since: string;
  /** The driver's words, for the log and operators; never shown to clients. */
  readonly reason: string;
}

/** Below this many free bytes an SQLite I/O error counts as "no space" (SQLite reports some as IOERR). */
export const NEARLY_FULL_BYTES = 1024 * 1024;

export const freeBytes = (dir: string): number | undefined => {
  try {
    const s = fs.statfsSync(dir);
    return s.bavail * s.bsize;
  } catch {
    return undefined;
  }
};

export interface FullContext {
  readonly dialect: 'sqlite' | 'postgres';
  /** SQLite: the folder that holds the database file (its free space decides what an IOERR means). */
  readonly dir?: string;
  readonly freeBytes?: (dir: string) => number | undefined;
}

/** Why this driver error means a full disk, or undefined when it means something else. */
export const storageFullReason = (e: unknown, ctx: FullContext): string | undefined => {
  if (e instanceof StorageFullError) return e.message;
  if (typeof e !== 'object' || e === null) return undefined;
  const code = (e as { code?: unknown }).code;
  if (typeof code !== 'string') return undefined;
  const message = e instanceof Error ? e.message : '';
  if (ctx.dialect === 'postgres')
    return code === '53100' ? `PostgreSQL: ${message} (SQLSTATE 53100 disk_full)` : undefined;
  if (code === 'SQLITE_FULL') return `SQLite: ${message} (SQLITE_FULL)`;
  if (code.startsWith('SQLITE_IOERR') && ctx.dir !== undefined) {
    const free = (ctx.freeBytes ?? freeBytes)(ctx.dir);
    if (free !== undefined && free < NEARLY_FULL_BYTES)
      return `SQLite: ${message} (${code} with ${free} bytes free in ${ctx.dir})`;
  }
  return undefined;
};

const CLIENT_MESSAGE =
  'the disk under the database is full: nothing was saved. Try again once an administrator has freed space.';

export interface StorageWatch {
  /** The state as last seen, without I/O. */
  current(): StorageFullState | undefined;
  /** A driver error as it should travel on: a StorageFullError (state noted) or the error unchanged. */
  translate(e: unknown): unknown;
  /**
   * While full, tries one small real write (shared by concurrent callers); clears the state unless
   * that write, too, finds no space.
   */
  recheck(): Promise<StorageFullState | undefined>;
  /** Called on every change between full and not full (the composition root logs it). */
  onChange(listener: (state: StorageFullState | undefined) => void): void;
}

export const createStorageWatch = (ctx: FullContext, probe: () => Promise<void>): StorageWatch => {
  let state: StorageFullState | undefined;
  let probing: Promise<StorageFullState | undefined> | undefined;
  const listeners: Array<(s: StorageFullState | undefined) => void> = [];
  const set = (next: StorageFullState | undefined) => {
    state = next;
    for (const l of listeners) l(next);
  };
  return {
    current: () => state,
    translate: (e) => {
      const reason = storageFullReason(e, ctx);
      if (reason === undefined) return e;
      if (state === undefined) set({ since: new Date().toISOString(), reason });
      return e instanceof StorageFullError ? e : new StorageFullError(CLIENT_MESSAGE, { cause: e });
    },
    recheck: () => {
      if (state === undefined) return Promise.resolve(undefined);
      const clear = () => {
        if (state !== undefined) set(undefined);
      };
      // Only a probe that fails for lack of space keeps the state: a probe that cannot run for
      // another reason (no connection, no right to write that row) must not keep an instance
      // out of the load balancer for good; the next real write that finds the disk full sets
      // the state again.
      probing ??= probe()
        .then(clear, (e: unknown) => {
          if (storageFullReason(e, ctx) === undefined) clear();
        })
        .then(() => state)
        .finally(() => {
          probing = undefined;
        });
      return probing;
    },
    onChange: (l) => {
      listeners.push(l);
    },
  };
};

/**
 * A real write that changes nothing: the row of Kysely's migration lock table, which exists in
 * every migrated database and which neither dialect's migrator updates (SQLite holds its one
 * connection, PostgreSQL takes an advisory lock). Two updates, because SQLite skips writing a row
 * that an update leaves the same.
 */
export const probeWrite = async <T>(db: Kysely<T>): Promise<void> => {
  await db.transaction().execute(async (trx) => {
    await sql`UPDATE proportio_migrations_lock SET is_locked = is_locked + 1 WHERE id = 'migration_lock'`.execute(
      trx,
    );
    await sql`UPDATE proportio_migrations_lock SET is_locked = is_locked - 1 WHERE id = 'migration_lock'`.execute(
      trx,
    );
  });
};

export interface GuardOptions {
  readonly watch: StorageWatch;
  /** SQLite: is a transaction open on the (one) connection? A rollback without one is skipped. */
  readonly inTransaction?: () => boolean;
}

/** The dialect with every driver error passed through the watch (see the file comment). */
export const storageAwareDialect = (inner: Dialect, opts: GuardOptions): Dialect => ({
  createAdapter: () => inner.createAdapter(),
  createQueryCompiler: () => inner.createQueryCompiler(),
  createIntrospector: (db) => inner.createIntrospector(db),
  createDriver: () => guardedDriver(inner.createDriver(), opts),
});

const guardedDriver = (inner: Driver, { watch, inTransaction }: GuardOptions): Driver => {
  const originals = new WeakMap<DatabaseConnection, DatabaseConnection>();
  const original = (c: DatabaseConnection) => originals.get(c) ?? c;
  const guarded = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (e) {
      throw watch.translate(e);
    }
  };
  const wrap = (c: DatabaseConnection): DatabaseConnection => {
    const w: DatabaseConnection = {
      executeQuery: (q) => guarded(() => c.executeQuery(q)),
      streamQuery: async function* (q, chunkSize) {
        try {
          yield* c.streamQuery(q, chunkSize);
        } catch (e) {
          throw watch.translate(e);
        }
      },
    };
    originals.set(w, c);
    return w;
  };
  type SavepointMethod = NonNullable<Driver['savepoint']>;
  const savepointMethod = (
    name: 'savepoint' | 'rollbackToSavepoint' | 'releaseSavepoint',
  ): SavepointMethod | undefined =>
    inner[name] && ((c, point, compile) => guarded(() => inner[name]!(original(c), point, compile)));
  const savepoint = savepointMethod('savepoint');
  const rollbackToSavepoint = savepointMethod('rollbackToSavepoint');
  const releaseSavepoint = savepointMethod('releaseSavepoint');
  return {
    init: () => inner.init(),
    acquireConnection: async () => wrap(await inner.acquireConnection()),
    beginTransaction: (c, settings: TransactionSettings) =>
      guarded(() => inner.beginTransaction(original(c), settings)),
    commitTransaction: (c) => guarded(() => inner.commitTransaction(original(c))),
    rollbackTransaction: async (c) => {
      // SQLite already rolled back (SQLITE_FULL, IOERR): keep the error that caused it.
      if (inTransaction && !inTransaction()) return;
      await guarded(() => inner.rollbackTransaction(original(c)));
    },
    ...(savepoint ? { savepoint } : {}),
    ...(rollbackToSavepoint ? { rollbackToSavepoint } : {}),
    ...(releaseSavepoint ? { releaseSavepoint } : {}),
    releaseConnection: (c) => inner.releaseConnection(original(c)),
    destroy: () => inner.destroy(),
  };
};
