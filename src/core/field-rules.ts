/**
 * What is wrong with one field, machine-readably: the `rule` (and `params`) of an item in a
 * problem's `errors[]`, next to its English `message`. A user interface words each rule in its
 * own language with the field's label; an API client may read either.
 */
export const FIELD_RULES = [
  /** Missing or empty. */
  'required',
  /** Shorter than `min` characters. */
  'min-length',
  /** Longer than `max` characters. */
  'max-length',
  /** Not a whole number from `min` to `max`. */
  'whole-number-range',
  /** Below `min`. */
  'minimum',
  /** Above `max`. */
  'maximum',
  /** Not one of `values` (comma-separated). */
  'one-of',
  /** Not in the expected form (a date, an address, a pattern). */
  'format',
  /** A name with other characters than letters, digits, spaces and the `characters` listed. */
  'name-characters',
  /** A moment that lies in the future where a past one is meant. */
  'not-in-future',
  /** A moment that must lie in the future. */
  'in-future',
  /** A password that contains the username. */
  'contains-username',
  /** A password of too few different characters. */
  'too-repetitive',
  /** A field the request does not know. */
  'unknown-field',
] as const;

export type FieldRule = (typeof FIELD_RULES)[number];

export const isFieldRule = (s: string): s is FieldRule => (FIELD_RULES as readonly string[]).includes(s);

/** The details of a domain error for one field with its rule: err(code, message, fieldRule(…)). */
export const fieldRule = (
  field: string,
  rule: FieldRule,
  params?: Readonly<Record<string, string | number>>,
): { field: string; rule: FieldRule; params?: Readonly<Record<string, string | number>> } =>
  params === undefined ? { field, rule } : { field, rule, params };
