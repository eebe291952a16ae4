/** Loading data from the API and turning API errors into form errors. */
import { useCallback, useContext, useEffect, useState } from 'react';
import { ApiError, NetworkError, type FieldProblem } from './api.js';
import { useI18n, type Dictionary } from './i18n/index.js';
import type { FieldRuleText } from './i18n/problems-nl.js';
import { SessionContext } from './session.js';

export interface Loadable<T> {
  readonly data: T | undefined;
  readonly error: unknown;
  readonly loading: boolean;
  readonly reload: () => void;
}

export const useLoad = <T>(load: () => Promise<T>, deps: readonly unknown[]): Loadable<T> => {
  const session = useContext(SessionContext);
  const [state, setState] = useState<{ data: T | undefined; error: unknown; loading: boolean }>({
    data: undefined,
    error: undefined,
    loading: true,
  });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => {
        if (live) setState({ data, error: undefined, loading: false });
      },
      (error: unknown) => {
        if (!live) return;
        if (error instanceof ApiError && error.status === 401) session?.expired();
        setState({ data: undefined, error, loading: false });
      },
    );
    return () => {
      live = false;
    };
    // The caller names the dependencies, as with useEffect.
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { ...state, reload };
};

export interface FormErrors {
  /** A message for the whole form (shown in the error summary). */
  readonly summary: string | undefined;
  /** Messages per form field id. */
  readonly fields: Readonly<Record<string, string>>;
}

export const NO_ERRORS: FormErrors = { summary: undefined, fields: {} };

export const hasErrors = (e: FormErrors): boolean =>
  e.summary !== undefined || Object.keys(e.fields).length > 0;

/**
 * Some refusals carry their reason in both languages (`details.reason: {nl, en}`, e.g. four-eyes
 * on an assessment): show the one the user reads. The dictionary names the *other* language.
 */
const bilingualReason = (t: Dictionary, reason: unknown): string | undefined => {
  if (typeof reason !== 'object' || reason === null) return undefined;
  const r = reason as Record<string, unknown>;
  const text = r[t.switchLanguageLang === 'en' ? 'nl' : 'en'];
  return typeof text === 'string' ? text : undefined;
};

/** A code's text with `{name}` filled from the problem's details (e.g. the server to use); unknown names stay. */
export const withDetails = (text: string, details: Readonly<Record<string, unknown>> | undefined): string =>
  text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = details?.[name];
    return typeof v === 'string' ? v : whole;
  });

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** The field an API error names, as the subject of a sentence ("het wachtwoord"). */
export const fieldSubject = (t: Dictionary, field: string): string => {
  const last = (field.split('.').pop() ?? field).replace(/\[\d+\]$/, '');
  return t.problems.fields[field] ?? t.problems.fields[last] ?? t.problems.thisField;
};

/**
 * One field error in the user's language, from its machine-readable rule and params ("Het
 * wachtwoord moet minstens 12 tekens hebben."); without a known rule, a plain sentence in Dutch
 * (the server's message is English) or the server's message in English.
 */
export const fieldProblemText = (
  t: Dictionary,
  fe: FieldProblem,
  codeMessage?: string,
  /** The field's label on this screen, when the screen knows it better than the path does. */
  label?: string,
): string => {
  const subject = capital(label ?? fieldSubject(t, fe.field));
  const rules: Readonly<Record<string, FieldRuleText>> = t.problems.fieldRules;
  const rule = fe.rule !== undefined && Object.hasOwn(rules, fe.rule) ? rules[fe.rule] : undefined;
  if (rule) return rule(subject, fe.params ?? {});
  return t.problems.showServerDetail ? fe.message : (codeMessage ?? t.problems.fieldInvalid(subject));
};

/**
 * Human text for any error the API client throws, in the user's language: the message for its
 * error code (never the server's English as the main text of a Dutch screen), a reason the
 * server gives in both languages, and what is wrong with each field. An unknown code gets a
 * general sentence and the code for the administrator.
 */
export const problemText = (t: Dictionary, e: unknown): string => {
  const p = t.problems;
  if (e instanceof NetworkError) return t.networkError;
  if (e instanceof ApiError) {
    const message = Object.hasOwn(p.messages, e.problem.code)
      ? withDetails(p.messages[e.problem.code]!, e.problem.details)
      : undefined;
    const reason = bilingualReason(t, e.problem.details?.reason);
    const fields = (e.problem.errors ?? []).map((fe) => fieldProblemText(t, fe));
    const detail =
      reason ?? (fields.length > 0 ? fields.join(' ') : p.showServerDetail ? e.problem.detail : undefined);
    if (message === undefined)
      return p.showServerDetail
        ? [e.problem.title, detail].filter((x) => x).join('. ') || e.problem.detail
        : `${p.generic} (${p.codeNote(e.problem.code)})`;
    return detail && detail !== message ? `${message} ${detail}` : message;
  }
  return p.messages.INTERNAL ?? String(e);
};

/**
 * Maps an API error onto a form: field errors go next to the field whose API name matches
 * (fieldIds maps API field → element id); the rest goes into the summary.
 */
export const formErrorsFrom = (
  t: Dictionary,
  e: unknown,
  fieldIds: Readonly<Record<string, string>>,
): FormErrors => {
  if (e instanceof ApiError) {
    const fields: Record<string, string> = {};
    for (const fe of e.problem.errors ?? []) {
      const top = fe.field.split('.')[0] ?? fe.field;
      const id = fieldIds[fe.field] ?? fieldIds[top];
      const codeMessage = Object.hasOwn(t.problems.messages, e.problem.code)
        ? t.problems.messages[e.problem.code]
        : undefined;
      if (id && !fields[id]) fields[id] = fieldProblemText(t, fe, codeMessage);
    }
    if (Object.keys(fields).length > 0) return { summary: undefined, fields };
  }
  return { summary: problemText(t, e), fields: {} };
};

/**
 * Client-side check: every listed field must be filled in. `messages` says what to do per field
 * where "Vul dit veld in." does not fit, such as a choice ("Kies een spreekkamer.").
 */
export const requireFields = (
  t: Dictionary,
  values: Readonly<Record<string, string>>,
  messages: Readonly<Record<string, string>> = {},
): FormErrors => {
  const fields: Record<string, string> = {};
  for (const [id, v] of Object.entries(values)) if (v.trim() === '') fields[id] = messages[id] ?? t.required;
  return { summary: undefined, fields };
};

export interface FormState {
  readonly errors: FormErrors;
  readonly busy: boolean;
  /** Visible labels of the fields, by element id, for the error summary's links. */
  readonly labels: Readonly<Record<string, string>>;
  /** Shows clientErrors if any; otherwise runs the action and maps an API error onto the form. Resolves true on success. */
  submit(clientErrors: FormErrors, action: () => Promise<void>): Promise<boolean>;
  readonly reset: () => void;
}

/**
 * A form's errors and busy state. `fieldIds` maps the API's field names to element ids (where the
 * server's field errors go); `labels` names the fields by element id (what the summary links say).
 * `refusal` may read a refusal itself (e.g. translate its error code), else formErrorsFrom does.
 */
export const useFormState = (
  fieldIds: Readonly<Record<string, string>>,
  labels: Readonly<Record<string, string>> = {},
  refusal?: (t: Dictionary, e: unknown) => FormErrors | undefined,
): FormState => {
  const { t } = useI18n();
  const session = useContext(SessionContext);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const submit = async (clientErrors: FormErrors, action: () => Promise<void>): Promise<boolean> => {
    if (hasErrors(clientErrors)) {
      setErrors(clientErrors);
      return false;
    }
    setBusy(true);
    try {
      await action();
      setErrors(NO_ERRORS);
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) session?.expired();
      setErrors(refusal?.(t, e) ?? formErrorsFrom(t, e, fieldIds));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { errors, busy, labels, submit, reset: () => setErrors(NO_ERRORS) };
};
