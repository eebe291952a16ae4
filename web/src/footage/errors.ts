/**
 * The viewing API's refusals in the user's language: a known error code (FOOTAGE.*, CUSTODY.*)
 * gives the translated text alone (the server's detail is English); anything else the app's
 * usual text (problemText, formErrorsFrom).
 */
import { ApiError } from '../api.js';
import { problemText, withDetails, type FormErrors } from '../hooks.js';
import type { Dictionary } from '../i18n/index.js';

const translated = (t: Dictionary, e: unknown): { code: string; text: string } | undefined => {
  if (!(e instanceof ApiError)) return undefined;
  const text = t.footage.errors[e.problem.code];
  return text === undefined
    ? undefined
    : { code: e.problem.code, text: withDetails(text, e.problem.details) };
};

/** Human text for a refusal of the viewing API. */
export const footageProblemText = (t: Dictionary, e: unknown): string =>
  translated(t, e)?.text ?? problemText(t, e);

/** The error code of a refusal, if it is one. */
export const errorCode = (e: unknown): string | undefined =>
  e instanceof ApiError ? e.problem.code : undefined;

/**
 * For useFormState: a translated code goes next to the field `fieldFor` names for it (the wrong
 * passphrase next to the passphrase), else into the summary; an unknown code is left to the default.
 */
export const footageRefusal =
  (fieldFor: Readonly<Record<string, string>> = {}) =>
  (t: Dictionary, e: unknown): FormErrors | undefined => {
    const known = translated(t, e);
    if (!known) return undefined;
    const field = fieldFor[known.code];
    return field
      ? { summary: undefined, fields: { [field]: known.text } }
      : { summary: known.text, fields: {} };
  };
