import { describe, expect, it } from 'vitest';
import { clock, coveredTimes, hoursText, localMoment, quietParts, spanText } from './hours.js';

describe('hours of risk (NEC-3; times in Europe/Amsterdam)', () => {
  it.each([
    ['summer time, offset given', '2023-06-01T19:30:00+02:00', { date: '2023-06-01', minute: 19 * 60 + 30 }],
    ['summer time, UTC', '2023-06-01T17:30:00Z', { date: '2023-06-01', minute: 19 * 60 + 30 }],
    ['winter time, UTC', '2023-01-10T18:30:00Z', { date: '2023-01-10', minute: 19 * 60 + 30 }],
    ['late UTC evening is the next local day', '2023-06-01T22:30:00Z', { date: '2023-06-02', minute: 30 }],
    ['the night the clocks go back', '2023-10-29T01:30:00Z', { date: '2023-10-29', minute: 2 * 60 + 30 }],
  ])('local moment: %s', (_name, iso, expected) => {
    expect(localMoment(iso)).toEqual(expected);
  });

  it('a malformed instant has no local moment', () => {
    expect(localMoment('gisteren')).toBeUndefined();
  });

  it.each([
    ['no hours: all day', undefined, '00:00–24:00'],
    ['empty hours: all day', [], '00:00–24:00'],
    [
      'overlapping windows merge',
      [
        { days: [1], from: '09:00', to: '12:00' },
        { days: [2], from: '11:00', to: '17:00' },
      ],
      '09:00–17:00',
    ],
    [
      'separate windows stay apart',
      [
        { days: [1], from: '18:00', to: '21:00' },
        { days: [1], from: '09:00', to: '12:00' },
      ],
      '09:00–12:00, 18:00–21:00',
    ],
  ])('covered times: %s', (_name, hours, text) => {
    expect(spanText(coveredTimes(hours))).toBe(text);
  });

  const quiet = (covered: { from: number; to: number }[], minutes: number[]) =>
    quietParts(covered, minutes).map((q) => `${q.part.name.en} ${spanText(q.covered)}`);
  const h = (hour: number, minute = 0) => hour * 60 + minute;

  it.each([
    [
      'all day, incidents in the evening',
      [{ from: 0, to: h(24) }],
      [h(19, 30), h(20, 45)],
      ['night 00:00–06:00', 'morning 06:00–12:00', 'afternoon 12:00–18:00'],
    ],
    [
      'office hours, incidents in the evening',
      [{ from: h(9), to: h(17) }],
      [h(19, 30)],
      ['morning 09:00–12:00', 'afternoon 12:00–17:00'],
    ],
    ['an hour into a quiet afternoon is tolerated', [{ from: h(17), to: h(23) }], [h(19, 30)], []],
    [
      'more than an hour into a quiet afternoon is not',
      [{ from: h(16), to: h(23) }],
      [h(19, 30)],
      ['afternoon 16:00–18:00'],
    ],
    [
      'office hours, incidents in the morning and afternoon',
      [{ from: h(8, 30), to: h(17) }],
      [h(10, 59), h(12, 59)],
      [],
    ],
    [
      'office hours, incidents in the morning only',
      [{ from: h(8, 30), to: h(17) }],
      [h(9), h(10, 30)],
      ['afternoon 12:00–17:00'],
    ],
    [
      'no incidents: every part covered for more than an hour is quiet',
      [{ from: h(10), to: h(13) }],
      [],
      ['morning 10:00–12:00'],
    ],
  ])('quiet parts of the day: %s', (_name, covered, minutes, expected) => {
    expect(quiet(covered, minutes)).toEqual(expected);
  });

  it('writes the end of the day as 24:00', () => {
    expect(clock(1440)).toBe('24:00');
  });
});

describe('hoursText: hour windows as people read them', () => {
  it.each([
    ['no windows: every hour', [], { nl: 'alle uren', en: 'all hours' }],
    [
      'office hours',
      [{ days: [1, 2, 3, 4, 5], from: '08:30', to: '17:00' }],
      { nl: 'ma,di,wo,do,vr 08:30–17:00', en: 'Mon,Tue,Wed,Thu,Fri 08:30–17:00' },
    ],
    [
      'two windows',
      [
        { days: [1], from: '09:00', to: '12:00' },
        { days: [6, 7], from: '10:00', to: '12:00' },
      ],
      { nl: 'ma 09:00–12:00; za,zo 10:00–12:00', en: 'Mon 09:00–12:00; Sat,Sun 10:00–12:00' },
    ],
  ])('%s', (_name, hours, text) => {
    expect(hoursText(hours)).toEqual(text);
  });
});
