import { describe, expect, it } from 'vitest';
import { citeArticle } from './citation.js';

describe('citeArticle', () => {
  it.each([
    ['6(1)(f)', 'nl', 'art. 6 lid 1, onder f AVG'],
    ['6(1)(f)', 'en', 'GDPR Art. 6(1)(f)'],
    ['35(2)', 'nl', 'art. 35 lid 2 AVG'],
    ['15', 'nl', 'art. 15 AVG'],
  ] as const)('%s in %s: %s', (ref, lang, expected) => {
    expect(citeArticle(ref, lang)).toBe(expected);
  });

  it('names another law', () => {
    expect(citeArticle('27(1)(l)', 'nl', { nl: 'WOR', en: 'Works Councils Act' })).toBe(
      'art. 27 lid 1, onder l WOR',
    );
  });
});
