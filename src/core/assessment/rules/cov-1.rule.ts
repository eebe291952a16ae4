/**
 * COV-1 — AP conditions for covert monitoring (verify); CBP 2013 approval of Nijmegen's hidden-camera protocol,
 * withdrawn by the AP after a 2016 CRvB ruling (hidden cameras need a statutory basis):
 * covert recording is never a room policy.
 */
import { finding, type Rule, unconfirmedSource } from '../rule.js';
import { t } from '../text.js';

export const cov1Rule: Rule = {
  id: 'COV-1',
  title: t('Heimelijk opnemen is nooit kamerbeleid', 'Covert recording is never a room policy'),
  source: unconfirmedSource(
    'Voorwaarden van de AP voor heimelijk cameratoezicht; goedkeuring door het CBP (2013) van het protocol verborgen camera’s van Nijmegen, door de AP ingetrokken na een uitspraak van de CRvB (2016) dat verborgen camera’s een wettelijke grondslag nodig hebben',
    'AP conditions for covert monitoring; CBP 2013 approval of the Nijmegen hidden-camera protocol, withdrawn by the AP after a 2016 CRvB ruling that hidden cameras need a statutory basis',
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
