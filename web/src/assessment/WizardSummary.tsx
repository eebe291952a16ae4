/**
 * The wizard's summary: the live verdict, what blocks it and which conditions are still open,
 * each linked to the step and the question that would change it. Beside the form on a wide
 * screen (sticky), a compact bar at the bottom of a phone's screen that opens to the lists.
 */
import { Heading2, Heading3, Link, Paragraph } from '@utrecht/component-library-react';
import { useState, type MouseEvent } from 'react';
import type { Comparison, Evaluation } from '../api.js';
import { useI18n } from '../i18n/index.js';
import { CONDITION_TARGETS, fieldsFor } from './field-map.js';
import { VerdictBadge, verdictSummary } from './Findings.js';
import type { WizardStep } from './paths.js';

/** The live findings: none yet, being fetched, the evaluation, or what is missing for one. */
export type Live =
  | { readonly kind: 'idle' }
  | { readonly kind: 'busy' }
  | {
      readonly kind: 'ok';
      readonly evaluation: Evaluation;
      readonly comparison: Comparison | undefined;
      readonly busy?: boolean;
    }
  | { readonly kind: 'incomplete'; readonly messages: readonly string[] };

/** A question the wizard itself still needs answered (not a rule's finding). */
export interface Unanswered {
  readonly label: string;
  readonly ids: readonly string[];
}

export interface WizardSummaryProps {
  readonly live: Live;
  readonly unanswered: readonly Unanswered[];
  /** The step a field is on for the current answers, or undefined when it is not asked now. */
  readonly stepFor: (ids: readonly string[]) => WizardStep | undefined;
  readonly onJump: (ids: readonly string[]) => void;
}

/** Wide enough for the side panel (layout: 64rem); below it the summary starts folded. */
const wide = (): boolean => window.matchMedia?.('(min-width: 64rem)').matches ?? true;

export const WizardSummary = ({ live, unanswered, stepFor, onJump }: WizardSummaryProps) => {
  const { t, lang } = useI18n();
  const tu = t.assessmentUi;
  const [openAtStart] = useState(wide);
  const evaluation = live.kind === 'ok' ? live.evaluation : undefined;
  const blocking = evaluation?.findings.filter((f) => f.effectiveOutcome === 'fail') ?? [];
  const conditions = evaluation?.conditions ?? [];
  const item = (key: string, text: string, ids: readonly string[], fallback?: string) => {
    const step = stepFor(ids);
    const first = ids[0] ?? '';
    return (
      <li key={key}>
        {step ? (
          <>
            <Link
              href={`#${first}`}
              onClick={(e: MouseEvent<HTMLElement>) => {
                e.preventDefault();
                // On a phone the opened bar would cover the question: fold it first.
                if (!wide()) e.currentTarget.closest('details')?.removeAttribute('open');
                onJump(ids);
              }}
            >
              {text}
            </Link>{' '}
            <span className="pp-wizard-summary__where">({tu.inStep(tu.steps[step])})</span>
          </>
        ) : (
          <>
            {text}
            {fallback ? <span className="pp-wizard-summary__where"> ({fallback})</span> : null}
          </>
        )}
      </li>
    );
  };
  const open = conditions.length + unanswered.length;
  const status =
    live.kind === 'busy' || (live.kind === 'ok' && live.busy)
      ? t.wizard.evaluating
      : live.kind === 'ok'
        ? verdictSummary(t, live.evaluation)
        : live.kind === 'incomplete'
          ? `${t.wizard.incomplete} ${live.messages.join('; ')}`
          : '';
  return (
    // Focusable: the summary scrolls on its own when long, and keyboard users must reach it (axe
    // scrollable-region-focusable).
    <aside aria-labelledby="wiz-summary" className="pp-wizard-summary" tabIndex={0}>
      <Heading2 id="wiz-summary" className="pp-wizard-summary__title">
        {tu.summary}
      </Heading2>
      {/* One polite sentence per update; the lists themselves are not a live region. */}
      <Paragraph role="status" className="pp-wizard__verdict">
        {status}
      </Paragraph>
      {evaluation ? (
        <details className="pp-wizard-summary__details" open={openAtStart}>
          <summary className="pp-wizard-summary__bar">
            <VerdictBadge verdict={evaluation.verdict} />{' '}
            <span className="pp-wizard-summary__counts">
              {tu.blocking} ({blocking.length}) · {tu.open} ({open})
            </span>
          </summary>
          <Heading3>{tu.blocking}</Heading3>
          {blocking.length === 0 ? (
            <Paragraph>{tu.nothingBlocks}</Paragraph>
          ) : (
            <ul className="pp-wizard-summary__list" aria-label={tu.blocking}>
              {blocking.map((f) => item(f.ruleId, `${f.ruleId} ${f.title[lang]}`, fieldsFor(f.ruleId)))}
            </ul>
          )}
          <Heading3>{tu.open}</Heading3>
          {open === 0 ? (
            <Paragraph>{tu.nothingOpen}</Paragraph>
          ) : (
            <ul className="pp-wizard-summary__list" aria-label={tu.open}>
              {unanswered.map((u) => item(`q-${u.label}`, `${u.label} ${tu.unanswered}`, u.ids))}
              {conditions.map((c, i) => {
                const workflow = 'workflow' in CONDITION_TARGETS[c.kind];
                return item(
                  `${c.ruleId}-${c.kind}-${i}`,
                  `${c.ruleId}: ${c.text[lang]}`,
                  workflow ? [] : fieldsFor(c.ruleId, c.kind),
                  workflow ? tu.afterSaving : undefined,
                );
              })}
            </ul>
          )}
        </details>
      ) : null}
    </aside>
  );
};
