/**
 * A legal article in the style of the language: Dutch writes "art. 6 lid 1, onder f AVG", English
 * "GDPR Art. 6(1)(f)". References are kept in the compact form (`6(1)(f)`) and worded here.
 */
import type { Lang, Text } from './text.js';

const GDPR: Text = { nl: 'AVG', en: 'GDPR' };

/** `6(1)(f)` → "art. 6 lid 1, onder f AVG" (nl) or "GDPR Art. 6(1)(f)" (en); another law by its names. */
export const citeArticle = (ref: string, lang: Lang, law: Text = GDPR): string => {
  if (lang === 'en') return `${law.en} Art. ${ref}`;
  const m = /^(\d+[a-z]?)(?:\((\d+)\))?(?:\(([a-z])\))?$/.exec(ref);
  if (!m) return `art. ${ref} ${law.nl}`;
  const [, article, paragraph, point] = m;
  return `art. ${article}${paragraph ? ` lid ${paragraph}` : ''}${point ? `, onder ${point}` : ''} ${law.nl}`;
};
