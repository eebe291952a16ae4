/**
 * RET-1 — EDPB 3/2019 §121–122 (verify: erase after a few days, beyond 72 h more justification);
 * AP workplace guidance via the government business portal (ondernemersplein.kvk.nl): at most 4 weeks
 * unless an incident is handled.
 */
import { condition, finding, type Rule, unconfirmedSource } from '../rule.js';
import { t } from '../text.js';

export const SHORT_RETENTION_HOURS = 72;
export const MAX_RETENTION_HOURS = 24 * 28;

export const ret1Rule: Rule = {
  id: 'RET-1',
  title: t('Korte bewaartermijn, automatisch verwijderen', 'Short retention, automatic deletion'),
  source: unconfirmedSource(
    'EDPB-richtsnoeren 3/2019, punt 121–122; AP-richtlijn camera’s op de werkplek, zoals weergegeven op het ondernemersplein van de overheid: hooguit 4 weken, langer alleen bij een incident zolang dat loopt',
    'EDPB Guidelines 3/2019, paras. 121–122; AP workplace guidance as relayed by the government business portal: at most 4 weeks, longer only for an incident until it is resolved',
  ),
  evaluate(f) {
    if (!f.residentData || !f.measure.stores) {
      return finding(this, 'pass', [
        t('Er worden geen beelden of geluid bewaard.', 'No footage or sound is stored.'),
      ]);
    }
    const { retentionHours: hours, retentionJustification, automaticDeletion } = f.scenario.safeguards;
    if (hours === undefined) {
      return finding(this, 'fail', [
        t(
          'Geen bewaartermijn vastgesteld: beelden zouden onbeperkt bewaard worden.',
          'No retention period set: footage would be kept without limit.',
        ),
      ]);
    }
    if (hours > MAX_RETENTION_HOURS) {
      return finding(this, 'fail', [
        t(
          `Bewaartermijn ${hours} uur is langer dan vier weken; langer mag alleen voor een incident dat nog wordt afgehandeld (bewaarplicht).`,
          `Retention of ${hours} hours exceeds four weeks; longer is allowed only for an incident still being handled (legal hold).`,
        ),
      ]);
    }
    const deletion =
      automaticDeletion === true
        ? []
        : [
            condition(
              this,
              'automatic-deletion',
              t(
                'Beelden worden na de bewaartermijn automatisch verwijderd.',
                'Footage is deleted automatically when the retention period ends.',
              ),
            ),
          ];
    if (hours > SHORT_RETENTION_HOURS) {
      if (retentionJustification === undefined) {
        return finding(
          this,
          'condition',
          [
            t(
              `Bewaartermijn ${hours} uur is langer dan 72 uur zonder extra rechtvaardiging.`,
              `Retention of ${hours} hours exceeds 72 hours without extra justification.`,
            ),
          ],
          [
            condition(
              this,
              'retention-max',
              t('Bewaartermijn ten hoogste 72 uur.', 'Retention at most 72 hours.'),
              SHORT_RETENTION_HOURS,
            ),
            ...deletion,
          ],
        );
      }
      return finding(
        this,
        'review',
        [
          t(
            `Bewaartermijn ${hours} uur, gerechtvaardigd met: ${retentionJustification}`,
            `Retention of ${hours} hours, justified by: ${retentionJustification}`,
          ),
        ],
        deletion,
      );
    }
    if (deletion.length > 0)
      return finding(
        this,
        'condition',
        [t(`Bewaartermijn ${hours} uur.`, `Retention of ${hours} hours.`)],
        deletion,
      );
    return finding(this, 'pass', [
      t(
        `Bewaartermijn ${hours} uur, automatisch verwijderd.`,
        `Retention of ${hours} hours, deleted automatically.`,
      ),
    ]);
  },
};
