/**
 * SEC-1 — GDPR Art. 32; EDPB 3/2019 section 9, §123–135 (encryption §134, access control and logging §135):
 * named roles, four eyes, logged access, encryption at rest.
 */
import { condition, confirmedSource, finding, type Rule } from '../rule.js';
import { perLanguage, t, type Text } from '../text.js';

export const sec1Rule: Rule = {
  id: 'SEC-1',
  title: t(
    'Toegang tot beelden: benoemde rollen, vier ogen, gelogd, versleuteld',
    'Access to footage: named roles, four eyes, logged, encrypted',
  ),
  source: confirmedSource(
    'AVG art. 32; EDPB-richtsnoeren 3/2019, punt 123–135 (versleuteling: punt 134; toegangsbeveiliging en logging: punt 135)',
    'GDPR Art. 32; EDPB Guidelines 3/2019, paras. 123–135 (encryption: para. 134; access control and logging: para. 135)',
  ),
  evaluate(f) {
    if (!f.residentData)
      return finding(this, 'pass', [
        t(
          'Geen beelden; het alarmlog is alleen voor benoemde rollen.',
          'No footage; the alarm log is for named roles only.',
        ),
      ]);
    const a = f.scenario.safeguards.access;
    const missing: Text[] = [];
    if (a === undefined || a.roles.length === 0) missing.push(t('benoemde rollen', 'named roles'));
    if (a?.fourEyes !== true) missing.push(t('goedkeuring door een tweede persoon', 'four-eyes approval'));
    if (a?.logged !== true) missing.push(t('logging', 'logging'));
    if (f.measure.stores && a?.encryptedAtRest !== true)
      missing.push(t('versleutelde opslag', 'encryption at rest'));
    if (missing.length === 0)
      return finding(this, 'pass', [
        t(
          `Toegang alleen voor: ${a?.roles.join(', ')}; vier ogen, gelogd.`,
          `Access only for: ${a?.roles.join(', ')}; four eyes, logged.`,
        ),
      ]);
    const list = perLanguage((lang) => missing.map((m) => m[lang]).join(', '));
    return finding(
      this,
      'condition',
      [t(`Ontbreekt: ${list.nl}.`, `Missing: ${list.en}.`)],
      [
        condition(
          this,
          'access-control',
          t(`Toegangsregels compleet (${list.nl}).`, `Access rules complete (${list.en}).`),
        ),
      ],
    );
  },
};
