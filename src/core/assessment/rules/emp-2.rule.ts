/**
 * EMP-2 — purpose limitation (GDPR Art. 5(1)(b)); AP workplace-camera guidance via the government business portal;
 * ECtHR Antović and Mirković v. Montenegro (no. 70838/13, 28 Nov 2017): never to assess staff.
 */
import { condition, confirmedSource, finding, type Rule } from '../rule.js';
import { t } from '../text.js';

export const emp2Rule: Rule = {
  id: 'EMP-2',
  title: t('Nooit voor beoordeling van medewerkers', 'Never used to assess staff'),
  source: confirmedSource(
    'AVG art. 5 lid 1, onder b (doelbinding); AP-richtlijn camera’s op de werkplek, zoals weergegeven op het ondernemersplein van de overheid (camera’s niet om werknemers te beoordelen); EHRM Antović en Mirković t. Montenegro, nr. 70838/13, 28 november 2017',
    'GDPR Art. 5(1)(b) purpose limitation; AP workplace-camera guidance as relayed by the government business portal (cameras not to assess employees); ECtHR Antović and Mirković v. Montenegro, no. 70838/13, 28 November 2017',
  ),
  evaluate(f) {
    if (f.scenario.claims?.usedForStaffAssessment === true && f.personalData) {
      return finding(this, 'fail', [
        t(
          'De gegevens worden (ook) gebruikt om medewerkers te beoordelen.',
          'The data are (also) used to assess staff.',
        ),
      ]);
    }
    if (!f.residentData) return finding(this, 'pass', [t('Geen beelden of geluid.', 'No footage or sound.')]);
    if (f.scenario.safeguards.noStaffPerformanceUse === true) {
      return finding(this, 'pass', [
        t(
          'Schriftelijk vastgelegd: beelden worden nooit gebruikt om medewerkers te beoordelen.',
          'Recorded in writing: footage is never used to assess staff.',
        ),
      ]);
    }
    return finding(
      this,
      'condition',
      [
        t(
          'Geen schriftelijk verbod op gebruik voor beoordeling van medewerkers.',
          'No written ban on use for assessing staff.',
        ),
      ],
      [
        condition(
          this,
          'no-staff-performance-use',
          t(
            'Schriftelijk verbod: beelden nooit gebruiken om medewerkers te beoordelen.',
            'Written ban: footage is never used to assess staff.',
          ),
        ),
      ],
    );
  },
};
