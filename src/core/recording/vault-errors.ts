/**
 * Error codes of the clip vault (merged into src/core/errors.ts next to RECORDING_ERRORS).
 * Kept in their own file so the recording and vault work can change in parallel.
 */
import { conflict, forbidden, invalid, notFound, unprocessable, type ErrorTable } from '../error-kinds.js';

export const VAULT_ERRORS = {
  'VAULT.KEY_MISSING': { status: 503, exit: 78, title: 'No vault key is configured; recording is refused' },
  'VAULT.KEY_INVALID': unprocessable('The vault key is not a valid age key'),
  'VAULT.KEY_EXISTS': { status: 409, exit: 73, title: 'A key file already exists at that path' },
  'VAULT.WRONG_KEY': forbidden('The identity does not open this vault file'),
  'VAULT.WRONG_PASSPHRASE': forbidden('The passphrase does not open this file'),
  'VAULT.UNSUPPORTED': unprocessable('Not an age v1 file this vault can open'),
  'VAULT.CORRUPT': { status: 500, exit: 65, title: 'A vault file is damaged or was tampered with' },
  'VAULT.TRUNCATED': { status: 500, exit: 65, title: 'A vault file is incomplete' },
  'VAULT.DISK_FULL': { status: 507, exit: 73, title: 'The vault disk is full' },
  'VAULT.IO_FAILED': { status: 500, exit: 73, title: 'The vault could not read or write a file' },
  'VAULT.NOT_FOUND': notFound('No such clip in the vault'),
  'VAULT.CLIP_EXISTS': conflict('A clip with this id already exists'),
  'VAULT.INVALID_CLIP_ID': invalid('The clip id is not valid'),
  'VAULT.WRITER_CLOSED': { status: 500, exit: 70, title: 'The clip writer is already closed' },
} as const satisfies ErrorTable;

export type VaultErrorCode = keyof typeof VAULT_ERRORS;
