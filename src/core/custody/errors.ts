/**
 * Error codes of key custody: the vault identity split k of n among custodians (ADR 0003 §6,
 * docs/custody.md). Merged into src/core/errors.ts. The passphrase itself is the age layer's
 * (VAULT.WRONG_PASSPHRASE): a share is an age file.
 */
export const CUSTODY_ERRORS = {
  'CUSTODY.INVALID_PLAN': {
    status: 400,
    exit: 64,
    title: 'The custodians and threshold do not make a valid k-of-n custody',
  },
  'CUSTODY.CUSTODIAN_INVALID': {
    status: 422,
    exit: 65,
    title: 'A custodian must be an existing, enabled account, named once',
  },
  'CUSTODY.WEAK_PASSPHRASE': {
    status: 422,
    exit: 65,
    title: 'The passphrase is too short to protect a share of the vault key',
  },
  'CUSTODY.NOT_SET_UP': { status: 409, exit: 65, title: 'This vault has no custodians' },
  'CUSTODY.ALREADY_SET_UP': { status: 409, exit: 73, title: 'This vault already has custodians' },
  'CUSTODY.REQUIRED': {
    status: 403,
    exit: 77,
    title: 'This vault is under k-of-n custody; a single identity is no longer accepted',
  },
  'CUSTODY.NOT_A_CUSTODIAN': { status: 404, exit: 66, title: 'This account holds no share of the vault key' },
  'CUSTODY.SHARE_INVALID': { status: 422, exit: 65, title: 'Not a share of a Proportio vault key' },
  'CUSTODY.NOT_ENOUGH_SHARES': {
    status: 403,
    exit: 77,
    title: 'Too few shares: the vault key needs its threshold of custodians',
  },
  'CUSTODY.DUPLICATE_SHARE': { status: 422, exit: 65, title: 'The same share was given twice' },
  'CUSTODY.MIXED_SHARES': {
    status: 422,
    exit: 65,
    title: 'The shares come from different share sets and cannot be combined',
  },
  'CUSTODY.WRONG_VAULT': { status: 422, exit: 65, title: 'The shares belong to another vault key' },
  'CUSTODY.STALE_SHARE': {
    status: 403,
    exit: 77,
    title: 'The share was replaced by a re-share and is no longer accepted',
  },
  'CUSTODY.COMBINE_FAILED': {
    status: 422,
    exit: 65,
    title: 'The shares do not rebuild the vault key (a share is damaged or forged)',
  },
} as const satisfies Record<string, { status: number; exit: number; title: string }>;

export type CustodyErrorCode = keyof typeof CUSTODY_ERRORS;
