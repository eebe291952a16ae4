/**
 * Counted words and decimal numbers in the web UI's languages, by Intl plural rules and number
 * format: "1 incident" / "3 incidenten", "3,2" in Dutch. The server has its own twin
 * (src/core/plural.ts): the web bundle takes only types from the server.
 */
export type PluralLang = 'nl' | 'en';

const LOCALES: Record<PluralLang, string> = { nl: 'nl-NL', en: 'en-GB' };

export interface PluralForms {
  readonly one: string;
  readonly other: string;
}

/** The form of the word for `n`. */
export const plural = (lang: PluralLang, n: number, forms: PluralForms): string =>
  new Intl.PluralRules(LOCALES[lang]).select(n) === 'one' ? forms.one : forms.other;

/** A number in the language's notation, at most `maxDecimals` decimals: '3,2' / '3.2'. */
export const formatNumber = (lang: PluralLang, n: number, maxDecimals = 1): string =>
  new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: maxDecimals }).format(n);

/** The number and its word: '3 incidenten'. */
export const count = (lang: PluralLang, n: number, forms: PluralForms): string =>
  `${formatNumber(lang, n)} ${plural(lang, n, forms)}`;
