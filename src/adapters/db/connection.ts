import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import type { DB } from './schema.js';
import { migrationProvider, type Dialect } from './migrations/index.js';
import { createStorageWatch, probeWrite, storageAwareDialect, type StorageWatch } from './storage.js';

export interface Database {
  readonly db: Kysely<DB>;
  readonly dialect: Dialect;
  /** Where the data lives, for messages (never includes a password). */
  readonly location: string;
  /** PostgreSQL only: the URL, for the connections that sit beside the pool (LISTEN, the leader lock). */
  readonly connectionString?: string;
  /** Whether the disk under the database is full (storage.ts). */
  readonly storage: StorageWatch;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres://… selects PostgreSQL; otherwise SQLite in dataDir. */
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  /** SQLite file name inside dataDir (tests use ':memory:'). */
  readonly sqliteFile?: string;
}

export const redactUrl = (url: string): string => {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
};

export const openDatabase = (opts: OpenOptions): Database => {
  if (opts.databaseUrl) {
    // BIGINT/NUMERIC stay strings in pg by default; our integers are small, parse them.
    pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 });
    // An idle client dropped by the server (restart, failover) must not crash the process; the
    // pool replaces it on the next query.
    pool.on('error', () => undefined);
    // A client in use when the server goes (restart, failover, a terminated backend) emits 'error'
    // besides failing its query; with no listener that would end the process. The query's own
    // failure is the answer (a 5xx the caller retries); the pool drops the broken client.
    pool.on('connect', (client) => client.on('error', () => undefined));
    const storage = createStorageWatch({ dialect: 'postgres' }, () => probeWrite(db));
    const db: Kysely<DB> = new Kysely<DB>({
      dialect: storageAwareDialect(new PostgresDialect({ pool }), { watch: storage }),
    });
    return {
      db,
      dialect: 'postgres',
      location: redactUrl(opts.databaseUrl),
      connectionString: opts.databaseUrl,
      storage,
      close: () => db.destroy(),
    };
  }
  const file = opts.sqliteFile ?? 'proportio.sqlite';
  let location = ':memory:';
  if (file !== ':memory:') {
    fs.mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
    location = path.join(opts.dataDir, file);
    ownerOnly(location);
  }
  const sqlite = new SQLite(location);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // FULL: every commit is fsynced before it returns, so an alarm acknowledged to the front desk
  // survives a power cut, not only a crash (ADR 0001; measured in docs/benchmarks.md).
  sqlite.pragma('synchronous = FULL');
  const storage = createStorageWatch(
    { dialect: 'sqlite', ...(file === ':memory:' ? {} : { dir: path.dirname(location) }) },
    () => probeWrite(db),
  );
  const db: Kysely<DB> = new Kysely<DB>({
    dialect: storageAwareDialect(new SqliteDialect({ database: sqlite }), {
      watch: storage,
      inTransaction: () => sqlite.inTransaction,
    }),
  });
  return { db, dialect: 'sqlite', location, storage, close: () => db.destroy() };
};

/**
 * The database file readable by its owner only (0600), created so before SQLite opens it: SQLite
 * gives the -wal and -shm files the database file's mode, and would create it 0644. A store made
 * by an older version is tightened too.
 */
const ownerOnly = (file: string): void => {
  fs.closeSync(fs.openSync(file, 'a', 0o600));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    try {
      if ((fs.statSync(f).mode & 0o077) !== 0) fs.chmodSync(f, 0o600);
    } catch {
      // -wal/-shm exist only while the database is open.
    }
  }
};

export interface MigrationOutcome {
  readonly applied: readonly string[];
}

/**
 * Brings the schema up to date. Several instances may start at once on one PostgreSQL: Kysely's
 * migrator runs all pending migrations in one transaction that first takes a transaction-level
 * advisory lock (pg_advisory_xact_lock), so one instance migrates and the others then find
 * nothing left to do (test/integration/migrations-concurrent.test.ts, ADR 0016).
 */
export const migrateToLatest = async (database: Database): Promise<MigrationOutcome> => {
  const migrator = new Migrator({
    db: database.db,
    provider: migrationProvider(database.dialect),
    migrationTableName: 'proportio_migrations',
    migrationLockTableName: 'proportio_migrations_lock',
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error('migration failed', { cause: error });
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
};
