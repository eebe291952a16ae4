/** ROPA-1 — GDPR Art. 30: an approved measure produces its entry in the register of processing activities. */
import { confirmedSource, finding, type Rule } from '../rule.js';
import { t } from '../text.js';

export const ropa1Rule: Rule = {
  id: 'ROPA-1',
  title: t('Vermelding in het verwerkingsregister', 'Entry in the register of processing activities'),
  source: confirmedSource('AVG art. 30', 'GDPR Art. 30'),
  evaluate(f) {
    if (!f.personalData)
      return finding(this, 'pass', [
        t(
          'Geen persoonsgegevens: geen registervermelding nodig.',
          'No personal data: no register entry needed.',
        ),
      ]);
    return finding(this, 'pass', [
      t(
        'Bij goedkeuring maakt Proportio de vermelding voor het verwerkingsregister uit deze beoordeling.',
        'On approval Proportio produces the register entry from this assessment.',
      ),
    ]);
  },
};
