/**
 * Error codes of the register of complaints and regulator inquiries (issue 12 §3). Merged into
 * src/core/errors.ts; kept in their own file so the branches of issue 12 merge cleanly.
 */
import { conflict, notFound, unprocessable, type ErrorTable } from '../error-kinds.js';

export const COMPLAINT_ERRORS = {
  'COMPLAINT.NOT_FOUND': notFound('No such complaint or regulator inquiry'),
  'COMPLAINT.INVALID': unprocessable('The complaint or inquiry is not complete or not valid'),
  'COMPLAINT.TRANSITION': conflict('The complaint is not in a state that allows this step'),
  'COMPLAINT.EXTENSION_LATE': conflict(
    'A complaint can be extended only before its six weeks have passed (Awb art. 9:11 lid 2)',
  ),
  'COMPLAINT.ALREADY_EXTENDED': conflict('The complaint was already extended once'),
  'COMPLAINT.LINK_INVALID': unprocessable(
    'The linked assessment, room or request does not exist or is not in your sites',
  ),
} as const satisfies ErrorTable;

export type ComplaintErrorCode = keyof typeof COMPLAINT_ERRORS;
