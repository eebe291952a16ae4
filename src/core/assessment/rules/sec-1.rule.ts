/**
 * SEC-1 — GDPR Art. 32; EDPB 3/2019 section 9, §123–135 (encryption §134, access control and logging §135):
 * named roles, four eyes, logged access, encryption at rest.
 */
import { condition, confirmedSource, finding, type Rule } from '../rule.js';
import { t } from '../text.js';

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
    const missing: string[] = [];
    if (a === undefined || a.roles.length === 0) missing.push('named roles');
    if (a?.fourEyes !== true) missing.push('four-eyes approval');
    if (a?.logged !== true) missing.push('logging');
    if (f.measure.stores && a?.encryptedAtRest !== true) missing.push('encryption at rest');
    if (missing.length === 0)
      return finding(this, 'pass', [
        t(
          `Toegang alleen voor: ${a?.roles.join(', ')}; vier ogen, gelogd.`,
          `Access only for: ${a?.roles.join(', ')}; four eyes, logged.`,
        ),
      ]);
    const list = missing.join(', ');
    return finding(
      this,
      'condition',
      [t(`Ontbreekt: ${list}.`, `Missing: ${list}.`)],
      [
        condition(
          this,
          'access-control',
          t(`Toegangsregels compleet (${list}).`, `Access rules complete (${list}).`),
        ),
      ],
    );
  },
};
