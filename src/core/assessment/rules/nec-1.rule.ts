/**
 * NEC-1 — EDPB 3/2019 §19–21, §23 (verify; written for Art. 6(1)(f), applied by analogy); CJEU C-708/18 (the interest
 * must exist at the time of processing, not be hypothetical):
 * a real, present risk for this room or service, shown by documented incidents or a concrete imminent danger.
 */
import { EVIDENCE_WINDOW_DAYS, dayNumber } from '../facts.js';
import { finding, type Rule, unconfirmedSource } from '../rule.js';
import { counted, t } from '../text.js';

export const nec1Rule: Rule = {
  id: 'NEC-1',
  title: t('Echt en actueel risico voor deze ruimte', 'A real, present risk for this room'),
  source: unconfirmedSource(
    'EDPB-richtsnoeren 3/2019, punt 19–21 en 23 (geschreven voor art. 6 lid 1, onder f, hier naar analogie toegepast); HvJ EU C-708/18 (het belang moet bestaan op het moment van de verwerking en mag niet hypothetisch zijn)',
    'EDPB Guidelines 3/2019, paras. 19–21 and 23 (written for Art. 6(1)(f), applied by analogy); CJEU C-708/18 (the interest must exist at the time of processing, not be hypothetical)',
  ),
  evaluate(f) {
    if (!f.residentData) {
      return finding(this, 'pass', [
        t(
          'De maatregel legt geen beeld of geluid van inwoners vast; de noodzaak van hulp bij agressie volstaat.',
          'The measure captures no images or sound of residents; the need for help against aggression suffices.',
        ),
      ]);
    }
    const { imminentDanger, statistics } = f.scenario.evidence;
    const dangerAge =
      imminentDanger === undefined
        ? undefined
        : dayNumber(f.scenario.assessedOn) - dayNumber(imminentDanger.date);
    const currentDanger = dangerAge !== undefined && dangerAge >= 0 && dangerAge <= EVIDENCE_WINDOW_DAYS;
    const incidents = f.relevantIncidents;
    if (incidents.length === 0 && !currentDanger) {
      return finding(this, 'fail', [
        statistics !== undefined
          ? t(
              'Alleen algemene statistieken: die tonen geen echt en actueel risico voor deze ruimte.',
              'General statistics only: they do not show a real, present risk for this room.',
            )
          : t(
              'Geen gedocumenteerde incidenten in deze ruimten en gesprekken in de afgelopen twee jaar, en geen concreet dreigend gevaar.',
              'No documented incidents in these rooms and conversations in the last two years, and no concrete imminent danger.',
            ),
      ]);
    }
    const serious = incidents.filter((i) => i.severity !== 'low' || i.policeReport);
    const n = counted(
      incidents.length,
      ['gedocumenteerd incident', 'gedocumenteerde incidenten'],
      ['documented incident', 'documented incidents'],
    );
    const reasons = [
      t(
        `${n.nl} in de scope, waarvan ${serious.length} ernstig of met aangifte${currentDanger ? '; daarnaast een concreet dreigend gevaar' : ''}.`,
        `${n.en} in scope, ${serious.length} of them serious or reported to the police${currentDanger ? '; and a concrete imminent danger' : ''}.`,
      ),
    ];
    if (serious.length === 0 && !currentDanger) {
      return finding(this, 'review', [
        ...reasons,
        t(
          'Alleen lichte incidenten zonder aangifte: een persoon moet beoordelen of dat een echt risico is.',
          'Only low-severity incidents without a police report: a person must judge whether that is a real risk.',
        ),
      ]);
    }
    return finding(this, 'pass', reasons);
  },
};
