/** PROP-2 — EDPB 3/2019 §40 (verify): a sign does not make being filmed a reasonable expectation. */
import { finding, type Rule, unconfirmedSource } from '../rule.js';
import { t } from '../text.js';

export const prop2Rule: Rule = {
  id: 'PROP-2',
  title: t('Bebording schept geen redelijke verwachting', 'Signs do not create a reasonable expectation'),
  source: unconfirmedSource('EDPB-richtsnoeren 3/2019, punt 40', 'EDPB Guidelines 3/2019, para. 40'),
  evaluate(f) {
    if (!f.residentData)
      return finding(this, 'pass', [
        t('Geen beeld of geluid van het gesprek.', 'No images or sound of the conversation.'),
      ]);
    if (f.scenario.claims?.signageCreatesExpectation === true) {
      return finding(this, 'fail', [
        t(
          'De afweging leunt op het argument dat bebording filmen verwacht maakt; dat argument telt niet.',
          'The balancing relies on the argument that signs make filming expected; that argument does not count.',
        ),
      ]);
    }
    return finding(this, 'pass', [
      t(
        'Bebording telt alleen als informatie, niet in de afweging.',
        'Signs count as information only, not in the balancing.',
      ),
    ]);
  },
};
