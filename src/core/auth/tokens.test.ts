import { describe, expect, it } from 'vitest';
import {
  TOKEN_DEFAULT_DAYS,
  TOKEN_MAX_DAYS,
  shouldMarkUsed,
  tokenExpiry,
  tokenState,
  validTokenDays,
} from './tokens.js';

const now = new Date('2026-03-01T12:00:00Z');

describe('API token rules', () => {
  it('defaults the lifetime and refuses one beyond the maximum', () => {
    expect(validTokenDays(undefined)).toEqual({ ok: true, value: TOKEN_DEFAULT_DAYS });
    expect(validTokenDays(TOKEN_MAX_DAYS)).toEqual({ ok: true, value: TOKEN_MAX_DAYS });
    for (const bad of [0, -1, 1.5, TOKEN_MAX_DAYS + 1])
      expect(validTokenDays(bad)).toMatchObject({
        ok: false,
        error: { code: 'REQUEST.INVALID', details: { field: 'expiresInDays' } },
      });
  });

  it('expires at the end of its lifetime', () => {
    const expiresAt = tokenExpiry(now, 1);
    expect(expiresAt).toBe('2026-03-02T12:00:00.000Z');
    expect(tokenState({ revokedAt: null, expiresAt }, now)).toBe('active');
    expect(tokenState({ revokedAt: null, expiresAt }, new Date(expiresAt))).toBe('expired');
    expect(tokenState({ revokedAt: now.toISOString(), expiresAt }, now)).toBe('revoked');
  });

  it('records use at most once a minute', () => {
    expect(shouldMarkUsed(null, now)).toBe(true);
    expect(shouldMarkUsed('2026-03-01T11:59:30Z', now)).toBe(false);
    expect(shouldMarkUsed('2026-03-01T11:59:00Z', now)).toBe(true);
  });
});
