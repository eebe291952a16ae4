/**
 * Error codes of the signed evidence export for the police (issue 10 §4, ADR 0005). Merged into
 * src/core/errors.ts.
 */
import { conflict, invalid, notFound, unprocessable, type ErrorTable } from '../error-kinds.js';

export const EVIDENCE_ERRORS = {
  'EVIDENCE.VERIFY_FAILED': {
    status: 422,
    exit: 1,
    title: 'The evidence package does not verify (signature, a hash, or its list of files)',
  },
  'EVIDENCE.NOT_A_PACKAGE': notFound('No evidence package (folder or ZIP) at the path given'),
  'EVIDENCE.RECIPIENT_INVALID': unprocessable(
    'The recipient is not an age public key (age1…) or the passphrase is too short',
  ),
  'EVIDENCE.KEY_INVALID': invalid('The export key given is not an Ed25519 public key or fingerprint'),
  'EVIDENCE.KEY_UNREADABLE': {
    status: 500,
    exit: 66,
    title: "The organisation's export signing key cannot be read",
  },
  'EVIDENCE.CLIP_UNREADABLE': conflict(
    'The footage of the grant could not be read in full; nothing was exported',
  ),
  'EVIDENCE.OUT_EXISTS': {
    status: 409,
    exit: 73,
    title: 'The output already exists; nothing was overwritten',
  },
} as const satisfies ErrorTable;

export type EvidenceErrorCode = keyof typeof EVIDENCE_ERRORS;
