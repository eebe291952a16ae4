/**
 * The RecordingStore: the foundation's store widened to the recording tables (store.ts), so a
 * switch, a clip's state and the audit entry commit together.
 */
import type { RecordingStore } from '../../../services/recording-ports.js';
import type { Database } from '../connection.js';
import { createUnitOfWork } from '../store.js';
import { clipDeletionRepository, clipHoldRepository } from './hold.repository.js';
import {
  clipRepository,
  footageNoteRepository,
  objectionRepository,
  recordingLookups,
  suspensionRepository,
} from './recording.repository.js';

export const createRecordingStore = (database: Database): RecordingStore =>
  createUnitOfWork(database, (db, dialect) => ({
    clips: clipRepository(db),
    suspensions: suspensionRepository(db),
    objections: objectionRepository(db),
    footageNotes: footageNoteRepository(db),
    lookups: recordingLookups(db),
    holds: clipHoldRepository(db, dialect),
    deletions: clipDeletionRepository(db),
  }));
