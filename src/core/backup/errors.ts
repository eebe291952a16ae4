/**
 * Error codes of `proportio backup` / `restore` (docs/operations.md#backup-and-restore). Merged
 * into src/core/errors.ts. Every refusal of a restore changes nothing.
 */
import { conflict, invalid, notFound, type ErrorTable } from '../error-kinds.js';

export const BACKUP_ERRORS = {
  'BACKUP.NOT_FOUND': notFound('No backup archive at that place'),
  'BACKUP.FOREIGN': invalid('Not a Proportio backup archive (no or another manifest)'),
  'BACKUP.DAMAGED': invalid('The backup archive is damaged: a file is missing, extra or changed'),
  'BACKUP.NEWER_RELEASE': conflict('The backup was made by a newer Proportio release than this one'),
  'BACKUP.DIALECT_MISMATCH': conflict(
    'The backup holds another kind of database (SQLite or PostgreSQL) than this installation uses',
  ),
  'BACKUP.TARGET_NOT_EMPTY': { status: 409, exit: 73, title: 'The data folder already holds data' },
  'BACKUP.OUT_EXISTS': { status: 409, exit: 73, title: 'The backup folder already exists and is not empty' },
  'BACKUP.MASTER_KEY_MISSING': conflict(
    "The master key that sealed the backup's camera credentials is not in place",
  ),
  'BACKUP.MASTER_KEY_MISMATCH': conflict(
    "The master key in place is not the one that sealed the backup's camera credentials",
  ),
} as const satisfies ErrorTable;
