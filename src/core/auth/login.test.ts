import { describe, expect, it } from 'vitest';
import { afterFailure, isLocked, mapClaimRoles, sessionExpiry } from './login.js';

const now = new Date('2026-03-01T10:00:00.000Z');
const policy = { maxFailures: 3, lockMinutes: 15 };

describe('lock-out', () => {
  it.each([
    [0, 1, null],
    [1, 2, null],
  ])('failure %i → counter %i, not locked', (before, after, lock) => {
    expect(afterFailure(before, now, policy)).toEqual({ failedLogins: after, lockedUntil: lock });
  });
  it('locks for lockMinutes at the limit and resets the counter', () => {
    expect(afterFailure(2, now, policy)).toEqual({
      failedLogins: 0,
      lockedUntil: '2026-03-01T10:15:00.000Z',
    });
  });
  it('is locked until, not at, the end time', () => {
    expect(isLocked('2026-03-01T10:15:00.000Z', new Date('2026-03-01T10:14:59.999Z'))).toBe(true);
    expect(isLocked('2026-03-01T10:15:00.000Z', new Date('2026-03-01T10:15:00.000Z'))).toBe(false);
    expect(isLocked(null, now)).toBe(false);
  });
});

describe('sessions and claims', () => {
  it('computes the expiry', () => expect(sessionExpiry(now, 10)).toBe('2026-03-01T20:00:00.000Z'));
  it('maps claim values through the role map and ignores unknown ones', () => {
    const map = { 'prop-fg': 'dpo', 'prop-admin': 'admin' };
    expect(mapClaimRoles(['prop-fg', 'other', 'prop-fg'], map)).toEqual(['dpo']);
    expect(mapClaimRoles('prop-admin prop-fg', map)).toEqual(['admin', 'dpo']);
    expect(mapClaimRoles(42, map)).toEqual([]);
  });
});
