/**
 * LB-2 — GDPR Art. 6(3): a basis in Art. 6(1)(c) or (e) must be laid down in Union or Member State law.
 * EDPB 3/2019 §16: (c) fits only where national law obliges video surveillance.
 * §41 (public task) is unconfirmed (verify).
 */
import { finding, type Rule, unconfirmedSource } from '../rule.js';
import { t } from '../text.js';

export const lb2Rule: Rule = {
  id: 'LB-2',
  title: t('Wettelijke bepaling bij grondslag (c) of (e)', 'A provision of law behind basis (c) or (e)'),
  source: unconfirmedSource(
    'AVG art. 6 lid 3; EDPB-richtsnoeren 3/2019, punt 16 (art. 6 lid 1, onder c, alleen waar de nationale wet tot cameratoezicht verplicht) en punt 41',
    'GDPR Art. 6(3); EDPB Guidelines 3/2019, para. 16 (Art. 6(1)(c) only where national law obliges video surveillance) and para. 41',
  ),
  evaluate(f) {
    const { article, provision } = f.scenario.legalBasis;
    if (!f.personalData)
      return finding(this, 'pass', [
        t('Geen persoonsgegevens: geen grondslag nodig.', 'No personal data: no basis needed.'),
      ]);
    if (article === 'c' || article === 'e') {
      if (provision === undefined || provision.trim() === '') {
        return finding(this, 'fail', [
          t(
            `Art. 6 lid 1, onder ${article} AVG zonder bepaling van Unie- of lidstatelijk recht is geen grondslag (art. 6 lid 3 AVG); noem bijvoorbeeld de zorgplicht van de werkgever in de Arbeidsomstandighedenwet voor agressie en geweld.`,
            `Art. 6(1)(${article}) without a provision of Union or Member State law is no legal basis (Art. 6(3)); cite e.g. the employer's duty of care under the Dutch Working Conditions Act on aggression and violence.`,
          ),
        ]);
      }
      return finding(this, 'pass', [
        t(
          `Grondslag art. 6 lid 1, onder ${article} AVG met bepaling: ${provision}. Of die bepaling deze verwerking draagt, hoort in het advies van de FG.`,
          `Basis Art. 6(1)(${article}) with provision: ${provision}. Whether it covers this processing belongs in the DPO's advice.`,
        ),
      ]);
    }
    if (article === 'b' || article === 'd') {
      return finding(this, 'review', [
        t(
          `Art. 6 lid 1, onder ${article} AVG past zelden bij bescherming van personeel; een persoon moet beoordelen of deze grondslag hier kan dienen.`,
          `Art. 6(1)(${article}) rarely fits staff protection; a person must judge whether it can serve here.`,
        ),
      ]);
    }
    return finding(this, 'pass', [
      t(
        'Niet van toepassing: de grondslag is niet (c) of (e).',
        'Not applicable: the basis is not (c) or (e).',
      ),
    ]);
  },
};
