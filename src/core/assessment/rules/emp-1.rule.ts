/** EMP-1 — WOR art. 27(1)(l) (staff personal-data rules: 27(1)(k)); without consent only with the court's permission (27(4)). */
import { condition, finding, type Rule } from '../rule.js';
import { t } from '../text.js';

export const emp1Rule: Rule = {
  id: 'EMP-1',
  title: t('Instemming van de ondernemingsraad', 'Works-council consent'),
  source: 'WOR art. 27(1)(l) (staff personal-data rules: 27(1)(k)); 27(4)',
  evaluate(f) {
    if (!f.personalData || !f.measure.observesStaff || !f.scenario.peopleAffected.staff) {
      return finding(this, 'pass', [
        t('De maatregel kan medewerkers niet volgen.', 'The measure cannot observe staff.'),
      ]);
    }
    const date = f.scenario.safeguards.worksCouncilConsentDate;
    if (date !== undefined)
      return finding(this, 'pass', [
        t(`De OR stemde in op ${date}.`, `The works council consented on ${date}.`),
      ]);
    return finding(
      this,
      'condition',
      [
        t(
          'De maatregel kan aanwezigheid of gedrag van medewerkers vastleggen.',
          'The measure can record staff presence or behaviour.',
        ),
      ],
      [
        condition(
          this,
          'works-council-consent',
          t(
            'Instemming van de OR, met datum (WOR art. 27(1)(l)).',
            'Works-council consent, dated (WOR art. 27(1)(l)).',
          ),
        ),
      ],
    );
  },
};
