/**
 * Bilingual text, the one way the server writes it: every message is a Text {nl, en}, made with
 * t(nl, en), Dutch first. A renderer keeps its labels in a table of such messages keyed by message
 * id and takes its language once, with inLanguage(table, lang); a single message is `text[lang]`.
 *
 * Why one value holding both languages, rather than a table per language or `nl ? … : …`: a rule's
 * reasons and conditions carry both (the API returns both and the web picks), so the value has to
 * exist anyway; and with the two languages of a message side by side, neither can be forgotten or
 * drift apart — a per-language table compiles even when one language lacks a key.
 */
import { count, plural } from '../plural.js';

export interface Text {
  readonly nl: string;
  readonly en: string;
}

export type Lang = 'nl' | 'en';

export const t = (nl: string, en: string): Text => ({ nl, en });

/** A message built from parts that are messages themselves: `compose` writes it in one language. */
export const perLanguage = (compose: (lang: Lang) => string): Text => t(compose('nl'), compose('en'));

/** Messages keyed by id: a Text, a Text with parameters, or a nested table (e.g. one per status). */
export interface Messages {
  readonly [id: string]: Text | ((...args: never[]) => Text) | Messages;
}

/** A table of messages in one language: every Text a string, every function returning a string. */
export type InLanguage<M> = {
  readonly [K in keyof M]: M[K] extends Text
    ? string
    : M[K] extends (...args: infer A) => Text
      ? (...args: A) => string
      : InLanguage<M[K]>;
};

const isText = (v: Messages[string]): v is Text =>
  typeof v === 'object' &&
  typeof (v as Partial<Text>).nl === 'string' &&
  typeof (v as Partial<Text>).en === 'string';

export const inLanguage = <M extends Messages>(messages: M, lang: Lang): InLanguage<M> =>
  Object.fromEntries(
    Object.entries(messages).map(([id, m]) => [
      id,
      isText(m)
        ? m[lang]
        : typeof m === 'function'
          ? (...args: never[]) => m(...args)[lang]
          : inLanguage(m, lang),
    ]),
  ) as InLanguage<M>;

/**
 * A number with its word in both languages, by the plural rules of each:
 * counted(3, ['incident', 'incidenten'], ['incident', 'incidents']) → {nl: '3 incidenten', en: '3 incidents'}.
 * Never "incident(en)".
 */
export const counted = (
  n: number,
  nl: readonly [one: string, other: string],
  en: readonly [one: string, other: string],
): Text => t(count('nl', n, { one: nl[0], other: nl[1] }), count('en', n, { one: en[0], other: en[1] }));

/** Only the word's form for `n` in both languages (for sentences that put the number elsewhere). */
export const pluralText = (
  n: number,
  nl: readonly [one: string, other: string],
  en: readonly [one: string, other: string],
): Text => t(plural('nl', n, { one: nl[0], other: nl[1] }), plural('en', n, { one: en[0], other: en[1] }));
