/** NEC-4 — EDPB 3/2019 §29 (verify): the purpose decides the form; immediate help needs people, evidence needs a recording. */
import { PURPOSE_KINDS } from '../catalogue.js';
import { PURPOSE_KIND_NAMES as KIND_NAMES } from '../labels.js';
import { finding, type Rule, unconfirmedSource } from '../rule.js';
import { t } from '../text.js';

export const nec4Rule: Rule = {
  id: 'NEC-4',
  title: t('Het doel bepaalt de vorm', 'The purpose decides the form'),
  source: unconfirmedSource('EDPB-richtsnoeren 3/2019, punt 29', 'EDPB Guidelines 3/2019, para. 29'),
  evaluate(f) {
    const kinds = f.scenario.purpose.kinds;
    const unmet = PURPOSE_KINDS.filter((k) => kinds.includes(k) && f.measure.achieves[k] !== 'yes');
    const unmetText = t(
      unmet.map((k) => KIND_NAMES[k].nl).join(', '),
      unmet.map((k) => KIND_NAMES[k].en).join(', '),
    );
    if (!f.personalData) {
      return finding(this, 'pass', [
        unmet.length === 0
          ? t(
              'Het middel dient het gestelde doel zonder persoonsgegevens.',
              'The measure serves the stated purpose without personal data.',
            )
          : t(
              `Geen persoonsgegevens; dient niet (volledig): ${unmetText.nl}.`,
              `No personal data; does not (fully) serve: ${unmetText.en}.`,
            ),
      ]);
    }
    if (kinds.length === 0)
      return finding(this, 'fail', [
        t(
          'Zonder soort doel kan de vorm niet uit het doel volgen.',
          'Without a kind of purpose the form cannot follow from it.',
        ),
      ]);
    if (f.residentData && f.measure.stores && !kinds.includes('evidence')) {
      return finding(this, 'fail', [
        t(
          'Opnemen dient alleen bewijs; voor directe hulp of afschrikking volstaan alarm en mensen zonder opslag van beelden.',
          'Recording only serves evidence; for immediate help or deterrence alarms and people suffice without storing footage.',
        ),
      ]);
    }
    if (kinds.every((k) => f.measure.achieves[k] === 'no')) {
      return finding(this, 'fail', [
        t(
          `Dit middel bereikt geen van de gestelde doelen (${unmetText.nl}).`,
          `This measure achieves none of the stated purposes (${unmetText.en}).`,
        ),
      ]);
    }
    return finding(this, 'pass', [
      unmet.length === 0
        ? t('Het middel past bij elk gesteld doel.', 'The measure fits every stated purpose.')
        : t(
            `Het middel dient niet volledig: ${unmetText.nl}.`,
            `The measure does not fully serve: ${unmetText.en}.`,
          ),
    ]);
  },
};
