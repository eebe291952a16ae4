/** RGT-2 — EDPB 3/2019 §105–106: residents may enter these rooms, so processing must stop at once when they object. */
import { condition, confirmedSource, finding, type Rule } from '../rule.js';
import { t } from '../text.js';

export const rgt2Rule: Rule = {
  id: 'RGT-2',
  title: t('Bezwaar zet de opname direct uit', 'An objection switches recording off at once'),
  source: confirmedSource('EDPB-richtsnoeren 3/2019, punt 105–106', 'EDPB Guidelines 3/2019, paras. 105–106'),
  evaluate(f) {
    if (!f.residentData)
      return finding(this, 'pass', [
        t('Geen beeld of geluid van inwoners.', 'No images or sound of residents.'),
      ]);
    const sw = f.scenario.safeguards.objectionSwitchesOff;
    if (sw === false) {
      return finding(this, 'fail', [
        t(
          'De opname kan niet direct worden gestopt als een inwoner bezwaar maakt, terwijl inwoners recht hebben op toegang tot deze ruimte.',
          'Recording cannot be stopped at once when a resident objects, while residents are entitled to enter this room.',
        ),
      ]);
    }
    if (sw === true)
      return finding(this, 'pass', [
        t(
          'De medewerker kan de opname bij bezwaar direct uitzetten.',
          'Staff can switch recording off at once on objection.',
        ),
      ]);
    return finding(
      this,
      'condition',
      [
        t(
          'Niet vastgelegd hoe een bezwaar de opname stopt.',
          'Not recorded how an objection stops the recording.',
        ),
      ],
      [
        condition(
          this,
          'objection-switch',
          t(
            'Een bezwaar zet de opname direct uit, zonder gevolgen voor de dienst.',
            'An objection switches recording off at once, without consequences for the service.',
          ),
        ),
      ],
    );
  },
};
