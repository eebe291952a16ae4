/**
 * The AssessmentStore over Kysely: the foundation's repositories plus the assessment tables,
 * bound to the database or to one transaction, so a state change, the policy version it causes
 * and their audit entries commit together.
 */
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import type { Logger } from 'pino';
import type { AssessmentRepositories, AssessmentStore } from '../../../services/assessment-ports.js';
import type { Store } from '../../../services/ports.js';
import { openDatabase, redactUrl, type Database } from '../connection.js';
import type { DB } from '../schema.js';
import '../schema-assessment.js';
import { apiTokenRepository, sessionRepository, userRepository } from './account.repository.js';
import { assessmentRepository, policyVersionRepository } from './assessment.repository.js';
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

const repositories = (db: Executor, dialect: 'sqlite' | 'postgres'): AssessmentRepositories => ({
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
  assessments: assessmentRepository(db),
  policyVersions: policyVersionRepository(db, dialect),
});

/** On the composition root's own database handle: the normal case. */
export const createAssessmentStore = (database: Database): AssessmentStore => ({
  dialect: database.dialect,
  read: repositories(database.db, database.dialect),
  transaction: (fn) => database.db.transaction().execute((trx) => fn(repositories(trx, database.dialect))),
  // The handle belongs to the composition root, which closes it.
  close: async () => undefined,
});

/**
 * Fallback while the module context does not carry the database handle: a second connection to
 * the same database. With SQLite every write transaction runs while holding the foundation
 * store's connection (its driver mutex), so the two connections never wait on each other's
 * SQLite lock — better-sqlite3's busy wait would block the whole event loop. Inside such a
 * transaction only the repositories handed in may be used (the foundation's are held).
 */
export const openSeparateAssessmentStore = (opts: {
  databaseUrl: string | undefined;
  dataDir: string;
  foundation: Store;
  log: Logger;
}): AssessmentStore => {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 5 });
    // An idle client killed by the server (restart, DROP DATABASE … FORCE) must not crash the process.
    pool.on('error', (e) =>
      opts.log.warn(
        { err: e.message, db: redactUrl(opts.databaseUrl ?? '') },
        'assessment store: idle database connection lost',
      ),
    );
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
    transaction: (fn) =>
      opts.foundation.transaction(() =>
        database.db.transaction().execute((trx) => fn(repositories(trx, 'sqlite'))),
      ),
    close: () => database.close(),
  };
};
