import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCalendarMonths,
  dayInAmsterdam,
  daysBetween,
  deadlineState,
  dutchPublicHolidays,
  easterSunday,
  extensionAllowed,
  isCalendarDay,
  isWorkingDay,
  requestDeadlines,
  workingDayOnOrAfter,
} from './deadlines.js';

/** Any real calendar day from 2000 to 2099. */
const calendarDay = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('calendar months (Reg. 1182/71 art. 3(2)(c))', () => {
  it.each([
    ['2026-01-15', 1, '2026-02-15'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2026-12-31', 1, '2027-01-31'],
  ])('%s + %i month(s) = %s', (from, n, expected) => {
    expect(addCalendarMonths(from, n)).toBe(expected);
  });

  it('lands in the right month, never after the same day number, and on it when that day exists', () => {
    fc.assert(
      fc.property(calendarDay, fc.integer({ min: 1, max: 3 }), (day, n) => {
        const result = addCalendarMonths(day, n);
        const monthsApart =
          (Number(result.slice(0, 4)) - Number(day.slice(0, 4))) * 12 +
          Number(result.slice(5, 7)) -
          Number(day.slice(5, 7));
        expect(monthsApart).toBe(n);
        expect(Number(result.slice(8))).toBeLessThanOrEqual(Number(day.slice(8)));
        if (isCalendarDay(`${result.slice(0, 8)}${day.slice(8)}`)) expect(result.slice(8)).toBe(day.slice(8));
      }),
    );
  });
});

describe('Dutch public holidays (Algemene termijnenwet art. 3)', () => {
  it('knows Easter', () => {
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
    expect(easterSunday(2038)).toBe('2038-04-25');
  });

  it('lists the 2027 holidays, King’s Day moved to the 26th when the 27th is a Sunday (2025)', () => {
    expect(dutchPublicHolidays(2027)).toEqual([
      '2027-01-01',
      '2027-03-26',
      '2027-03-29',
      '2027-04-27',
      '2027-05-05',
      '2027-05-06',
      '2027-05-17',
      '2027-12-25',
      '2027-12-26',
    ]);
    expect(dutchPublicHolidays(2025)).toContain('2025-04-26');
    expect(dutchPublicHolidays(2025)).not.toContain('2025-04-27');
  });

  it('moves a deadline off weekends and holidays to the next working day, never further', () => {
    expect(workingDayOnOrAfter('2026-12-25')).toBe('2026-12-28'); // Fri Christmas, Sat Boxing Day, Sun
    fc.assert(
      fc.property(calendarDay, (day) => {
        const shifted = workingDayOnOrAfter(day);
        expect(isWorkingDay(shifted)).toBe(true);
        expect(shifted >= day).toBe(true);
        for (let d = day; d < shifted; d = addCalendarDay(d)) expect(isWorkingDay(d)).toBe(false);
      }),
    );
  });
});

const addCalendarDay = (day: string): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

describe('request deadlines (GDPR Art. 12(3))', () => {
  it('one month, then two more; on a weekend the next working day', () => {
    // Received Thursday 15 October 2026: 15 November is a Sunday → Monday 16 November.
    expect(requestDeadlines('2026-10-15')).toEqual({
      receivedOn: '2026-10-15',
      answerBy: '2026-11-16',
      extendedAnswerBy: '2027-01-15',
    });
    // Received 31 January 2027: 28 February is a Sunday → Monday 1 March.
    expect(requestDeadlines('2027-01-31').answerBy).toBe('2027-03-01');
  });

  it('the extended deadline is two to three months after the first, and both are working days', () => {
    fc.assert(
      fc.property(calendarDay, (day) => {
        const d = requestDeadlines(day);
        expect(isWorkingDay(d.answerBy) && isWorkingDay(d.extendedAnswerBy)).toBe(true);
        expect(daysBetween(day, d.answerBy)).toBeGreaterThanOrEqual(28);
        expect(daysBetween(day, d.answerBy)).toBeLessThanOrEqual(31 + 5);
        expect(daysBetween(d.answerBy, d.extendedAnswerBy)).toBeGreaterThanOrEqual(59 - 5);
        expect(daysBetween(d.answerBy, d.extendedAnswerBy)).toBeLessThanOrEqual(62 + 5);
      }),
    );
  });

  it('reads the day of receipt in Amsterdam, not UTC', () => {
    expect(dayInAmsterdam(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(dayInAmsterdam(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
    expect(dayInAmsterdam(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
  });
});

describe('where a request stands', () => {
  const received = '2026-10-15'; // answer by 2026-11-16, extended 2027-01-15

  it('open, due soon, overdue', () => {
    expect(deadlineState({ receivedOn: received }, '2026-10-20')).toMatchObject({
      status: 'open',
      daysLeft: 27,
    });
    expect(deadlineState({ receivedOn: received }, '2026-11-09')).toMatchObject({
      status: 'due-soon',
      daysLeft: 7,
    });
    expect(deadlineState({ receivedOn: received }, '2026-11-16')).toMatchObject({
      status: 'due-soon',
      daysLeft: 0,
    });
    expect(deadlineState({ receivedOn: received }, '2026-11-17')).toMatchObject({
      status: 'overdue',
      daysLeft: -1,
    });
  });

  it('an extension counts only when announced within the first month', () => {
    expect(extensionAllowed(received, '2026-11-16')).toBe(true);
    expect(extensionAllowed(received, '2026-11-17')).toBe(false);
    expect(extensionAllowed(received, '2026-10-14')).toBe(false);
    expect(
      deadlineState({ receivedOn: received, extensionNotifiedOn: '2026-11-10' }, '2026-12-01'),
    ).toMatchObject({
      status: 'open',
      dueOn: '2027-01-15',
    });
    expect(
      deadlineState({ receivedOn: received, extensionNotifiedOn: '2026-11-20' }, '2026-12-01'),
    ).toMatchObject({
      status: 'overdue',
      dueOn: '2026-11-16',
    });
  });

  it('an answered request says whether it was on time', () => {
    expect(deadlineState({ receivedOn: received, answeredOn: '2026-11-16' }, '2027-06-01')).toMatchObject({
      status: 'answered',
      onTime: true,
    });
    expect(deadlineState({ receivedOn: received, answeredOn: '2026-11-17' }, '2027-06-01')).toMatchObject({
      status: 'answered',
      onTime: false,
    });
  });

  it('is overdue exactly when today is after the due day', () => {
    fc.assert(
      fc.property(calendarDay, fc.integer({ min: 0, max: 150 }), (day, after) => {
        const today = new Date(Date.parse(`${day}T00:00:00Z`) + after * 86_400_000)
          .toISOString()
          .slice(0, 10);
        const s = deadlineState({ receivedOn: day }, today);
        expect(s.status === 'overdue').toBe(today > requestDeadlines(day).answerBy);
      }),
    );
  });
});
