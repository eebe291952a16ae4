import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatTime } from './index.js';

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
