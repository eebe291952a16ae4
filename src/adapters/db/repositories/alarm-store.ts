/**
 * The AlarmStore over Kysely: the foundation's repositories plus the alarm tables, bound to the
 * database or to one transaction, so a state change and its audit entry commit together.
 */
import type { AlarmRepositories, AlarmStore } from '../../../services/alarm-ports.js';
import type { Database } from '../connection.js';
import '../schema-alarm.js';
import { apiTokenRepository, sessionRepository, userRepository } from './account.repository.js';
import {
  alarmRepository,
  conversationRepository,
  deviceRepository,
  incidentRegisterRepository,
  reportVersionRepository,
} from './alarm.repository.js';
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

const repositories = (db: Executor, dialect: 'sqlite' | 'postgres'): AlarmRepositories => ({
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
  conversations: conversationRepository(db),
  alarms: alarmRepository(db, dialect),
  devices: deviceRepository(db),
  incidentRegister: incidentRegisterRepository(db),
  reportVersions: reportVersionRepository(db),
});

/** On the composition root's database handle (the same connection or pool as the foundation's store). */
export const createAlarmStore = (database: Database): AlarmStore => ({
  dialect: database.dialect,
  read: repositories(database.db, database.dialect),
  transaction: (fn) => database.db.transaction().execute((trx) => fn(repositories(trx, database.dialect))),
  // The handle belongs to the composition root, which closes it.
  close: async () => undefined,
});
