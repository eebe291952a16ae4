/**
 * TRN-1 — GDPR Art. 13; EDPB 3/2019 §110–111 (layered notice, the sign is the first layer);
 * §112–117 (position, first-layer content, second layer; verify). "Only on an alarm" and the letter are our design.
 */
import { type Condition, condition, finding, type Rule, unconfirmedSource } from '../rule.js';
import { SIGN_ITEMS } from '../scenario.schema.js';
import { t, type Text } from '../text.js';

/** What a sign states, as a reader of the condition names it. */
const SIGN_ITEM_NAMES: Record<(typeof SIGN_ITEMS)[number], Text> = {
  purpose: t('het doel', 'the purpose'),
  controller: t('de verwerkingsverantwoordelijke', 'the controller'),
  rights: t('de rechten van betrokkenen', 'the rights of data subjects'),
  'dpo-contact': t('contactgegevens van de functionaris gegevensbescherming', 'contact details of the DPO'),
  retention: t('de bewaartermijn', 'the retention period'),
  'alarm-only': t('dat alleen bij een alarm wordt opgenomen', 'that recording happens only on an alarm'),
  'second-layer-link': t('een verwijzing naar de tweede laag', 'a link to the second layer'),
};

export const trn1Rule: Rule = {
  id: 'TRN-1',
  title: t(
    'Informatie in lagen: bord, tweede laag, uitnodigingsbrief',
    'Layered notice: sign, second layer, invitation letter',
  ),
  source: unconfirmedSource(
    'AVG art. 13; EDPB-richtsnoeren 3/2019, punt 110–111 en punt 112–117',
    'GDPR Art. 13; EDPB Guidelines 3/2019, paras. 110–111 and 112–117',
  ),
  evaluate(f) {
    if (!f.residentData)
      return finding(this, 'pass', [
        t(
          'Geen beeld of geluid van inwoners; medewerkers worden intern geïnformeerd.',
          'No images or sound of residents; staff are informed internally.',
        ),
      ]);
    if (f.measure.covert)
      return finding(this, 'fail', [
        t('Heimelijke opname informeert niemand vooraf.', 'Covert recording informs nobody beforehand.'),
      ]);
    const tr = f.scenario.safeguards.transparency;
    const conditions: Condition[] = [];
    const needed = SIGN_ITEMS.filter((i) => i !== 'alarm-only' || f.measure.id === 'incident-recording');
    const missing = needed.filter((i) => !(tr?.signContents ?? []).includes(i));
    if (tr?.sign !== true || missing.length > 0) {
      const list = (lang: 'nl' | 'en') => missing.map((i) => SIGN_ITEM_NAMES[i][lang]).join(', ');
      conditions.push(
        condition(
          this,
          'signage',
          t(
            `Bord vóór binnenkomst met: ${list('nl') || 'alle vereiste onderdelen'}.`,
            `Sign before entry stating: ${list('en') || 'all required items'}.`,
          ),
        ),
      );
    }
    if (tr?.secondLayer !== true)
      conditions.push(
        condition(
          this,
          'second-layer',
          t(
            'Tweede laag bereikbaar (webpagina, folder, QR-code).',
            'Second layer reachable (web page, leaflet, QR code).',
          ),
        ),
      );
    if (tr?.letterText === undefined)
      conditions.push(
        condition(
          this,
          'letter',
          t('Vermelding in de uitnodigingsbrief.', 'Mention in the invitation letter.'),
        ),
      );
    if (conditions.length > 0)
      return finding(
        this,
        'condition',
        [
          t(
            'De informatie aan inwoners is nog niet compleet.',
            'The information to residents is not yet complete.',
          ),
        ],
        conditions,
      );
    return finding(this, 'pass', [
      t('Bord, tweede laag en brief zijn compleet.', 'Sign, second layer and letter are complete.'),
    ]);
  },
};
