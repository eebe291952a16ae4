/**
 * Error codes of legal holds on clips and of the hold maximum (issue 10 §3). Merged into
 * src/core/errors.ts; kept in their own file so the three footage branches merge cleanly.
 */
import { conflict, notFound, unprocessable, type ErrorTable } from '../error-kinds.js';

export const HOLD_ERRORS = {
  'HOLD.NOT_FOUND': notFound('No such legal hold on this clip'),
  'HOLD.REASON_REQUIRED': unprocessable('A legal hold, its extension and its release each need a reason'),
  'HOLD.UNTIL_INVALID': unprocessable('The end of the hold must be a date or date-time in the future'),
  'HOLD.NOT_LATER': unprocessable('An extension must end later than the hold ends now'),
  'HOLD.BEYOND_MAXIMUM': unprocessable(
    'The hold would run longer than the maximum the privacy officer set; place it within the maximum, then extend it with a new reason',
  ),
  'HOLD.NEW_REASON_REQUIRED': unprocessable(
    'Extending past the maximum needs a new reason, not one the hold already gave',
  ),
  'HOLD.ENDED': conflict('The hold has ended (released or past its end) and cannot be changed'),
  'HOLD.CLIP_HELD': conflict('A legal hold keeps this clip; it cannot be deleted while the hold stands'),
  'HOLD.CLIP_DELETED': conflict('The clip is already deleted; there is nothing left to hold'),
  'HOLD.POLICY_INVALID': unprocessable('The hold maximum must be a whole number of days from 1 to 3650'),
} as const satisfies ErrorTable;

export type HoldErrorCode = keyof typeof HOLD_ERRORS;
