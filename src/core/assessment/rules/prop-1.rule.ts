/** PROP-1 — EDPB 3/2019 §36–39 (verify): in interview rooms the residents' interests are presumed to override. */
import { finding, type Rule, unconfirmedSource } from '../rule.js';
import { counted, t } from '../text.js';

export const prop1Rule: Rule = {
  id: 'PROP-1',
  title: t(
    'Vermoeden: het belang van de inwoner weegt zwaarder',
    'Presumption: the resident’s interests override',
  ),
  source: unconfirmedSource('EDPB-richtsnoeren 3/2019, punt 36–39', 'EDPB Guidelines 3/2019, paras. 36–39'),
  evaluate(f) {
    if (!f.residentData)
      return finding(this, 'pass', [
        t('Geen beeld of geluid van het gesprek.', 'No images or sound of the conversation.'),
      ]);
    const concrete = f.relevantIncidents.filter((i) => i.severity !== 'low' || i.policeReport);
    if (concrete.length === 0 && f.scenario.evidence.imminentDanger === undefined) {
      return finding(this, 'fail', [
        t(
          'In een spreekkamer gaat het om zeer persoonlijke zaken; zonder concreet bewijs (ernstige incidenten, aangifte of dreigend gevaar) blijft het vermoeden staan.',
          'An interview room is where highly personal matters are discussed; without concrete evidence (serious incidents, police reports or imminent danger) the presumption stands.',
        ),
      ]);
    }
    const n = counted(
      concrete.length,
      ['ernstig incident', 'ernstige incidenten'],
      ['serious incident', 'serious incidents'],
    );
    return finding(this, 'review', [
      t(
        `Er is concreet bewijs (${n.nl}${f.scenario.evidence.imminentDanger ? ', dreigend gevaar' : ''}); of het het vermoeden weerlegt, is een menselijke afweging.`,
        `There is concrete evidence (${n.en}${f.scenario.evidence.imminentDanger ? ', imminent danger' : ''}); whether it rebuts the presumption is a human judgement.`,
      ),
    ]);
  },
};
