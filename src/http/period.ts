/** A period from a query string (the incident register, the audit log). */
import { ASSESSMENT_TIME_ZONE } from '../core/assessment/hours.js';
import { resolveInstant } from '../core/policy/local-date.js';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/**
 * A period: a bare date is a whole day in the municipality's time zone (`to`
 * included, so "from 1 to 1 March" is that day); an instant is taken as it is.
 */
export const periodOf = (
  from: string | undefined,
  to: string | undefined,
): { from?: string; to?: string } | { field: 'from' | 'to'; message: string } => {
  const start = resolveInstant(from, ASSESSMENT_TIME_ZONE);
  if (from !== undefined && start === undefined) return { field: 'from', message: 'is not a valid date' };
  const end =
    to !== undefined && DATE_ONLY.test(to)
      ? resolveInstant(
          new Date(Date.parse(`${to}T12:00:00Z`) + DAY_MS).toISOString().slice(0, 10),
          ASSESSMENT_TIME_ZONE,
        )
      : resolveInstant(to, ASSESSMENT_TIME_ZONE);
  if (to !== undefined && end === undefined) return { field: 'to', message: 'is not a valid date' };
  if (start !== undefined && end !== undefined && end <= start)
    return { field: 'to', message: 'lies before from' };
  return {
    ...(start !== undefined ? { from: new Date(start).toISOString() } : {}),
    ...(end !== undefined ? { to: new Date(end).toISOString() } : {}),
  };
};
