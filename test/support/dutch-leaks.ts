/**
 * Finds English (and untranslated message codes) in text a Dutch reader sees. The words are
 * tell-tales: common in English, absent from Dutch, so real Dutch passes and a leaked English
 * sentence, internal note, file name or error code does not.
 */
export const ENGLISH_TELLS = [
  ' the ',
  'The ',
  ' must ',
  ' should ',
  ' and ',
  ' not ',
  ' with ',
  ' lies ',
  ' cannot ',
  'assessment',
  'GDPR',
  '(verify)',
  'verify',
  'DOMAIN.md',
  '.md ',
  'found',
  'invalid',
  'required',
  'failed',
  'Art.',
  'please',
  '(s)',
  '(en)',
  '(n)',
  'e(n)',
] as const;

/** An error code (AUTH.WEAK_PASSWORD) or a dotted message key (alarm.escalationSeconds). */
const CODE = /\b[A-Z][A-Z0-9]+(?:\.[A-Z0-9_]+)+\b|\b[a-z]+\.[a-z]+[A-Z][A-Za-z]*\b/;

/**
 * An article cited the English way, "6(1)(f)" or "35(2)": Dutch writes "art. 6 lid 1, onder f AVG"
 * ("art. 35 lid 2 AVG").
 */
const ENGLISH_CITATION = /\b\d+[a-z]?\(\d+\)(?:\([a-z]\))?/;

/** What in `text` gives away English or an untranslated code; empty when it reads as Dutch. */
export const englishLeaks = (raw: string): string[] => {
  // A quoted command for an administrator ("proportio audit verify") is a command, not English.
  const text = raw.replace(/[“"]proportio [^”"]*[”"]/g, '');
  const found: string[] = ENGLISH_TELLS.filter((w) => text.includes(w));
  const code = CODE.exec(text);
  if (code) found.push(code[0]);
  const citation = ENGLISH_CITATION.exec(text);
  if (citation) found.push(citation[0]);
  return found;
};

/** Every string a table holds, with its path; functions are called with sample arguments. */
export const stringsOf = (value: unknown, path = ''): Array<{ path: string; text: string }> => {
  if (typeof value === 'string') return [{ path, text: value }];
  if (typeof value === 'function') {
    const f = value as (...args: unknown[]) => unknown;
    for (const sample of [2, 'Spreekkamer A', { scope: 'site', siteName: 'Locatie Noord' }]) {
      try {
        const args: unknown[] = Array.from({ length: Math.max(f.length, 1) }, () => sample);
        return stringsOf(f(...args), `${path}()`);
      } catch {
        // another sample
      }
    }
    return [];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => stringsOf(v, `${path}[${i}]`));
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([k, v]) => stringsOf(v, path ? `${path}.${k}` : k));
  return [];
};
