/**
 * COV-1 — AP conditions for covert monitoring (reasonable suspicion, last resort, temporary, inform
 * afterwards: seen only in relays of a pre-GDPR AP text, so unconfirmed); the AP's own page on
 * covert observation (hidden cameras may not be used to detect benefit fraud); CRvB 13 September
 * 2016, ECLI:NL:CRVB:2016:3479; CBP 2013 approval of Nijmegen's hidden-camera protocol, withdrawn
 * by the AP after the CRvB's rulings of September 2016: covert recording is never a room policy.
 */
import { finding, type Rule, unconfirmedSource } from '../rule.js';
import { t } from '../text.js';

export const cov1Rule: Rule = {
  id: 'COV-1',
  title: t('Heimelijk opnemen is nooit kamerbeleid', 'Covert recording is never a room policy'),
  source: unconfirmedSource(
    'Voorwaarden van de AP voor heimelijk cameratoezicht; AP, ‘Heimelijke observatie’: verborgen camera’s inzetten om uitkeringsfraude op te sporen is verboden; CRvB 13 september 2016, ECLI:NL:CRVB:2016:3479 (cameraobservatie zonder specifieke wettelijke grondslag schendt art. 8 EVRM); goedkeuring door het CBP (2013) van het protocol verborgen camera’s van Nijmegen, door de AP ingetrokken na de uitspraken van de CRvB van september 2016',
    'AP conditions for covert monitoring; AP, ‘Heimelijke observatie’ (covert observation): hidden cameras may not be used to detect benefit fraud; CRvB 13 September 2016, ECLI:NL:CRVB:2016:3479 (camera observation without a specific statutory basis violates Art. 8 ECHR); CBP 2013 approval of the Nijmegen hidden-camera protocol, withdrawn by the AP after the CRvB rulings of September 2016',
  ),
  evaluate(f) {
    if (f.measure.covert) {
      return finding(this, 'fail', [
        t(
          'Heimelijk opnemen kan alleen bij een redelijk vermoeden, als laatste middel, voor een vaste periode, met achteraf informeren en eerst een DPIA — nooit als beleid voor een ruimte.',
          'Covert recording is possible only on reasonable suspicion, as a last resort, for a fixed period, informing afterwards and with a DPIA first — never as a room policy.',
        ),
      ]);
    }
    return finding(this, 'pass', [
      t('De maatregel is zichtbaar en aangekondigd.', 'The measure is visible and announced.'),
    ]);
  },
};
