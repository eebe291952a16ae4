/**
 * SC-1 — GDPR Art. 9; EDPB 3/2019 §62–67 (section 5). Recording the content of conversations about
 * benefits, health, youth care or debts needs an Art. 9(2) exception; that recorded conversation
 * content is special-category data is our inference (verify).
 */
import { finding, type Rule, unconfirmedSource } from '../rule.js';
import { t } from '../text.js';

export const sc1Rule: Rule = {
  id: 'SC-1',
  title: t('Bijzondere persoonsgegevens in het gesprek', 'Special-category data in the conversation'),
  source: unconfirmedSource(
    'AVG art. 9; EDPB-richtsnoeren 3/2019, punt 62–67 (punt 64: art. 9 geldt als beelden worden verwerkt om bijzondere persoonsgegevens af te leiden; punt 66: leg zo min mogelijk andere gevoelige gegevens vast); dat opgenomen gespreksinhoud bijzondere persoonsgegevens kan bevatten, is onze eigen afleiding',
    'GDPR Art. 9; EDPB Guidelines 3/2019, paras. 62–67 (para. 64: Art. 9 applies when footage is processed to deduce special categories; para. 66: minimise capture of other sensitive data); that recorded conversation content can be special-category data is our own inference',
  ),
  evaluate(f) {
    if (!f.residentData || !f.sensitiveConversations) {
      return finding(this, 'pass', [
        t('Geen opname van gevoelige gesprekken.', 'No capture of sensitive conversations.'),
      ]);
    }
    if (!f.audio) {
      return finding(this, 'pass', [
        t(
          'Alleen beeld: art. 9 geldt pas als beelden worden gebruikt om bijzondere gegevens af te leiden; richt de camera zo dat papieren en schermen niet leesbaar zijn.',
          'Images only: Art. 9 applies only when footage is processed to deduce special categories; aim the camera so papers and screens are not legible.',
        ),
      ]);
    }
    const exception = f.scenario.safeguards.art9Exception;
    if (exception === undefined) {
      return finding(this, 'fail', [
        t(
          'Geluid legt de inhoud vast van gesprekken over uitkering, gezondheid, jeugdzorg of schulden; zonder uitzondering van art. 9 lid 2 AVG is dat niet toegestaan.',
          'Sound captures the content of conversations about benefits, health, youth care or debts; without an Art. 9(2) GDPR exception that is not permitted.',
        ),
      ]);
    }
    return finding(this, 'review', [
      t(
        `Ingeroepen uitzondering: ${exception}. Een persoon moet beoordelen of die past.`,
        `Exception relied on: ${exception}. A person must judge whether it applies.`,
      ),
    ]);
  },
};
