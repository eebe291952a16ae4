import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import type { DB } from './schema.js';
import { migrationProvider, type Dialect } from './migrations/index.js';

export interface Database {
  readonly db: Kysely<DB>;
  readonly dialect: Dialect;
  /** Where the data lives, for messages (never includes a password). */
  readonly location: string;
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
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', location: redactUrl(opts.databaseUrl), close: () => db.destroy() };
  }
  const file = opts.sqliteFile ?? 'proportio.sqlite';
  let location = ':memory:';
  if (file !== ':memory:') {
    fs.mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
    location = path.join(opts.dataDir, file);
  }
  const sqlite = new SQLite(location);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', location, close: () => db.destroy() };
};

export interface MigrationOutcome {
  readonly applied: readonly string[];
}

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
