/**
 * LB-3 — GDPR recital 43 (as read by EDPB Guidelines 05/2020 §16 for public authorities); EDPB 3/2019 section 3.3
 * (§43–47 unconfirmed, verify): no valid consent where power is clearly imbalanced.
 */
import { finding, type Rule, unconfirmedSource } from '../rule.js';
import { t } from '../text.js';

export const lb3Rule: Rule = {
  id: 'LB-3',
  title: t('Geen geldige toestemming bij machtsongelijkheid', 'No valid consent where power is imbalanced'),
  source: unconfirmedSource(
    'AVG overweging 43; EDPB-richtsnoeren 05/2020 over toestemming, punt 16 (overheidsinstanties); EDPB-richtsnoeren 3/2019, paragraaf 3.3, punt 43–47 (de zin over werkgevers staat naar verluidt in punt 47)',
    'GDPR recital 43; EDPB Guidelines 05/2020 on consent, para. 16 (public authorities); EDPB Guidelines 3/2019, section 3.3, paras. 43–47 (the employer sentence is reported at para. 47)',
  ),
  evaluate(f) {
    if (f.scenario.legalBasis.article !== 'a' || !f.personalData) {
      return finding(this, 'pass', [
        t(
          'Niet van toepassing: de grondslag is geen toestemming.',
          'Not applicable: the basis is not consent.',
        ),
      ]);
    }
    if (f.scenario.controller.publicAuthority || f.scenario.peopleAffected.staff) {
      return finding(this, 'fail', [
        t(
          'Toestemming van inwoners tegenover een overheid, of van werknemers tegenover hun werkgever, is niet vrij gegeven (overweging 43 AVG).',
          'Consent of residents towards a public authority, or of employees towards their employer, is not freely given (GDPR recital 43).',
        ),
      ]);
    }
    return finding(this, 'review', [
      t(
        'Een persoon moet beoordelen of toestemming hier vrij, specifiek en intrekbaar is.',
        'A person must judge whether consent here is free, specific and can be withdrawn.',
      ),
    ]);
  },
};
