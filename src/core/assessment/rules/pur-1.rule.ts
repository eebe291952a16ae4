/** PUR-1 — EDPB 3/2019 §15, GDPR Art. 5(1)(b): a specific purpose per room/camera; "for safety" alone fails. */
import { confirmedSource, finding, type Rule } from '../rule.js';
import { t } from '../text.js';

// Words that carry no purpose on their own (EDPB 3/2019 §15 names "safety" / "for your safety").
const EMPTY_WORDS = new Set([
  'veiligheid',
  'uw',
  'voor',
  'de',
  'het',
  'van',
  'en',
  'beveiliging',
  'safety',
  'for',
  'your',
  'the',
  'of',
  'and',
  'security',
  'our',
]);

/** Words of the purpose text that say something beyond "safety". */
export const substantiveWords = (text: string): string[] =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0 && !EMPTY_WORDS.has(w));

export const pur1Rule: Rule = {
  id: 'PUR-1',
  title: t('Welbepaald doel per ruimte', 'A specific purpose per room'),
  source: confirmedSource(
    'EDPB-richtsnoeren 3/2019, punt 15; AVG art. 5 lid 1, onder b',
    'EDPB Guidelines 3/2019, para. 15; GDPR Art. 5(1)(b)',
  ),
  evaluate(f) {
    const { text, kinds } = f.scenario.purpose;
    if (!f.personalData)
      return finding(this, 'pass', [
        t(
          'Geen persoonsgegevens: doelbinding speelt niet.',
          'No personal data: purpose limitation does not arise.',
        ),
      ]);
    if (kinds.length === 0) {
      return finding(this, 'fail', [
        t(
          'Er is geen soort doel gekozen (directe hulp, afschrikking, bewijs).',
          'No kind of purpose is chosen (immediate help, deterrence, evidence).',
        ),
      ]);
    }
    const words = substantiveWords(text);
    if (words.length < 3) {
      return finding(this, 'fail', [
        t(
          `“${text}” is niet welbepaald: “voor de veiligheid” volstaat niet.`,
          `"${text}" is not specific: "for safety" alone does not suffice.`,
        ),
      ]);
    }
    if (words.length < 6) {
      return finding(this, 'review', [
        t(
          'Het doel is kort; een persoon moet beoordelen of het per ruimte en soort gesprek welbepaald is.',
          'The purpose is brief; a person must judge whether it is specific per room and kind of conversation.',
        ),
      ]);
    }
    return finding(this, 'pass', [
      t(
        'Het doel is welbepaald en schriftelijk vastgelegd.',
        'The purpose is specific and documented in writing.',
      ),
    ]);
  },
};
