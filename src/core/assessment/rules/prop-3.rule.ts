/** PROP-3 — WP248 rev.01 criterion 9; the case in DOMAIN.md section 1: refusing the camera must never cost the service. */
import { confirmedSource, finding, type Rule } from '../rule.js';
import { t } from '../text.js';

export const prop3Rule: Rule = {
  id: 'PROP-3',
  title: t('Geen dienst afhankelijk van de maatregel', 'No service conditional on the measure'),
  source: confirmedSource(
    'WP248 rev.01, criterium 9 (betrokkenen kunnen een recht niet uitoefenen of een dienst niet gebruiken); de gemeente die vanaf 2014 gesprekken in spreekkamers filmde, waar een intern plan inwoners die de camera weigerden hun uitkering onthield (Kamervragen, december 2021)',
    'WP248 rev.01, criterion 9 (data subjects prevented from exercising a right or using a service); the municipality that filmed interview-room conversations from 2014, where an internal plan denied the benefit to residents who refused the camera (parliamentary questions, December 2021)',
  ),
  evaluate(f) {
    if (f.residentData && f.scenario.conditionsAccessToService) {
      return finding(this, 'fail', [
        t(
          'Wie de camera weigert, verliest de dienst (bijvoorbeeld de uitkering): dat blokkeert de maatregel.',
          'Whoever refuses the camera loses the service (for example the benefit): that blocks the measure.',
        ),
      ]);
    }
    return finding(this, 'pass', [
      t(
        'Toegang tot de dienst hangt niet af van de maatregel.',
        'Access to the service does not depend on the measure.',
      ),
    ]);
  },
};
