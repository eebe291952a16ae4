/**
 * Error codes of residents' requests (AVG art. 15, 17, 18, 21; issue 12 §1). Merged into
 * src/core/errors.ts; kept in their own file so the branches of issue 12 merge cleanly.
 */
import { conflict, notFound, unprocessable, type ErrorTable } from '../error-kinds.js';

export const RIGHTS_ERRORS = {
  'RIGHTS.NOT_FOUND': notFound('No such request from a resident'),
  'RIGHTS.INVALID': unprocessable('The request from a resident is not complete or not valid'),
  'RIGHTS.TRANSITION': conflict('The request is not in a state that allows this step'),
  'RIGHTS.EXTENSION_LATE': conflict(
    'An extension must be announced within the first month after receipt (GDPR Art. 12(3))',
  ),
  'RIGHTS.ALREADY_EXTENDED': conflict('The request was already extended once'),
  'RIGHTS.CLIP_NOT_LINKED': conflict('The clip is not linked to this request'),
  'RIGHTS.CLIP_OUTSIDE_WINDOW': unprocessable(
    "The clip is not of the request's room and does not overlap its time window",
  ),
  'RIGHTS.CLIP_RESTRICTED': conflict(
    "The clip is restricted at a resident's request (GDPR Art. 18): it is kept, and viewed or exported only for legal claims",
  ),
  'RIGHTS.CLIP_ACTION_KIND': conflict('This action on clips does not fit the kind of request'),
} as const satisfies ErrorTable;

export type RightsErrorCode = keyof typeof RIGHTS_ERRORS;
