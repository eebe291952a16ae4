/**
 * The register's refusals in the user's language. RIGHTS.INVALID names the field and says in
 * English what is wrong; the screen says it in Dutch (or English) next to that field, by the rule
 * the core checked (src/core/rights/request.ts). Anything else: the app's usual text.
 */
import { ApiError } from '../api.js';
import { formErrorsFrom, type FormErrors } from '../hooks.js';
import type { Dictionary } from '../i18n/index.js';

/** Which rule of validateNewRequest / the steps an English message is (its words are stable). */
const RULES: readonly [RegExp, keyof Dictionary['rights']['errors']][] = [
  [/in the future/, 'future'],
  [/end after it starts/, 'windowOrder'],
  [/at most \d+ days/, 'windowTooLong'],
  [/starts after the request came in/, 'windowAfterReceipt'],
  [/document or citizen service number/, 'documentNumber'],
  [/address to send the answer/, 'contactNeeded'],
  [/name the room/, 'roomNeeded'],
  [/not at that site/, 'roomSite'],
  [/does not exist/, 'roomUnknown'],
  [/needs \d+ to \d+ characters/, 'reasons'],
  [/ISO date-time/, 'dateFormat'],
  [/at most \d+ characters/, 'tooLong'],
];

export const rightsFieldText = (t: Dictionary, message: string): string => {
  const rule = RULES.find(([re]) => re.test(message));
  return t.rights.errors[rule?.[1] ?? 'invalid'];
};

/**
 * For useFormState: a RIGHTS.INVALID field error goes next to the field (fieldIds maps the API's
 * field to the element id), in words; other refusals as the app words them.
 */
export const rightsRefusal =
  (fieldIds: Readonly<Record<string, string>>) =>
  (t: Dictionary, e: unknown): FormErrors | undefined => {
    if (!(e instanceof ApiError) || e.problem.code !== 'RIGHTS.INVALID') return undefined;
    const fields: Record<string, string> = {};
    for (const fe of e.problem.errors ?? []) {
      const id = fieldIds[fe.field];
      if (id !== undefined && fields[id] === undefined) fields[id] = rightsFieldText(t, fe.message);
    }
    return Object.keys(fields).length > 0 ? { summary: undefined, fields } : formErrorsFrom(t, e, fieldIds);
  };
