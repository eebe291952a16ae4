/**
 * A finding's legal source as the user reads it: the citation in their language (AVG in Dutch)
 * and "bron nog niet bevestigd" where the server marks it unconfirmed. A finding from a server
 * before bilingual sources (English only, perhaps with "(verify)") is shown in English without
 * the internal note, as unconfirmed.
 */
import type { Finding } from '../api.js';
import type { Dictionary, Language } from '../i18n/index.js';

type Sourced = Pick<Finding, 'source'> & Partial<Pick<Finding, 'sourceNl' | 'sourceConfirmed'>>;

export const sourceText = (t: Dictionary, lang: Language, f: Sourced): string => {
  const modern = typeof f.sourceNl === 'string' && typeof f.sourceConfirmed === 'boolean';
  const text = modern
    ? lang === 'nl'
      ? f.sourceNl
      : f.source
    : f.source
        .replace(/\s*\(verify[^)]*\)/gi, '')
        .replace(/\s*\(?[A-Z]+\.md section \d+\)?/g, '')
        .trim();
  return modern && f.sourceConfirmed === true ? text : `${text} (${t.assessments.unconfirmedSource})`;
};
