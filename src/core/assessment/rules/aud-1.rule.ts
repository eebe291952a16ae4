/**
 * AUD-1 — EDPB 3/2019 §129 (functions not needed, audio included, must be deactivated); AP workplace-camera guidance
 * as relayed by the government business portal (no sound recordings with workplace cameras).
 */
import { confirmedSource, finding, type Rule } from '../rule.js';
import { t } from '../text.js';

export const aud1Rule: Rule = {
  id: 'AUD-1',
  title: t('Geluid staat uit', 'Sound is off'),
  source: confirmedSource(
    'EDPB-richtsnoeren 3/2019, punt 129; AP-richtlijn camera’s op de werkplek, zoals weergegeven op het ondernemersplein van de overheid: geen geluidsopnamen',
    'EDPB Guidelines 3/2019, para. 129; AP workplace-camera guidance as relayed by the government business portal: no sound recordings',
  ),
  evaluate(f) {
    if (!f.audio)
      return finding(this, 'pass', [
        t('Er wordt geen geluid opgenomen of doorgegeven.', 'No sound is recorded or transmitted.'),
      ]);
    const justification = f.scenario.safeguards.audioJustification;
    if (justification === undefined) {
      return finding(this, 'fail', [
        t(
          'Geluid staat aan zonder afzonderlijke rechtvaardiging; functies die niet nodig zijn, moeten uit.',
          'Sound is on without a separate justification; functions that are not needed must be switched off.',
        ),
      ]);
    }
    return finding(this, 'review', [
      t(
        `Afzonderlijke rechtvaardiging voor geluid: ${justification}`,
        `Separate justification for sound: ${justification}`,
      ),
    ]);
  },
};
