/**
 * SC-1 — GDPR Art. 9(1) and (2), with Art. 4(15) (data concerning health); EDPB 3/2019 §62–67
 * (section 5). Recording the content of conversations about benefits, health, youth care or debts
 * needs an Art. 9(2) exception. That such a recording holds special-category data is our own
 * reading of Art. 4(15) and 9(1), and the source says so.
 */
import { confirmedSource, finding, type Rule } from '../rule.js';
import { t } from '../text.js';

export const sc1Rule: Rule = {
  id: 'SC-1',
  title: t('Bijzondere persoonsgegevens in het gesprek', 'Special-category data in the conversation'),
  source: confirmedSource(
    'art. 9 lid 1 en lid 2 AVG (gegevens over gezondheid: art. 4, onder 15 AVG); EDPB-richtsnoeren 3/2019, punt 62–67 (punt 64: art. 9 geldt als beelden worden verwerkt om bijzondere persoonsgegevens af te leiden; punt 66: leg zo min mogelijk andere gevoelige gegevens vast); dat opgenomen gespreksinhoud bijzondere persoonsgegevens kan bevatten, is onze eigen lezing van art. 4, onder 15, en art. 9 lid 1 AVG',
    'GDPR Art. 9(1) and (2) (data concerning health: GDPR Art. 4(15)); EDPB Guidelines 3/2019, paras. 62–67 (para. 64: Art. 9 applies when footage is processed to deduce special categories; para. 66: minimise capture of other sensitive data); that recorded conversation content can be special-category data is our own reading of GDPR Art. 4(15) and 9(1)',
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
