/** LB-1 — GDPR Art. 6(1), last subparagraph: public authorities cannot use legitimate interests for their tasks. */
import { confirmedSource, finding, type Rule } from '../rule.js';
import { t } from '../text.js';

export const lb1Rule: Rule = {
  id: 'LB-1',
  title: t(
    'Overheid kan geen gerechtvaardigd belang gebruiken',
    'A public authority cannot rely on legitimate interests',
  ),
  source: confirmedSource('AVG art. 6 lid 1, laatste alinea', 'GDPR Art. 6(1), last subparagraph'),
  evaluate(f) {
    if (!f.personalData)
      return finding(this, 'pass', [
        t(
          'De maatregel verwerkt geen persoonsgegevens; er is geen grondslag nodig.',
          'The measure processes no personal data; no legal basis is needed.',
        ),
      ]);
    if (f.scenario.controller.publicAuthority && f.scenario.legalBasis.article === 'f') {
      return finding(this, 'fail', [
        t(
          'Een overheidsorgaan dat een taak uitvoert kan zich niet op art. 6 lid 1, onder f AVG (gerechtvaardigd belang) beroepen; kies art. 6 lid 1, onder c of e AVG met een wettelijke bepaling.',
          'A public authority performing its tasks cannot rely on Art. 6(1)(f) GDPR (legitimate interests); use Art. 6(1)(c) or (e) with a provision of law.',
        ),
      ]);
    }
    return finding(this, 'pass', [
      t(
        `Grondslag art. 6 lid 1, onder ${f.scenario.legalBasis.article} AVG is voor deze verwerkingsverantwoordelijke niet uitgesloten.`,
        `Basis Art. 6(1)(${f.scenario.legalBasis.article}) is not excluded for this controller.`,
      ),
    ]);
  },
};
