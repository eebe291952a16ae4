/**
 * A register's refusals of one field in the user's language. The server's INVALID error names the
 * field and the rule it broke (src/core/field-rules.ts); a register words each rule in its own
 * sentence ("De periode moet eindigen na het begin"), a rule of one field before the rule in
 * general, and anything it does not know in its general sentence. Other refusals: the app's usual text.
 */
import type { FieldRule } from '../../../src/core/field-rules.js';
import { ApiError, type FieldProblem } from '../api.js';
import { formErrorsFrom, type FormErrors } from '../hooks.js';
import type { Dictionary } from '../i18n/index.js';

/** A rule, the key of its sentence, and the one field it is for (none: every field). */
export type RuleWords<K extends string> = readonly (
  readonly [FieldRule, K] | readonly [FieldRule, K, string]
)[];

/** A register's sentences: one per key, and `invalid` for whatever has no key. */
export type RegisterErrorTexts<K extends string> = Readonly<Record<K | 'invalid', string>>;

/** The sentence for one field error: its field's own wording of the rule, the rule's, or `invalid`. */
export const registerFieldText = <K extends string>(
  words: RuleWords<K>,
  texts: RegisterErrorTexts<K>,
  fe: Pick<FieldProblem, 'field' | 'rule'>,
): string => {
  const forField = words.find(([rule, , field]) => rule === fe.rule && field === fe.field);
  const forRule = words.find(([rule, , field]) => rule === fe.rule && field === undefined);
  const key = (forField ?? forRule)?.[1];
  return key === undefined ? texts.invalid : texts[key];
};

/**
 * For useFormState: the register's INVALID field errors go next to their fields (fieldIds maps the
 * API's field to the element id), in the register's words; other refusals as the app words them.
 */
export const registerRefusal =
  <K extends string>(code: string, words: RuleWords<K>, textsOf: (t: Dictionary) => RegisterErrorTexts<K>) =>
  (fieldIds: Readonly<Record<string, string>>) =>
  (t: Dictionary, e: unknown): FormErrors | undefined => {
    if (!(e instanceof ApiError) || e.problem.code !== code) return undefined;
    const fields: Record<string, string> = {};
    for (const fe of e.problem.errors ?? []) {
      const id = fieldIds[fe.field];
      if (id !== undefined && fields[id] === undefined) fields[id] = registerFieldText(words, textsOf(t), fe);
    }
    return Object.keys(fields).length > 0 ? { summary: undefined, fields } : formErrorsFrom(t, e, fieldIds);
  };
