/**
 * Error codes of face-redacted copies (issue 12 §2, docs/redaction.md). Merged into
 * src/core/errors.ts.
 */
import { conflict, unprocessable, type ErrorTable } from '../error-kinds.js';

export const REDACTION_ERRORS = {
  'REDACTION.INPUT_UNREADABLE': unprocessable('The footage cannot be read as video'),
  'REDACTION.UNKNOWN_TRACK': unprocessable('A redaction edit names a face track that does not exist'),
  'REDACTION.INVALID_EDIT': unprocessable(
    'A redaction edit is not valid (time span outside the clip, box outside the picture, or tracks of other footage)',
  ),
  'REDACTION.DETECTOR_UNAVAILABLE': { status: 503, exit: 69, title: 'The face detector cannot be loaded' },
  'REDACTION.ENCODE_FAILED': { status: 500, exit: 70, title: 'ffmpeg failed to write the redacted copy' },
  'REDACTION.GRANT_REQUIRED': conflict(
    'Decrypting a clip for a redacted copy needs your live viewing grant on the legal ground subject access, approved by a second person',
  ),
  'REDACTION.NOT_ACCESS_REQUEST': conflict(
    'A redacted copy is made for a request for access (AVG art. 15) only',
  ),
  'REDACTION.REQUEST_CLOSED': conflict('This request is closed: no copy is made for it any more'),
  'REDACTION.JOB_BUSY': conflict(
    'Face detection or rendering is running for this clip: wait until it has finished',
  ),
  'REDACTION.NOT_DETECTED': conflict('Detect the faces in this clip first'),
  'REDACTION.NOT_REVIEWED': conflict('Save the review (whose face is kept) before the copy is made'),
  'REDACTION.HELD_ELSEWHERE': conflict(
    'This redacted copy is kept on another Proportio instance: download or delete it there',
  ),
  'REDACTION.COPY_GONE': {
    status: 410,
    exit: 66,
    title: 'The redacted copy is no longer kept: render it again',
  },
} as const satisfies ErrorTable;
