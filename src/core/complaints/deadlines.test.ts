import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isWorkingDay } from '../rights/deadlines.js';
import {
  complaintDeadlineState,
  complaintDeadlines,
  complaintDueOn,
  complaintExtensionAllowed,
  type DeadlineFacts,
} from './deadlines.js';

const complaint = (receivedOn: string, more: Partial<DeadlineFacts> = {}): DeadlineFacts => ({
  kind: 'complaint',
  receivedOn,
  regulatorDueOn: null,
  extensionNotifiedOn: null,
  answeredOn: null,
  ...more,
});

describe('complaint deadlines (Awb art. 9:11, Algemene termijnenwet art. 1)', () => {
  it('is six weeks after receipt, on the same weekday', () => {
    // Monday 1 March 2027 → Monday 12 April 2027.
    expect(complaintDeadlines('2027-03-01')).toEqual({
      answerBy: '2027-04-12',
      extendedAnswerBy: '2027-05-10',
    });
  });

  it('runs to the next working day when the six weeks end on a holiday', () => {
    // Received Sunday 14 Nov 2027: six weeks end on Sunday 26 Dec (Boxing Day) → Monday 27 Dec.
    expect(complaintDeadlines('2027-11-14').answerBy).toBe('2027-12-27');
    // 16 March 2026 + 6 weeks = Monday 27 April 2026, King's Day → Tuesday 28 April.
    expect(complaintDeadlines('2026-03-16').answerBy).toBe('2026-04-28');
  });

  it('takes the postponement only when announced before the six weeks end', () => {
    expect(complaintExtensionAllowed('2027-03-01', '2027-04-12')).toBe(true);
    expect(complaintExtensionAllowed('2027-03-01', '2027-04-13')).toBe(false);
    expect(complaintExtensionAllowed('2027-03-01', '2027-02-28')).toBe(false);
    expect(complaintDueOn(complaint('2027-03-01', { extensionNotifiedOn: '2027-04-01' }))).toBe('2027-05-10');
    expect(complaintDueOn(complaint('2027-03-01', { extensionNotifiedOn: '2027-04-20' }))).toBe('2027-04-12');
  });

  it("uses the regulator's date for an inquiry", () => {
    const inquiry = complaint('2027-03-01', { kind: 'regulator-inquiry', regulatorDueOn: '2027-03-15' });
    expect(complaintDueOn(inquiry)).toBe('2027-03-15');
    expect(complaintDeadlineState(inquiry, '2027-03-10')).toEqual({
      status: 'due-soon',
      dueOn: '2027-03-15',
      daysLeft: 5,
    });
    expect(complaintDeadlineState(inquiry, '2027-03-16').status).toBe('overdue');
    expect(complaintDeadlineState({ ...inquiry, answeredOn: '2027-03-16' }, '2027-04-01')).toEqual({
      status: 'answered',
      dueOn: '2027-03-15',
      daysLeft: -1,
      onTime: false,
    });
  });

  it('is open, due soon, overdue or answered', () => {
    const c = complaint('2027-03-01');
    expect(complaintDeadlineState(c, '2027-03-02').status).toBe('open');
    expect(complaintDeadlineState(c, '2027-04-05').status).toBe('due-soon');
    expect(complaintDeadlineState(c, '2027-04-12').status).toBe('due-soon');
    expect(complaintDeadlineState(c, '2027-04-13').status).toBe('overdue');
    expect(complaintDeadlineState({ ...c, answeredOn: '2027-04-12' }, '2027-06-01').onTime).toBe(true);
  });
});

const day = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('complaint deadlines, for any day of receipt', () => {
  it('fall on a working day, at least six (ten) weeks and at most a few days after', () => {
    fc.assert(
      fc.property(day, (received) => {
        const d = complaintDeadlines(received);
        for (const [due, weeks] of [
          [d.answerBy, 6],
          [d.extendedAnswerBy, 10],
        ] as const) {
          expect(isWorkingDay(due)).toBe(true);
          const days = daysBetween(received, due);
          // Longest run of non-working days after a Friday: Christmas on a Saturday… at most 4 days.
          expect(days).toBeGreaterThanOrEqual(weeks * 7);
          expect(days).toBeLessThanOrEqual(weeks * 7 + 4);
          // Every day before it, from the sixth (tenth) week's end, is not a working day.
          for (let x = addDays(received, weeks * 7); x < due; x = addDays(x, 1))
            expect(isWorkingDay(x)).toBe(false);
        }
        expect(d.extendedAnswerBy > d.answerBy).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('state: an unanswered complaint is overdue exactly after its due day', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 120 }), (received, n) => {
        const c = complaint(received);
        const today = addDays(received, n);
        const s = complaintDeadlineState(c, today);
        expect(s.status === 'overdue').toBe(today > s.dueOn);
        expect(s.daysLeft).toBe(daysBetween(today, s.dueOn));
      }),
      { numRuns: 300 },
    );
  });
});
