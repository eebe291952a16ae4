/**
 * The RecordingStore over Kysely: the foundation's repositories plus the recording tables, bound
 * to the database or to one transaction, so a switch, a clip's state and the audit entry commit
 * together.
 */
import type { RecordingRepositories, RecordingStore } from '../../../services/recording-ports.js';
import type { Database } from '../connection.js';
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
import {
  clipRepository,
  footageNoteRepository,
  objectionRepository,
  recordingLookups,
  suspensionRepository,
} from './recording.repository.js';

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
