/**
 * Counted words and numbers in a language, the one way core, reports and the web UI write them:
 * Intl plural rules pick the form ("1 incident", "3 incidenten"), never "incident(en)"; numbers
 * with decimals follow the language ("3,2" in Dutch, "3.2" in English). Pure: Intl only.
 */
export type PluralLang = 'nl' | 'en';

const LOCALES: Record<PluralLang, string> = { nl: 'nl-NL', en: 'en-GB' };

/** The forms of a counted word: `one` for exactly one, `other` for the rest (Dutch and English need no more). */
export interface PluralForms {
  readonly one: string;
  readonly other: string;
}

const rules = new Map<PluralLang, Intl.PluralRules>();
const pluralRules = (lang: PluralLang): Intl.PluralRules => {
  let r = rules.get(lang);
  if (r === undefined) {
    r = new Intl.PluralRules(LOCALES[lang]);
    rules.set(lang, r);
  }
  return r;
};

/** The form of the word for `n`: plural(lang, 1, {one: 'incident', other: 'incidenten'}) → 'incident'. */
export const plural = (lang: PluralLang, n: number, forms: PluralForms): string =>
  pluralRules(lang).select(n) === 'one' ? forms.one : forms.other;

/** The number and its word: count('nl', 3, {one: 'incident', other: 'incidenten'}) → '3 incidenten'. */
export const count = (lang: PluralLang, n: number, forms: PluralForms): string =>
  `${formatNumber(lang, n)} ${plural(lang, n, forms)}`;

/** A number in the language's notation, with at most `maxDecimals` decimals: '3,2' / '3.2'. */
export const formatNumber = (lang: PluralLang, n: number, maxDecimals = 1): string =>
  new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: maxDecimals, useGrouping: true }).format(n);
