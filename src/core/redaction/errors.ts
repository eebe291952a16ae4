/**
 * Error codes of face-redacted copies (issue 12 §2, docs/redaction.md). Merged into
 * src/core/errors.ts.
 */
import { unprocessable, type ErrorTable } from '../error-kinds.js';

export const REDACTION_ERRORS = {
  'REDACTION.INPUT_UNREADABLE': unprocessable('The footage cannot be read as video'),
  'REDACTION.UNKNOWN_TRACK': unprocessable('A redaction edit names a face track that does not exist'),
  'REDACTION.INVALID_EDIT': unprocessable(
    'A redaction edit is not valid (time span outside the clip, box outside the picture, or tracks of other footage)',
  ),
  'REDACTION.DETECTOR_UNAVAILABLE': { status: 503, exit: 69, title: 'The face detector cannot be loaded' },
  'REDACTION.ENCODE_FAILED': { status: 500, exit: 70, title: 'ffmpeg failed to write the redacted copy' },
} as const satisfies ErrorTable;
