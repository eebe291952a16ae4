/**
 * The workflow around an assessment version (GDPR Art. 35(2), 35(9), the controller's decision)
 * as the reports print it: ReportWorkflow, read from a stored version's records (names, dates,
 * reasons — never typed into the scenario), and the Markdown section that ends report.md.
 */
import { renderMarkdown } from '../../core/assessment/report-markdown.js';
import type { ReportModel } from '../../core/assessment/report-model.js';
import { inLanguage, t, type Lang } from '../../core/assessment/text.js';
import type { VersionStatus } from '../../core/assessment/workflow.js';
import type { AssessmentVersion } from '../../services/assessment-ports.js';

/**
 * The report model is the engine's output and holds none of this; the workflow passes it in.
 * Everything is optional: a missing part is reported as missing.
 */
export interface ReportWorkflow {
  readonly version?: number | string;
  /** A submitted version is still a draft to the reader of a DPIA, until it is decided. */
  readonly status?: VersionStatus;
  /** Art. 35(2): the DPO's advice, in their words. */
  readonly dpoAdvice?: {
    readonly by: string;
    readonly date: string;
    readonly advice: string;
    /** What the DPO recommends (approve, approve-with-conditions, reject). */
    readonly recommendation?: string;
    readonly followed?: boolean;
    readonly response?: string;
  };
  /** Art. 35(9): the views of data subjects or their representatives, or why they were not sought. */
  readonly dataSubjectViews?: {
    readonly sought: boolean;
    /** Who gave them, e.g. "Cliëntenraad", "Ondernemingsraad". */
    readonly from?: string;
    readonly date?: string;
    readonly summary?: string;
    readonly reasonNotSought?: string;
  };
  /** The accountable official's decision. */
  readonly decision?: {
    readonly by: string;
    readonly role?: string;
    readonly date: string;
    readonly outcome: 'approved' | 'rejected';
    readonly reasons: string;
    /** The date the approval ends. */
    readonly validUntil?: string;
    /** When the approval is in force, as recorded (ISO instants). */
    readonly inForce?: { readonly from: string; readonly until: string };
  };
  readonly withdrawal?: { readonly date: string; readonly reason: string };
}

const day = (iso: string): string => iso.slice(0, 10);

/** A stored version's workflow records as the reports print them. */
export const reportWorkflow = (v: AssessmentVersion): ReportWorkflow => {
  const a = v.dpoAdvice;
  const w = v.dataSubjectViews;
  const d = v.decision;
  return {
    version: v.version,
    status: v.status,
    ...(a
      ? {
          dpoAdvice: {
            by: a.name,
            date: day(a.at),
            advice: a.advice,
            recommendation: a.recommendation,
            // As the DPIA document has always shown it: the recommendation under "response".
            response: a.recommendation,
          },
        }
      : {}),
    ...(w
      ? {
          dataSubjectViews: {
            sought: w.sought,
            date: day(w.at),
            ...(w.representatives ? { from: w.representatives } : {}),
            ...(w.summary ? { summary: w.summary } : {}),
            ...(w.reasonNotSought ? { reasonNotSought: w.reasonNotSought } : {}),
          },
        }
      : {}),
    ...(d
      ? {
          decision: {
            by: d.name,
            role: 'verantwoordelijke / accountable official',
            date: day(d.at),
            outcome: d.outcome,
            reasons: d.reasons,
            ...(v.validUntil
              ? { validUntil: day(v.validUntil), inForce: { from: v.validFrom ?? d.at, until: v.validUntil } }
              : {}),
          },
        }
      : {}),
    ...(v.withdrawal ? { withdrawal: { date: day(v.withdrawal.at), reason: v.withdrawal.reason } } : {}),
  };
};

const LABELS = {
  decisionMaking: t('Besluitvorming', 'Decision-making'),
  version: t('versie', 'version'),
  dpoAdvice: t('Advies FG (AVG art. 35 lid 2)', 'DPO advice (GDPR Art. 35(2))'),
  views: t('Zienswijze betrokkenen (art. 35 lid 9)', 'Views of data subjects (Art. 35(9))'),
  notYetRecorded: t('nog niet vastgelegd', 'not yet recorded'),
  viewsNotSought: t('Zienswijze niet gevraagd, omdat', 'Views not sought, because'),
  decision: t('Besluit', 'Decision'),
  inForce: t('Geldig', 'In force'),
  withdrawn: t('Ingetrokken', 'Withdrawn'),
};

/** The workflow's own records, appended to the engine's report: advice, views, decision, withdrawal. */
export const renderWorkflowMarkdown = (w: ReportWorkflow, lang: Lang): string => {
  const l = inLanguage(LABELS, lang);
  const lines = [`## ${l.decisionMaking} (${l.version} ${w.version ?? '?'}, ${w.status ?? 'draft'})`, ''];
  const a = w.dpoAdvice;
  lines.push(
    a === undefined
      ? `- ${l.dpoAdvice}: ${l.notYetRecorded}`
      : `- ${l.dpoAdvice}: ${a.by}, ${a.date} — ${a.recommendation === undefined ? '' : `${a.recommendation}: `}${a.advice}`,
  );
  const v = w.dataSubjectViews;
  lines.push(
    v === undefined
      ? `- ${l.views}: ${l.notYetRecorded}`
      : v.sought
        ? `- ${l.views}${v.from ? ` (${v.from})` : ''}: ${v.summary ?? ''}`
        : `- ${l.viewsNotSought}: ${v.reasonNotSought ?? ''}`,
  );
  const d = w.decision;
  if (d !== undefined) {
    lines.push(`- ${l.decision}: ${d.outcome} — ${d.by}, ${d.date}: ${d.reasons}`);
    if (d.inForce !== undefined) lines.push(`- ${l.inForce}: ${d.inForce.from} — ${d.inForce.until}`);
  }
  if (w.withdrawal !== undefined)
    lines.push(`- ${l.withdrawn}: ${w.withdrawal.date} — ${w.withdrawal.reason}`);
  return `${lines.join('\n')}\n`;
};

/** The DPIA report in Markdown (the engine's report), with the workflow as recorded at its end. */
export const renderMarkdownReport = (
  m: ReportModel,
  lang: Lang,
  options: { readonly workflow: ReportWorkflow },
): string => `${renderMarkdown(m, lang).trimEnd()}\n\n${renderWorkflowMarkdown(options.workflow, lang)}`;
