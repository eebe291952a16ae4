/** Validation of an incident report and of a conversation's risk flag (meaning, beyond the JSON shape). */
import { fieldRule } from '../field-rules.js';
import { err, ok, type Result } from '../result.js';
import { INCIDENT_KINDS, isIncidentKind, SEVERITY_MAX, SEVERITY_MIN, type IncidentReport } from './model.js';

// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const REFERENCE = /^[\p{L}\p{N}][\p{L}\p{N} ./_-]{0,63}$/u;

export interface IncidentReportInput {
  readonly kind: string;
  readonly severity: number;
  readonly injury: boolean;
  readonly policeReport: boolean;
  readonly policeReference?: string | null;
  readonly followUp?: string | null;
  readonly narrative?: string | null;
}

const invalid = (field: string, message: string, rule?: ReturnType<typeof fieldRule>) =>
  err('INCIDENT.INVALID', `${field} ${message}`, rule ?? { field });

const optionalText = (field: string, v: string | null | undefined, max: number): Result<string | null> => {
  if (v === undefined || v === null) return ok(null);
  const t = v.trim();
  if (t.length === 0) return ok(null);
  if (t.length > max) return invalid(field, `is longer than ${max} characters`);
  if (CONTROL.test(t)) return invalid(field, 'contains control characters');
  return ok(t);
};

export const validateReport = (input: IncidentReportInput): Result<IncidentReport> => {
  if (!isIncidentKind(input.kind)) return invalid('kind', `must be one of ${INCIDENT_KINDS.join(', ')}`);
  if (!Number.isInteger(input.severity) || input.severity < SEVERITY_MIN || input.severity > SEVERITY_MAX) {
    return invalid(
      'severity',
      `must be a whole number from ${SEVERITY_MIN} to ${SEVERITY_MAX}`,
      fieldRule('severity', 'whole-number-range', { min: SEVERITY_MIN, max: SEVERITY_MAX }),
    );
  }
  const ref = input.policeReference?.trim() || null;
  if (ref !== null && !input.policeReport)
    return invalid('policeReference', 'is only allowed when a police report (aangifte) was made');
  if (ref !== null && !REFERENCE.test(ref))
    return invalid('policeReference', 'may contain only letters, digits, spaces and . / _ - (at most 64)');
  const followUp = optionalText('followUp', input.followUp, 2000);
  if (!followUp.ok) return followUp;
  const narrative = optionalText('narrative', input.narrative, 10_000);
  if (!narrative.ok) return narrative;
  return ok({
    kind: input.kind,
    severity: input.severity,
    injury: input.injury,
    policeReport: input.policeReport,
    policeReference: ref,
    followUp: followUp.value,
    narrative: narrative.value,
  });
};

/** A risk flag needs a reason (so responders know why); a reason without the flag is refused. */
export const validateRisk = (riskFlag: boolean, reason: string | undefined | null): Result<string | null> => {
  const r = reason?.trim() || null;
  if (riskFlag && r === null)
    return err('REQUEST.INVALID', 'riskReason is required when riskFlag is set', { field: 'riskReason' });
  if (!riskFlag && r !== null)
    return err('REQUEST.INVALID', 'riskReason is only allowed with riskFlag', { field: 'riskReason' });
  if (r !== null && (r.length > 500 || CONTROL.test(r))) {
    return err('REQUEST.INVALID', 'riskReason must be at most 500 printable characters', {
      field: 'riskReason',
    });
  }
  return ok(r);
};
