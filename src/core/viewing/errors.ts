/**
 * Error codes of four-eyes viewing (issue 10 §2, docs/custody.md "Beelden bekijken"). Merged into
 * src/core/errors.ts. The web translates each (VIEWING-API.md).
 */
import { conflict, forbidden, rateLimited, unprocessable, type ErrorTable } from '../error-kinds.js';

export const FOOTAGE_ERRORS = {
  'FOOTAGE.NOT_CUSTODIAN': forbidden('Only a custodian holding a share of the vault key can do this'),
  'FOOTAGE.ALREADY_APPROVED': conflict('You already approved this request'),
  'FOOTAGE.OWN_REQUEST_NEEDS_OTHER': forbidden(
    'You asked for this footage: a custodian who did not ask must approve first',
  ),
  'FOOTAGE.WRONG_PASSPHRASE': unprocessable('The passphrase does not open your share'),
  'FOOTAGE.TOO_MANY_ATTEMPTS': rateLimited('Too many wrong passphrases; wait 15 minutes'),
  'FOOTAGE.REQUEST_CLOSED': conflict('This request is no longer open'),
  'FOOTAGE.GRANT_ENDED': conflict('This permission to view has ended'),
  'FOOTAGE.NOT_REQUESTER': forbidden('Only whoever asked for the footage can do this'),
  'FOOTAGE.POLICE_REPORT_REQUIRED': unprocessable('A police report number is required for this legal ground'),
  'FOOTAGE.EXPORT_NEEDS_POLICE_REPORT': unprocessable(
    'An export is only for the police: choose the legal ground police report',
  ),
  'FOOTAGE.REASON_INVALID': unprocessable('Give a reason of 10 to 2000 characters'),
  'FOOTAGE.CLIP_NOT_SEALED': conflict(
    'This clip is not sealed in the vault (still recording, failed or deleted)',
  ),
  'FOOTAGE.SHARE_SEALED_TO_KEY': unprocessable(
    'Your share is sealed to your own age key: approve with `proportio footage approve --share`',
  ),
  'FOOTAGE.SHARE_MISMATCH': unprocessable('This share is not your share of the vault key in force'),
  // details.heldOn names the instance (host:port) to use: keys never leave the instance that opened them (ADR 0017).
  'FOOTAGE.HELD_ELSEWHERE': conflict('This permission to view was opened on another Proportio instance'),
} as const satisfies ErrorTable;

export type FootageErrorCode = keyof typeof FOOTAGE_ERRORS;
