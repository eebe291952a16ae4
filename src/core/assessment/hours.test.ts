import { describe, expect, it } from 'vitest';
import { clock, coveredTimes, localMoment, outsideOf, riskTimes, spanText } from './hours.js';

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

  it.each([
    ['whole hours plus 2 hours each side', [19 * 60 + 30, 20 * 60 + 45], '17:00–23:00'],
    ['clamped to the day', [60, 23 * 60 + 10], '00:00–24:00'],
    ['one incident', [10 * 60], '08:00–13:00'],
  ])('risk times: %s', (_name, minutes, text) => {
    const r = riskTimes(minutes);
    expect(r && spanText([r])).toBe(text);
  });

  it('no incidents, no risk times', () => {
    expect(riskTimes([])).toBeUndefined();
  });

  it('the parts of the covered times outside the risk', () => {
    expect(spanText(outsideOf([{ from: 0, to: 1440 }], { from: 17 * 60, to: 23 * 60 }))).toBe(
      '00:00–17:00, 23:00–24:00',
    );
    expect(outsideOf([{ from: 18 * 60, to: 22 * 60 }], { from: 17 * 60, to: 23 * 60 })).toEqual([]);
    expect(clock(1440)).toBe('24:00');
  });
});
