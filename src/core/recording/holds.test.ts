import { describe, expect, it } from 'vitest';
import {
  checkHoldMaxDays,
  heldUntil,
  holdMaxDaysOf,
  holdState,
  maximumEnd,
  planExtension,
  planPlacement,
  planRelease,
  resolveUntil,
  type LegalHold,
} from './holds.js';

/** Wednesday 4 March 2026, 10:00 UTC (11:00 in Amsterdam, winter time). */
const NOW = new Date('2026-03-04T10:00:00Z');
const rules = { now: NOW, maxDays: 30 };

const hold = (o: Partial<LegalHold> = {}): LegalHold => ({
  id: 'h1',
  clipId: 'c1',
  reason: 'aangifte na bedreiging',
  policeReport: 'PL0900-2026-1',
  until: '2026-03-20T23:00:00.000Z',
  placedBy: 'u1',
  placedAt: NOW.toISOString(),
  extendedAt: null,
  extendedBy: null,
  extensionReason: null,
  beyondMaximum: false,
  releasedAt: null,
  releasedBy: null,
  releaseReason: null,
  ...o,
});

describe('resolveUntil', () => {
  it.each([
    [
      'a winter date holds through that day in Amsterdam (ends 23:00Z)',
      '2026-03-20',
      '2026-03-20T23:00:00.000Z',
    ],
    ['a summer date ends at 22:00Z', '2026-07-01', '2026-07-01T22:00:00.000Z'],
    ['the day before the DST change ends at 23:00Z', '2026-03-28', '2026-03-28T23:00:00.000Z'],
    ['the day of the DST change ends at 22:00Z', '2026-03-29', '2026-03-29T22:00:00.000Z'],
    [
      'a date-time with offset is kept as an instant',
      '2026-03-20T12:00:00+01:00',
      '2026-03-20T11:00:00.000Z',
    ],
    ['Z is UTC', '2026-03-20T12:00:00Z', '2026-03-20T12:00:00.000Z'],
    ['no such day', '2026-02-30', undefined],
    ['not a date', 'next week', undefined],
    ['a date-time without offset is ambiguous', '2026-03-20T12:00:00', undefined],
  ])('%s', (_name, input, expected) => {
    expect(resolveUntil(input)).toBe(expected);
  });
});

describe('planPlacement', () => {
  it.each([
    ['within the maximum', { reason: 'aangifte', until: '2026-03-20' }, { ok: true }],
    [
      'through the last day of the maximum (30 days after 4 March is 3 April)',
      { reason: 'aangifte', until: '2026-04-03' },
      { ok: true },
    ],
    [
      'a day beyond the maximum',
      { reason: 'aangifte', until: '2026-04-04' },
      { code: 'HOLD.BEYOND_MAXIMUM' },
    ],
    ['until in the past', { reason: 'aangifte', until: '2026-03-01' }, { code: 'HOLD.UNTIL_INVALID' }],
    ['until now exactly', { reason: 'aangifte', until: NOW.toISOString() }, { code: 'HOLD.UNTIL_INVALID' }],
    ['until malformed', { reason: 'aangifte', until: '20-03-2026' }, { code: 'HOLD.UNTIL_INVALID' }],
    ['no reason', { reason: '  ', until: '2026-03-20' }, { code: 'HOLD.REASON_REQUIRED' }],
    ['a reason of two letters', { reason: 'ab', until: '2026-03-20' }, { code: 'HOLD.REASON_REQUIRED' }],
    [
      'a police report number that is too long',
      { reason: 'aangifte', until: '2026-03-20', policeReport: 'x'.repeat(101) },
      { code: 'HOLD.REASON_REQUIRED' },
    ],
  ])('%s', (_name, input, expected) => {
    const r = planPlacement(input, rules);
    if ('code' in expected) expect(r.ok ? 'ok' : r.error.code).toBe(expected.code);
    else expect(r.ok).toBe(true);
  });

  it('trims the reason and stores an empty police report as null, until in UTC', () => {
    expect(planPlacement({ reason: ' aangifte ', policeReport: ' ', until: '2026-03-20' }, rules)).toEqual({
      ok: true,
      value: { reason: 'aangifte', policeReport: null, until: '2026-03-20T23:00:00.000Z' },
    });
  });
});

describe('hold state', () => {
  it.each([
    ['live before its end', hold(), 'live'],
    ['expired at its end', hold({ until: NOW.toISOString() }), 'expired'],
    ['expired after its end', hold({ until: '2026-03-01T00:00:00Z' }), 'expired'],
    ['released, even before its end', hold({ releasedAt: '2026-03-04T09:00:00Z' }), 'released'],
  ] as const)('%s', (_name, h, state) => {
    expect(holdState(h, NOW)).toBe(state);
  });

  it('a clip is held until the latest live hold ends; released and expired holds do not count', () => {
    expect(heldUntil([], NOW)).toBeNull();
    expect(
      heldUntil(
        [
          hold({ id: 'a', until: '2026-03-10T00:00:00.000Z' }),
          hold({ id: 'b', until: '2026-05-01T00:00:00.000Z', releasedAt: '2026-03-04T09:00:00Z' }),
          hold({ id: 'c', until: '2026-03-15T00:00:00.000Z' }),
          hold({ id: 'd', until: '2026-03-01T00:00:00.000Z' }),
        ],
        NOW,
      ),
    ).toBe('2026-03-15T00:00:00.000Z');
    expect(heldUntil([hold({ until: '2026-03-01T00:00:00.000Z' })], NOW)).toBeNull();
  });
});

describe('planExtension', () => {
  const later = new Date('2026-03-10T10:00:00Z');
  it.each([
    [
      'within the maximum, any reason',
      hold(),
      { until: '2026-04-01', reason: 'onderzoek loopt' },
      { beyond: false },
    ],
    [
      'past the maximum with a new reason: allowed, recorded as beyond',
      hold(),
      { until: '2026-06-01', reason: 'rechtszaak gepland' },
      { beyond: true },
    ],
    [
      'past the maximum with the original reason',
      hold(),
      { until: '2026-06-01', reason: 'Aangifte na bedreiging ' },
      { code: 'HOLD.NEW_REASON_REQUIRED' },
    ],
    [
      'past the maximum with the last extension reason',
      hold({ extensionReason: 'onderzoek loopt' }),
      { until: '2026-06-01', reason: 'onderzoek loopt' },
      { code: 'HOLD.NEW_REASON_REQUIRED' },
    ],
    ['not later than now', hold(), { until: '2026-03-15', reason: 'korter' }, { code: 'HOLD.NOT_LATER' }],
    [
      'until in the past',
      hold(),
      { until: '2026-03-01', reason: 'verleden' },
      { code: 'HOLD.UNTIL_INVALID' },
    ],
    ['no reason', hold(), { until: '2026-04-01', reason: '' }, { code: 'HOLD.REASON_REQUIRED' }],
    [
      'a released hold',
      hold({ releasedAt: '2026-03-05T00:00:00Z' }),
      { until: '2026-04-01', reason: 'opnieuw' },
      { code: 'HOLD.ENDED' },
    ],
    [
      'an expired hold',
      hold({ until: '2026-03-09T00:00:00Z' }),
      { until: '2026-04-01', reason: 'opnieuw' },
      { code: 'HOLD.ENDED' },
    ],
  ])('%s', (_name, h, input, expected) => {
    const r = planExtension(h, input, { now: later, maxDays: 30 });
    if ('code' in expected) expect(r.ok ? 'ok' : r.error.code).toBe(expected.code);
    else expect(r.ok && r.value.beyondMaximum).toBe(expected.beyond);
  });
});

describe('planRelease', () => {
  it.each([
    ['a live hold with a reason', hold(), 'zaak geseponeerd', 'ok'],
    ['without a reason', hold(), ' ', 'HOLD.REASON_REQUIRED'],
    ['released twice', hold({ releasedAt: '2026-03-04T09:00:00Z' }), 'nogmaals', 'HOLD.ENDED'],
    ['after its end', hold({ until: '2026-03-01T00:00:00Z' }), 'te laat', 'HOLD.ENDED'],
  ] as const)('%s', (_name, h, reason, expected) => {
    const r = planRelease(h, { reason }, NOW);
    expect(r.ok ? 'ok' : r.error.code).toBe(expected);
  });
});

describe('the hold maximum', () => {
  it.each([
    [365, true],
    [1, true],
    [3650, true],
    [0, false],
    [3651, false],
    [1.5, false],
    ['365', false],
    [null, false],
  ])('%s valid: %s', (v, valid) => {
    expect(checkHoldMaxDays(v).ok).toBe(valid);
  });
  it('unset or unusable stored values fall back to 365 days', () => {
    expect(holdMaxDaysOf(undefined)).toBe(365);
    expect(holdMaxDaysOf('x')).toBe(365);
    expect(holdMaxDaysOf(90)).toBe(90);
  });
  it('the maximum end runs through the local day, across the DST change', () => {
    expect(maximumEnd('2026-03-04T23:30:00Z', 30)).toBe('2026-04-04T22:00:00.000Z');
  });
});
