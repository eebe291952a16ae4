/** Intl plural rules: "1 taak", "3 taken" — never "taak/taken" or "taak(en)". */
const rules = { nl: new Intl.PluralRules('nl-NL'), en: new Intl.PluralRules('en-GB') };

/** The form for `n` in the language: `one` when the language's rules say so, else `other`. */
export const plural = (lang: keyof typeof rules, n: number, one: string, other: string): string =>
  rules[lang].select(n) === 'one' ? one : other;

/** "3 taken" in the language's number format. */
export const count = (lang: keyof typeof rules, n: number, one: string, other: string): string =>
  `${n.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB')} ${plural(lang, n, one, other)}`;
