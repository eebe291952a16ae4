/**
 * Pure rules for API tokens: how long they live, when one counts as used, and what state it is in.
 * A token ends when it expires, when it is revoked, and with its owner's password (a change or
 * an administrator's reset) or the disabling of the account.
 */
import { fieldRule } from '../field-rules.js';
import { err, ok, type Result } from '../result.js';

/** Lifetime when the creator chooses none, and the longest anyone may choose. */
export const TOKEN_DEFAULT_DAYS = 90;
export const TOKEN_MAX_DAYS = 365;

/** Last use is written at most once a minute: a busy script must not write on every request. */
export const TOKEN_USE_RESOLUTION_MS = 60_000;

/** Why a token ended (kept with it, and in the audit log). */
export const TOKEN_END_REASONS = [
  'revoked',
  'password-changed',
  'password-reset',
  'account-disabled',
] as const;
export type TokenEndReason = (typeof TOKEN_END_REASONS)[number];

export type TokenState = 'active' | 'expired' | 'revoked';

export const validTokenDays = (days: number | undefined): Result<number> =>
  days === undefined
    ? ok(TOKEN_DEFAULT_DAYS)
    : Number.isInteger(days) && days >= 1 && days <= TOKEN_MAX_DAYS
      ? ok(days)
      : err(
          'REQUEST.INVALID',
          `expiresInDays must be a whole number from 1 to ${TOKEN_MAX_DAYS}`,
          fieldRule('expiresInDays', 'whole-number-range', { min: 1, max: TOKEN_MAX_DAYS }),
        );

export const tokenExpiry = (now: Date, days: number): string =>
  new Date(now.getTime() + days * 86_400_000).toISOString();

export const tokenState = (t: { revokedAt: string | null; expiresAt: string }, now: Date): TokenState =>
  t.revokedAt !== null ? 'revoked' : new Date(t.expiresAt).getTime() <= now.getTime() ? 'expired' : 'active';

export const shouldMarkUsed = (lastUsedAt: string | null, now: Date): boolean =>
  lastUsedAt === null || now.getTime() - new Date(lastUsedAt).getTime() >= TOKEN_USE_RESOLUTION_MS;
