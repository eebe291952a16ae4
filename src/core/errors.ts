/**
 * The catalogue of stable error codes. Every code is documented in docs/errors.md (a test checks
 * that both lists agree). `status` is the HTTP status the API answers with; `exit` the CLI exit code.
 */
import {
  conflict,
  forbidden,
  invalid,
  notFound,
  rateLimited,
  unauthenticated,
  unprocessable,
  type ErrorTable,
} from './error-kinds.js';

import { AGENT_ERRORS } from './agents/errors.js';
import { ALARM_ERRORS } from './alarm/errors.js';
import { BACKUP_ERRORS } from './backup/errors.js';
import { ASSESSMENT_ERRORS } from './assessment/errors.js';
import { COMPLAINT_ERRORS } from './complaints/errors.js';
import { CUSTODY_ERRORS } from './custody/errors.js';
import { EVIDENCE_ERRORS } from './evidence/errors.js';
import { FOOTAGE_ERRORS } from './viewing/errors.js';
import { RECORDING_ERRORS } from './recording/errors.js';
import { HOLD_ERRORS } from './recording/hold-errors.js';
import { VAULT_ERRORS } from './recording/vault-errors.js';
import { REDACTION_ERRORS } from './redaction/errors.js';
import { RIGHTS_ERRORS } from './rights/errors.js';

export const ERRORS = {
  ...ALARM_ERRORS,
  ...ASSESSMENT_ERRORS,
  ...RECORDING_ERRORS,
  ...VAULT_ERRORS,
  ...CUSTODY_ERRORS,
  ...HOLD_ERRORS,
  ...EVIDENCE_ERRORS,
  ...FOOTAGE_ERRORS,
  ...REDACTION_ERRORS,
  ...RIGHTS_ERRORS,
  ...COMPLAINT_ERRORS,
  ...BACKUP_ERRORS,
  ...AGENT_ERRORS,
  'REQUEST.INVALID': invalid('The request is not valid'),
  'REQUEST.TOO_LARGE': { status: 413, exit: 65, title: 'The request is too large' },
  'REQUEST.UNSUPPORTED_MEDIA_TYPE': { status: 415, exit: 65, title: 'Unsupported content type' },
  'AUTH.UNAUTHENTICATED': unauthenticated('Log in first'),
  'AUTH.INVALID_CREDENTIALS': unauthenticated('Username or password is wrong'),
  'AUTH.LOCKED': { status: 423, exit: 77, title: 'The account is temporarily locked' },
  'AUTH.DISABLED': forbidden('The account is disabled'),
  'AUTH.FORBIDDEN': forbidden('Your role does not allow this'),
  'AUTH.SITE_LIMITED': forbidden('This concerns every site; your account serves only some of them'),
  'AUTH.CSRF': forbidden('Missing or wrong CSRF token'),
  'AUTH.RATE_LIMITED': rateLimited('Too many attempts; wait and try again'),
  'AUTH.WEAK_PASSWORD': unprocessable('The password does not meet the rules'),
  'AUTH.OIDC_NOT_CONFIGURED': { status: 404, exit: 78, title: 'No identity provider is configured' },
  'AUTH.OIDC_FAILED': unauthenticated('Login with the identity provider failed'),
  'USER.SELF_CHANGE': forbidden('Nobody changes their own roles or sites; ask another administrator'),
  'USER.OUTSIDE_SITES': forbidden('The account serves sites you do not manage'),
  'USER.SITES_BEYOND_OWN': forbidden('You can only give sites you serve yourself'),
  'RESOURCE.NOT_FOUND': notFound('Not found'),
  'RESOURCE.CONFLICT': conflict('Conflicts with existing data'),
  'RESOURCE.IN_USE': conflict('Still referenced by other data'),
  'AUDIT.CHAIN_BROKEN': { status: 500, exit: 1, title: 'The audit chain is not intact' },
  'AUDIT.ANCHOR_UNREADABLE': {
    status: 500,
    exit: 66,
    title: 'The audit anchor file or its key cannot be read',
  },
  'CONFIG.INVALID': { status: 500, exit: 78, title: 'The configuration is not valid' },
  'STORE.NOT_EMPTY': conflict('The store already holds data'),
  'STORAGE.FULL': {
    status: 503,
    exit: 75,
    title: 'The database storage is full; nothing was saved, try again once space is freed',
  },
  INTERNAL: { status: 500, exit: 70, title: 'Internal error' },
} as const satisfies ErrorTable;

export type ErrorCode = keyof typeof ERRORS;

export const isErrorCode = (s: string): s is ErrorCode => Object.hasOwn(ERRORS, s);
