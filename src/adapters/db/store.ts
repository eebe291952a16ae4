/** The Store port over Kysely: repositories bound to the database or to one transaction. */
import { sql } from 'kysely';
import type { Repositories, Store } from '../../services/ports.js';
import type { Database } from './connection.js';
import { apiTokenRepository, sessionRepository, userRepository } from './repositories/account.repository.js';
import { auditRepository } from './repositories/audit.repository.js';
import type { Executor } from './repositories/executor.js';
import { incidentRepository } from './repositories/incident.repository.js';
import {
  cameraRepository,
  conversationTypeRepository,
  organisationRepository,
  roomRepository,
  settingsRepository,
  siteRepository,
} from './repositories/registry.repository.js';

const repositories = (db: Executor, dialect: 'sqlite' | 'postgres'): Repositories => ({
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
});

export const createStore = (database: Database): Store => ({
  dialect: database.dialect,
  read: repositories(database.db, database.dialect),
  transaction: (fn) => database.db.transaction().execute((trx) => fn(repositories(trx, database.dialect))),
  ping: async () => {
    try {
      await sql`SELECT 1`.execute(database.db);
      return true;
    } catch {
      return false;
    }
  },
  storageFull: () => database.storage.recheck(),
});
