/**
 * The register's refusals in the user's language. COMPLAINT.INVALID names the field and says in
 * English what is wrong; the screen says it in Dutch (or English) next to that field, by the rule
 * the core checked (src/core/complaints/complaint.ts). Anything else: the app's usual text.
 */
import { ApiError } from '../api.js';
import { formErrorsFrom, type FormErrors } from '../hooks.js';
import type { Dictionary } from '../i18n/index.js';

/** Which rule of validateNewComplaint / the steps an English message is (its words are stable). */
const RULES: readonly [RegExp, keyof Dictionary['complaints']['errors']][] = [
  [/lies in the future/, 'future'],
  [/ISO date-time/, 'dateFormat'],
  [/an inquiry comes from the regulator/, 'sourceKind'],
  [/say in a few words/, 'subject'],
  [/citizen service number/, 'bsn'],
  [/name the organisation/, 'organisation'],
  [/deadline lies before/, 'dueBefore'],
  [/must be later than the current/, 'dueLater'],
  [/not one entered by hand/, 'dueComplaint'],
  [/enter the (new )?deadline the regulator/, 'due'],
  [/name the site/, 'siteNeeded'],
  [/site .* does not exist/, 'siteUnknown'],
  [/needs 10 to \d+ characters/, 'reasons'],
  [/needs 3 to \d+ characters/, 'entryText'],
  [/at most \d+ characters/, 'tooLong'],
];

export const complaintFieldText = (t: Dictionary, message: string): string => {
  const rule = RULES.find(([re]) => re.test(message));
  return t.complaints.errors[rule?.[1] ?? 'invalid'];
};

/**
 * For useFormState: a COMPLAINT.INVALID field error goes next to the field (fieldIds maps the
 * API's field to the element id), in words; other refusals as the app words them.
 */
export const complaintRefusal =
  (fieldIds: Readonly<Record<string, string>>) =>
  (t: Dictionary, e: unknown): FormErrors | undefined => {
    if (!(e instanceof ApiError) || e.problem.code !== 'COMPLAINT.INVALID') return undefined;
    const fields: Record<string, string> = {};
    for (const fe of e.problem.errors ?? []) {
      const id = fieldIds[fe.field];
      if (id !== undefined && fields[id] === undefined) fields[id] = complaintFieldText(t, fe.message);
    }
    return Object.keys(fields).length > 0 ? { summary: undefined, fields } : formErrorsFrom(t, e, fieldIds);
  };
