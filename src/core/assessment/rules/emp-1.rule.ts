/**
 * EMP-1 — WOR art. 27(1)(l) (staff personal-data rules: 27(1)(k)); without consent only with the
 * court's permission (27(4)). Consent comes before the measure: a measure that has already started
 * without it is a breach now, not a condition for later (as DPIA-1 treats a DPIA that came late).
 */
import { dayNumber } from '../facts.js';
import { condition, confirmedSource, finding, type Rule } from '../rule.js';
import { t } from '../text.js';

export const emp1Rule: Rule = {
  id: 'EMP-1',
  title: t('Instemming van de ondernemingsraad', 'Works-council consent'),
  source: confirmedSource(
    'WOR art. 27 lid 1, onder l (regeling over personeelsgegevens: onder k); art. 27 lid 4',
    'Works Councils Act (WOR) Art. 27(1)(l) (rules on staff personal data: 27(1)(k)); Art. 27(4)',
  ),
  evaluate(f) {
    if (!f.personalData || !f.measure.observesStaff || !f.scenario.peopleAffected.staff) {
      return finding(this, 'pass', [
        t('De maatregel kan medewerkers niet volgen.', 'The measure cannot observe staff.'),
      ]);
    }
    const observes = t(
      'De maatregel kan aanwezigheid of gedrag van medewerkers vastleggen.',
      'The measure can record staff presence or behaviour.',
    );
    const consent = f.scenario.safeguards.worksCouncilConsentDate;
    const start = f.scenario.measure.startDate;
    const started = start !== undefined && dayNumber(start) <= dayNumber(f.scenario.assessedOn);
    if (consent === undefined) {
      if (started)
        return finding(this, 'fail', [
          observes,
          t(
            `De maatregel is op ${start} gestart zonder instemming van de OR: dat is nu al in strijd met art. 27 lid 1, onder l WOR, geen voorwaarde voor later.`,
            `The measure started on ${start} without works-council consent: that is a breach of WOR art. 27(1)(l) now, not a condition for later.`,
          ),
        ]);
      return finding(
        this,
        'condition',
        [observes],
        [
          condition(
            this,
            'works-council-consent',
            t(
              'Instemming van de OR, met datum, vóór de start (art. 27 lid 1, onder l WOR).',
              'Works-council consent, dated, before the start (WOR art. 27(1)(l)).',
            ),
          ),
        ],
      );
    }
    if (start !== undefined && dayNumber(consent) > dayNumber(start)) {
      const days = dayNumber(consent) - dayNumber(start);
      return finding(this, 'fail', [
        observes,
        t(
          `De OR stemde pas in op ${consent}, ${days} dagen na de start op ${start}: de maatregel liep zonder instemming (te laat).`,
          `The works council consented only on ${consent}, ${days} days after the start on ${start}: the measure ran without consent (late).`,
        ),
      ]);
    }
    return finding(this, 'pass', [
      t(`De OR stemde in op ${consent}.`, `The works council consented on ${consent}.`),
    ]);
  },
};
