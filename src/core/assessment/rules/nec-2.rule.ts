/** NEC-2 — EDPB 3/2019 §24–25; GDPR Art. 35(7)(b): every less intrusive measure addressed, with reasons. */
import { CATALOGUE } from '../catalogue.js';
import { condition, confirmedSource, finding, type Rule } from '../rule.js';
import { perLanguage, t } from '../text.js';

export const nec2Rule: Rule = {
  id: 'NEC-2',
  title: t(
    'Minder ingrijpende middelen afgewogen (subsidiariteit)',
    'Less intrusive measures addressed (subsidiarity)',
  ),
  source: confirmedSource(
    'EDPB-richtsnoeren 3/2019, punt 24–25; AVG art. 35 lid 7, onder b',
    'EDPB Guidelines 3/2019, paras. 24–25; GDPR Art. 35(7)(b)',
  ),
  evaluate(f) {
    const lighter = CATALOGUE.filter((m) => m.rank < f.measure.rank);
    const unaddressed = lighter.filter((m) => {
      const a = f.scenario.alternatives.find((x) => x.measure === m.id);
      return a === undefined || a.status === 'not-considered' || a.reasons.trim() === '';
    });
    if (unaddressed.length === 0) {
      return finding(this, 'pass', [
        lighter.length === 0
          ? t('Dit is het minst ingrijpende middel.', 'This is the least intrusive measure.')
          : t(
              `Alle ${lighter.length} minder ingrijpende middelen zijn met redenen afgewogen.`,
              `All ${lighter.length} less intrusive measures are addressed with reasons.`,
            ),
      ]);
    }
    const names = perLanguage((lang) => unaddressed.map((m) => m.name[lang]).join('; '));
    const reason = t(
      `Niet (met redenen) afgewogen: ${names.nl}.`,
      `Not addressed (with reasons): ${names.en}.`,
    );
    if (!f.personalData)
      return finding(this, 'pass', [
        reason,
        t('Dit middel verwerkt geen persoonsgegevens.', 'This measure processes no personal data.'),
      ]);
    if (!f.residentData) {
      return finding(
        this,
        'condition',
        [reason],
        [
          condition(
            this,
            'alternatives-documented',
            t(
              'Leg per minder ingrijpend middel vast waarom het niet volstaat.',
              'Record for each less intrusive measure why it does not suffice.',
            ),
          ),
        ],
      );
    }
    return finding(this, 'fail', [
      reason,
      t(
        'Een camera is alleen toegestaan als elk lichter middel is overwogen en onvoldoende bevonden voor deze ruimte en dit soort gesprek.',
        'A camera is lawful only if every lighter measure was considered and found insufficient for this room and kind of conversation.',
      ),
    ]);
  },
};
