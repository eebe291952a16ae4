/**
 * The RecordingStore: the foundation's store widened to the recording tables (store.ts), so a
 * switch, a clip's state and the audit entry commit together.
 */
import type { RecordingStore } from '../../../services/recording-ports.js';
import type { Database } from '../connection.js';
import type { Dialect } from '../migrations/migration.js';
import { createUnitOfWork } from '../store.js';
import type { Executor } from './executor.js';
import { clipDeletionRepository, clipHoldRepository } from './hold.repository.js';
import {
  clipRepository,
  footageNoteRepository,
  objectionRepository,
  recordingLookups,
  suspensionRepository,
} from './recording.repository.js';

/** The recording capability's repositories over one executor (a wider store, e.g. the rights', adds its own). */
export const recordingTables = (db: Executor, dialect: Dialect) => ({
  clips: clipRepository(db),
  suspensions: suspensionRepository(db),
  objections: objectionRepository(db),
  footageNotes: footageNoteRepository(db),
  lookups: recordingLookups(db),
  holds: clipHoldRepository(db, dialect),
  deletions: clipDeletionRepository(db),
});

export const createRecordingStore = (database: Database): RecordingStore =>
  createUnitOfWork(database, recordingTables);
