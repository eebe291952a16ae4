import { describe, expect, it } from 'vitest';
import { inLanguage, perLanguage, t, type Lang } from './text.js';

const MESSAGES = {
  verdict: t('Oordeel', 'Verdict'),
  hours: (h: number) => t(`${h} uur`, `${h} hours`),
  status: { draft: t('concept', 'draft'), approved: t('goedgekeurd', 'approved') },
  nested: { deeper: { still: t('nog', 'still') } },
};

describe('inLanguage: a table of messages in one language', () => {
  it.each<[Lang, string, string, string, string]>([
    ['nl', 'Oordeel', '72 uur', 'goedgekeurd', 'nog'],
    ['en', 'Verdict', '72 hours', 'approved', 'still'],
  ])('%s', (lang, verdict, hours, approved, still) => {
    const l = inLanguage(MESSAGES, lang);
    expect(l.verdict).toBe(verdict);
    expect(l.hours(72)).toBe(hours);
    expect(l.status.approved).toBe(approved);
    expect(l.nested.deeper.still).toBe(still);
    expect(Object.keys(l)).toEqual(Object.keys(MESSAGES));
  });

  it('keeps Dutch first: t(nl, en)', () => {
    expect(t('ja', 'yes')).toEqual({ nl: 'ja', en: 'yes' });
  });

  it('perLanguage: a message composed of messages, written once per language', () => {
    const parts = [t('ma', 'Mon'), t('di', 'Tue')];
    expect(perLanguage((lang) => parts.map((p) => p[lang]).join(','))).toEqual({
      nl: 'ma,di',
      en: 'Mon,Tue',
    });
  });
});
