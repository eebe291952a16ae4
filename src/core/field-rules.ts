/**
 * What is wrong with one field, machine-readably: the `rule` (and `params`) of an item in a
 * problem's `errors[]`, next to its English `message`. A user interface words each rule in its
 * own language with the field's label; an API client may read either.
 */
import type { ErrorCode } from './errors.js';
import { err, type Result } from './result.js';

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
  /** Not from `min` to `max` characters. */
  'length-range',
  /** The end of a period that is not after its start. */
  'ends-before-start',
  /** A period longer than `max` days. */
  'span-too-long',
  /** A moment after the one something came in, where it must lie before. */
  'after-receipt',
  /** A day before the one something came in, where it must lie on or after. */
  'before-receipt',
  /** A text that looks like it holds a citizen service number or an identity document's number. */
  'identity-number',
  /** A room, site or record that does not exist or lies outside the account's sites. */
  'unknown-reference',
  /** A room that is not at the site named with it. */
  'not-at-site',
  /** A value that does not go with the field `with`. */
  'inconsistent',
  /** A new date that is not later than the current one. */
  'not-later',
  /** A value given where it does not apply. */
  'not-applicable',
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

/**
 * A capability's refusal of one field under its INVALID code: `invalidField('RIGHTS.INVALID')`
 * gives (field, English message, rule, params?) → the error with the field and its rule.
 */
export const invalidField =
  <C extends ErrorCode>(code: C) =>
  (
    field: string,
    message: string,
    rule: FieldRule,
    params?: Readonly<Record<string, string | number>>,
  ): Result<never, C> =>
    err(code, message, fieldRule(field, rule, params));
