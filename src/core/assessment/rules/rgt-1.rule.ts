/** RGT-1 — GDPR Art. 12(3), 15(4); EDPB 3/2019 section 6.1: answer within one month (+2 if told), mask other people. */
import { condition, confirmedSource, finding, type Rule } from '../rule.js';
import { t } from '../text.js';

export const rgt1Rule: Rule = {
  id: 'RGT-1',
  title: t('Inzage, wissen en bezwaar binnen een maand', 'Access, erasure and objection within one month'),
  source: confirmedSource(
    'AVG art. 12 lid 3 en art. 15 lid 4; EDPB-richtsnoeren 3/2019, paragraaf 6.1',
    'GDPR Art. 12(3) and 15(4); EDPB Guidelines 3/2019, section 6.1',
  ),
  evaluate(f) {
    if (!f.personalData) return finding(this, 'pass', [t('Geen persoonsgegevens.', 'No personal data.')]);
    if (f.scenario.safeguards.rightsProcedure === true) {
      return finding(this, 'pass', [
        t(
          'Verzoeken worden binnen een maand beantwoord; anderen worden onherkenbaar gemaakt.',
          'Requests are answered within one month; other people are masked.',
        ),
      ]);
    }
    return finding(
      this,
      'condition',
      [
        t(
          'Er is geen procedure voor verzoeken van betrokkenen vastgelegd.',
          'No procedure for data-subject requests is recorded.',
        ),
      ],
      [
        condition(
          this,
          'rights-procedure',
          t(
            'Procedure: antwoord binnen een maand (verlenging met twee maanden alleen met bericht binnen de eerste maand), kopieën met anderen onherkenbaar.',
            'Procedure: answer within one month (two-month extension only if the person is told within the first month), copies with other people masked.',
          ),
        ),
      ],
    );
  },
};
