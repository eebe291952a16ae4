/**
 * DPIA-1 — GDPR Art. 35(1),(4); AP DPIA list of 27 Nov 2019 (Stcrt. 2019, 64418 — number unconfirmed;
 * items 1, 9, 10, 11 confirmed); WP248 rev.01:
 * a DPIA before start when required; a missing or late DPIA is itself a finding.
 */
import { dayNumber } from '../facts.js';
import { condition, finding, type Rule, unconfirmedSource } from '../rule.js';
import { t } from '../text.js';

export const dpia1Rule: Rule = {
  id: 'DPIA-1',
  title: t('DPIA vóór de start', 'DPIA before start'),
  source: unconfirmedSource(
    'AVG art. 35 lid 1 en lid 4; AP-lijst van verwerkingen waarvoor een DPIA verplicht is, 27 november 2019 (Staatscourant 2019, 64418: punten 1, 9, 10 en 11); WP248 rev.01',
    'GDPR Art. 35(1) and (4); AP list of processing operations requiring a DPIA, 27 November 2019 (Government Gazette 2019, 64418: items 1, 9, 10 and 11); WP248 rev.01',
  ),
  evaluate(f) {
    const { dpia } = f;
    if (!dpia.required) return finding(this, 'pass', dpia.reasons);
    const done = f.scenario.dpia.date;
    const start = f.scenario.measure.startDate;
    const started = start !== undefined && dayNumber(start) <= dayNumber(f.scenario.assessedOn);
    if (done === undefined) {
      if (started)
        return finding(this, 'fail', [
          ...dpia.reasons,
          t('De maatregel is gestart zonder DPIA.', 'The measure started without a DPIA.'),
        ]);
      return finding(
        this,
        'condition',
        [...dpia.reasons, t('De DPIA is nog niet afgerond.', 'The DPIA is not yet completed.')],
        [
          condition(
            this,
            'dpia-before-start',
            t('DPIA afgerond vóór de start.', 'DPIA completed before start.'),
          ),
        ],
      );
    }
    if (start !== undefined && dayNumber(done) > dayNumber(start)) {
      const days = dayNumber(done) - dayNumber(start);
      return finding(this, 'fail', [
        ...dpia.reasons,
        t(
          `De DPIA kwam ${days} dagen na de start (te laat).`,
          `The DPIA came ${days} days after the start (late).`,
        ),
      ]);
    }
    return finding(this, 'pass', [
      ...dpia.reasons,
      t(`DPIA uitgevoerd op ${done}, vóór de start.`, `DPIA carried out on ${done}, before the start.`),
    ]);
  },
};
