/**
 * A finding's legal source in one language, for every output a person reads (the web, the
 * Markdown and PDF reports): the citation in words, and "bron nog niet bevestigd" / "source not
 * yet confirmed" after a source whose references are not all confirmed.
 *
 * A finding written before sources were bilingual (only `source`, English, perhaps with
 * "(verify)" or a file name in it) is shown with its rule's current source; a rule that no longer
 * exists gets the English text without internal notes, marked unconfirmed.
 */
import type { Finding } from './rule.js';
import { RULES } from './rules/index.js';
import { t, type Lang, type Text } from './text.js';

export const UNCONFIRMED = t('bron nog niet bevestigd', 'source not yet confirmed');

/** What a finding (new, or stored in an older shape) says about its source. */
export type SourcedFinding = Pick<Finding, 'ruleId' | 'source'> &
  Partial<Pick<Finding, 'sourceNl' | 'sourceConfirmed'>>;

/** The source of a finding as a citation in both languages, and whether it is confirmed. */
export const findingSource = (f: SourcedFinding): { readonly text: Text; readonly confirmed: boolean } => {
  if (typeof f.sourceNl === 'string' && typeof f.sourceConfirmed === 'boolean')
    return { text: t(f.sourceNl, f.source), confirmed: f.sourceConfirmed };
  const rule = RULES.find((r) => r.id === f.ruleId);
  if (rule !== undefined)
    return { text: t(rule.source.nl, rule.source.en), confirmed: rule.source.confirmed };
  const cleaned = f.source
    .replace(/\s*\(verify[^)]*\)/gi, '')
    .replace(/\s*\(?[A-Z]+\.md section \d+\)?/g, '')
    .trim();
  return { text: t(cleaned, cleaned), confirmed: false };
};

/** "AVG art. 6 lid 1, laatste alinea" or "EDPB-richtsnoeren 3/2019, punt 40 (bron nog niet bevestigd)". */
export const sourceText = (f: SourcedFinding, lang: Lang): string => {
  const s = findingSource(f);
  return s.confirmed ? s.text[lang] : `${s.text[lang]} (${UNCONFIRMED[lang]})`;
};
