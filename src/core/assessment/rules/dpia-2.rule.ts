/** DPIA-2 — GDPR Art. 35(2),(9),(11), 36: DPO advice, views of data subjects, review, prior consultation on high residual risk. */
import { type Condition, condition, confirmedSource, finding, type Rule } from '../rule.js';
import { t } from '../text.js';

export const dpia2Rule: Rule = {
  id: 'DPIA-2',
  title: t(
    'Inhoud van de DPIA: FG-advies, zienswijzen, herziening, voorafgaande raadpleging',
    'DPIA content: DPO advice, views, review, prior consultation',
  ),
  source: confirmedSource(
    'AVG art. 35 lid 2, lid 9 en lid 11; art. 36',
    'GDPR Art. 35(2), (9) and (11); Art. 36',
  ),
  evaluate(f) {
    if (!f.dpia.required) return finding(this, 'pass', [t('Geen DPIA verplicht.', 'No DPIA required.')]);
    const { dpia, safeguards } = f.scenario;
    if (dpia.residualRisk === 'high' && dpia.priorConsultationDate === undefined) {
      return finding(this, 'fail', [
        t(
          'Hoog restrisico zonder voorafgaande raadpleging van de AP (art. 36).',
          'High residual risk without prior consultation of the AP (Art. 36).',
        ),
      ]);
    }
    const conditions: Condition[] = [];
    if (safeguards.dpoAdviceDate === undefined)
      conditions.push(
        condition(
          this,
          'dpo-advice',
          t('Advies van de FG vastgelegd (art. 35 lid 2 AVG).', 'DPO advice recorded (Art. 35(2)).'),
        ),
      );
    const views = dpia.dataSubjectViews;
    const viewsOk =
      views !== undefined &&
      (views.sought ? views.summary !== undefined : views.reasonNotSought !== undefined);
    if (!viewsOk) {
      conditions.push(
        condition(
          this,
          'data-subject-views',
          t(
            'Zienswijze van betrokkenen of hun vertegenwoordigers (cliëntenraad, OR) vastgelegd, of waarom niet gevraagd (art. 35 lid 9 AVG).',
            'Views of data subjects or their representatives (client council, works council) recorded, or why not sought (Art. 35(9)).',
          ),
        ),
      );
    }
    if (safeguards.reviewDate === undefined)
      conditions.push(
        condition(
          this,
          'review-date',
          t('Herzieningsdatum vastgesteld (art. 35 lid 11 AVG).', 'Review date set (Art. 35(11)).'),
        ),
      );
    if (conditions.length > 0)
      return finding(
        this,
        'condition',
        [t('De DPIA is nog niet compleet.', 'The DPIA is not yet complete.')],
        conditions,
      );
    return finding(this, 'pass', [
      t(
        'FG-advies, zienswijzen en herzieningsdatum zijn vastgelegd.',
        'DPO advice, views and review date are recorded.',
      ),
    ]);
  },
};
