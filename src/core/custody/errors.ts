/**
 * Error codes of key custody: the vault identity split k of n among custodians (ADR 0003 §6,
 * docs/custody.md). Merged into src/core/errors.ts. The passphrase itself is the age layer's
 * (VAULT.WRONG_PASSPHRASE): a share is an age file.
 */
import { conflict, forbidden, notFound, unprocessable, type ErrorTable } from '../error-kinds.js';

export const CUSTODY_ERRORS = {
  'CUSTODY.INVALID_PLAN': {
    status: 400,
    exit: 64,
    title: 'The custodians and threshold do not make a valid k-of-n custody',
  },
  'CUSTODY.CUSTODIAN_INVALID': unprocessable('A custodian must be an existing, enabled account, named once'),
  'CUSTODY.WEAK_PASSPHRASE': unprocessable('The passphrase is too short to protect a share of the vault key'),
  'CUSTODY.NOT_SET_UP': conflict('This vault has no custodians'),
  'CUSTODY.ALREADY_SET_UP': { status: 409, exit: 73, title: 'This vault already has custodians' },
  'CUSTODY.REQUIRED': forbidden(
    'This vault is under k-of-n custody; a single identity is no longer accepted',
  ),
  'CUSTODY.NOT_A_CUSTODIAN': notFound('This account holds no share of the vault key'),
  'CUSTODY.SHARE_INVALID': unprocessable('Not a share of a Proportio vault key'),
  'CUSTODY.NOT_ENOUGH_SHARES': forbidden('Too few shares: the vault key needs its threshold of custodians'),
  'CUSTODY.DUPLICATE_SHARE': unprocessable('The same share was given twice'),
  'CUSTODY.MIXED_SHARES': unprocessable('The shares come from different share sets and cannot be combined'),
  'CUSTODY.WRONG_VAULT': unprocessable('The shares belong to another vault key'),
  'CUSTODY.STALE_SHARE': forbidden('The share was replaced by a re-share and is no longer accepted'),
  'CUSTODY.COMBINE_FAILED': unprocessable(
    'The shares do not rebuild the vault key (a share is damaged or forged)',
  ),
} as const satisfies ErrorTable;

export type CustodyErrorCode = keyof typeof CUSTODY_ERRORS;
