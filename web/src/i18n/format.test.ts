import { describe, expect, it } from 'vitest';
import { formatAgo, formatDate, formatDateTime, formatTime } from './index.js';
import { agentsEn } from './agents-en.js';
import { agentsNl } from './agents-nl.js';

// The test process may run in any zone (CI runs in UTC): the answers must not depend on it.
describe('moments in Europe/Amsterdam, whatever the browser’s zone', () => {
  it.each([
    // Winter: UTC+1; summer: UTC+2.
    ['2026-03-02T09:00:00.000Z', '10:00:00'],
    ['2026-07-02T09:00:00.000Z', '11:00:00'],
    ['2026-12-31T23:30:00.000Z', '00:30:00'],
  ])('%s is %s on the clock in the town hall', (iso, time) => {
    expect(formatTime('nl', iso)).toBe(time);
  });

  it.each([
    // A bare date is that calendar day, never the day before.
    ['nl', '2027-06-01', '1 juni 2027'],
    ['en', '2027-06-01', '1 June 2027'],
    // Just before midnight UTC on 31 May is already 1 June in Amsterdam.
    ['nl', '2027-05-31T22:30:00.000Z', '1 juni 2027'],
  ] as const)('%s %s is the day %s', (lang, iso, day) => {
    expect(formatDate(lang, iso)).toBe(day);
  });

  it('a date and time carries the Amsterdam day and hour', () => {
    expect(formatDateTime('nl', '2027-05-31T22:30:00.000Z')).toContain('1 jun 2027');
    expect(formatDateTime('nl', '2027-05-31T22:30:00.000Z')).toContain('00:30:00');
  });

  it('text that is no moment is shown as it is', () => {
    expect(formatDate('nl', 'geen datum')).toBe('geen datum');
    expect(formatTime('nl', 'n/a')).toBe('n/a');
  });
});

describe('how long ago, and a lag in words', () => {
  const now = Date.parse('2026-03-02T09:00:00.000Z');
  const before = (seconds: number) => new Date(now - seconds * 1000).toISOString();
  it.each([
    ['nl', 0, 'nu'],
    ['nl', 45, '45 seconden geleden'],
    ['nl', 12 * 60 + 30, '12 minuten geleden'],
    ['nl', 3 * 3600, '3 uur geleden'],
    ['nl', 86_400, 'gisteren'],
    ['en', 60, '1 minute ago'],
    ['en', 3 * 86_400, '3 days ago'],
    // A server clock a little ahead of the browser's is now, not "in 2 seconds".
    ['nl', -2, 'nu'],
  ] as const)('%s, %s s ago: %s', (lang, seconds, text) => {
    expect(formatAgo(lang, before(seconds), now)).toBe(text);
  });

  it.each([
    [1, '1 seconde', '1 second'],
    [59, '59 seconden', '59 seconds'],
    [60, '1 minuut (60\u00a0s)', '1 minute (60\u00a0s)'],
    [7500, '2 uur en 5 minuten (7.500\u00a0s)', '2 hours 5 minutes (7,500\u00a0s)'],
    [7200, '2 uur (7.200\u00a0s)', '2 hours (7,200\u00a0s)'],
    [3 * 86_400, '3 dagen (259.200\u00a0s)', '3 days (259,200\u00a0s)'],
  ])('a lag of %s s: %s / %s', (seconds, nl, en) => {
    expect(agentsNl.lagValue(seconds)).toBe(nl);
    expect(agentsEn.lagValue(seconds)).toBe(en);
  });
});
