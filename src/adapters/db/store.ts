/**
 * The one store factory: a capability's repositories next to the foundation's, bound to the
 * database or to one transaction over the same handle, so a capability's state change and its
 * audit entry commit together.
 */
import { sql } from 'kysely';
import type { Repositories, Store, UnitOfWork } from '../../services/ports.js';
import type { Database } from './connection.js';
import type { Dialect } from './migrations/index.js';
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

const foundation = (db: Executor, dialect: Dialect): Repositories => ({
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

/**
 * The foundation's repositories plus those `tables` binds. The handle belongs to the composition
 * root, which closes it; a unit of work holds nothing of its own.
 */
export const createUnitOfWork = <X extends object>(
  database: Database,
  tables: (db: Executor, dialect: Dialect) => X,
): UnitOfWork<Repositories & X> => {
  const bind = (db: Executor): Repositories & X => ({
    ...foundation(db, database.dialect),
    ...tables(db, database.dialect),
  });
  return {
    dialect: database.dialect,
    read: bind(database.db),
    transaction: (fn) => database.db.transaction().execute((trx) => fn(bind(trx))),
  };
};

export const createStore = (database: Database): Store => ({
  ...createUnitOfWork(database, () => ({})),
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
