/**
 * The RecordingStore over Kysely: the foundation's repositories plus the recording tables, bound
 * to the database or to one transaction, so a switch, a clip's state and the audit entry commit
 * together.
 */
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import type { Logger } from 'pino';
import type { RecordingRepositories, RecordingStore } from '../../../services/recording-ports.js';
import type { Store } from '../../../services/ports.js';
import { openDatabase, redactUrl, type Database } from '../connection.js';
import type { DB } from '../schema.js';
import { apiTokenRepository, sessionRepository, userRepository } from './account.repository.js';
import { auditRepository } from './audit.repository.js';
import type { Executor } from './executor.js';
import { incidentRepository } from './incident.repository.js';
import {
  cameraRepository,
  conversationTypeRepository,
  organisationRepository,
  roomRepository,
  settingsRepository,
  siteRepository,
} from './registry.repository.js';
import { clipRepository, footageNoteRepository, objectionRepository, recordingLookups, suspensionRepository } from './recording.repository.js';

const repositories = (db: Executor, dialect: 'sqlite' | 'postgres'): RecordingRepositories => ({
  organisation: organisationRepository(db),
  settings: settingsRepository(db),
  sites: siteRepository(db),
  rooms: roomRepository(db),
  cameras: cameraRepository(db),
  conversationTypes: conversationTypeRepository(db),
  users: userRepository(db),
  sessions: sessionRepository(db),
  apiTokens: apiTokenRepository(db),
  audit: auditRepository(db, dialect),
  incidents: incidentRepository(db),
  clips: clipRepository(db),
  suspensions: suspensionRepository(db),
  objections: objectionRepository(db),
  footageNotes: footageNoteRepository(db),
  lookups: recordingLookups(db),
});

/** On the composition root's own database handle (the CLI, and main.ts once it passes it on). */
export const createRecordingStore = (database: Database): RecordingStore => ({
  dialect: database.dialect,
  read: repositories(database.db, database.dialect),
  transaction: (fn) => database.db.transaction().execute((trx) => fn(repositories(trx, database.dialect))),
  close: async () => undefined,
});

/**
 * While the module context does not carry the database handle: a second connection to the same
 * database. With SQLite every write transaction runs while holding the foundation store's
 * connection, so the two connections never wait on each other's lock (better-sqlite3's busy
 * wait would block the event loop) — the same arrangement as the alarm store.
 */
export const openSeparateRecordingStore = (opts: { databaseUrl: string | undefined; dataDir: string; foundation: Store; log: Logger }): RecordingStore => {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 4 });
    pool.on('error', (e) => opts.log.warn({ err: e.message, db: redactUrl(opts.databaseUrl ?? '') }, 'recording store: idle database connection lost'));
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return {
      dialect: 'postgres',
      read: repositories(db, 'postgres'),
      transaction: (fn) => db.transaction().execute((trx) => fn(repositories(trx, 'postgres'))),
      close: () => db.destroy(),
    };
  }
  const database = openDatabase({ databaseUrl: undefined, dataDir: opts.dataDir });
  return {
    dialect: 'sqlite',
    read: repositories(database.db, 'sqlite'),
    transaction: (fn) => opts.foundation.transaction(() => database.db.transaction().execute((trx) => fn(repositories(trx, 'sqlite')))),
    close: () => database.close(),
  };
};
