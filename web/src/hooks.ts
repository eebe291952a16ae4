/** Loading data from the API and turning API errors into form errors. */
import { useCallback, useContext, useEffect, useState } from 'react';
import { ApiError, NetworkError } from './api.js';
import { useI18n, type Dictionary } from './i18n/index.js';
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

/** Human text for any error the API client throws. */
export const problemText = (t: Dictionary, e: unknown): string => {
  if (e instanceof NetworkError) return t.networkError;
  if (e instanceof ApiError) {
    const title = t.problemTitles[e.problem.code];
    const detail = bilingualReason(t, e.problem.details?.reason) ?? e.problem.detail;
    return title ? `${title} ${detail}` : detail;
  }
  return t.problemTitles.INTERNAL ?? String(e);
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
      if (id && !fields[id]) fields[id] = fe.message;
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
