/**
 * Amending an incident report. Every amendment is a new version; nothing is overwritten. What
 * security recorded is a floor for everyone else (the employee who raised the alarm may add to
 * the report, never take away from it):
 *
 * - kind stays as security set it;
 * - severity may go up, not down;
 * - injury and police report (aangifte), once true, stay true;
 * - the police reference stays exactly as security wrote it (an identifier: no shortening);
 * - follow-up and narrative may only be added to: the new text starts with security's text.
 *
 * Security (and anyone holding that role) may amend freely: their version becomes the new floor.
 */
import { err, ok, type Result } from '../result.js';
import type { IncidentReport } from './model.js';

/** One version of a report: the fields, who wrote it and when, and whether they wrote it as security. */
export interface ReportVersion extends IncidentReport {
  readonly version: number;
  readonly reportedBy: string;
  readonly reportedAt: string;
  readonly bySecurity: boolean;
}

/** The floor others must respect: the newest version security wrote (undefined: none yet). */
export const securityFloor = (versions: readonly ReportVersion[]): ReportVersion | undefined =>
  [...versions].sort((a, b) => b.version - a.version).find((v) => v.bySecurity);

const lowered = (field: keyof IncidentReport, message: string) =>
  err('INCIDENT.REPORT_LOWERED', `${field} ${message}; only security can change what security recorded`, {
    field,
  });

const keepsText = (before: string | null, after: string | null): boolean =>
  before === null || (after !== null && after.startsWith(before));

/** May someone who is not security replace the report with `next`, given what security recorded? */
export const checkAmendment = (
  floor: IncidentReport | undefined,
  next: IncidentReport,
): Result<IncidentReport> => {
  if (floor === undefined) return ok(next);
  if (next.kind !== floor.kind) return lowered('kind', `was recorded as ${floor.kind}`);
  if (next.severity < floor.severity)
    return lowered('severity', `cannot go below ${floor.severity}, as security recorded it`);
  if (floor.injury && !next.injury) return lowered('injury', 'was recorded as true');
  if (floor.policeReport && !next.policeReport) return lowered('policeReport', 'was recorded as true');
  if (floor.policeReference !== null && next.policeReference !== floor.policeReference)
    return lowered('policeReference', 'cannot be changed or removed');
  if (!keepsText(floor.followUp, next.followUp))
    return lowered('followUp', 'may only be added to, not shortened or removed');
  if (!keepsText(floor.narrative, next.narrative))
    return lowered('narrative', 'may only be added to, not shortened or removed');
  return ok(next);
};
