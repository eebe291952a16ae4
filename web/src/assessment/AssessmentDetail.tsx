import { Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import {
  api,
  isNotFound,
  type AssessmentHead,
  type AssessmentVersion,
  type Comparison,
  type Evaluation,
} from '../api.js';
import { AppLink } from '../components/AppLink.js';
import { LoadError } from '../components/LoadError.js';
import { Loading } from '../components/Loading.js';
import { Notice } from '../components/Notice.js';
import { ResourceTable } from '../components/ResourcePage.js';
import { useLoad } from '../hooks.js';
import { formatDate, formatDateTime, useI18n } from '../i18n/index.js';
import { NotFoundPage } from '../pages/NotFoundPage.js';
import { useRouter } from '../router.js';
import { useSession } from '../session.js';
import { AssessmentFrame } from './AssessmentFrame.js';
import { Documents } from './Documents.js';
import { ComparisonView, FindingsView, VerdictBadge } from './Findings.js';
import { assessmentHref } from './paths.js';
import { AdviceForm, DecisionForm, JudgementForm, ViewsForm, WithdrawForm } from './WorkflowForms.js';

/**
 * One assessment's workflow: versions, findings and alternatives of the latest version, the
 * documents, and the step the signed-in user may take next. An unknown id is "not found".
 */
export const AssessmentDetail = ({ id }: { readonly id: string }) => {
  const { t, lang } = useI18n();
  const { navigate } = useRouter();
  const { can } = useSession();
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const data = useLoad(
    () =>
      Promise.all([
        api.get<{ assessment: AssessmentHead; versions: AssessmentVersion[] }>(`/api/assessments/${id}`),
        api.get<Evaluation>(`/api/assessments/${id}/evaluation`),
        api.get<Comparison>(`/api/assessments/${id}/comparison`).catch(() => undefined),
      ]),
    [id],
  );
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | undefined>(undefined);
  const [withdrawing, setWithdrawing] = useState(false);
  const done = (text: string) => () => {
    setNotice(text);
    data.reload();
  };
  if (isNotFound(data.error)) return <NotFoundPage />;
  const loaded = data.data;
  const latest = loaded?.[0].versions.at(-1);
  if (data.error || !loaded || !latest)
    return <AssessmentFrame>{data.error ? <LoadError error={data.error} /> : <Loading />}</AssessmentFrame>;
  const [{ assessment, versions }, evaluation, comparison] = loaded;
  const open = latest.status === 'draft' || latest.status === 'submitted';
  const judged = new Set(latest.humanJudgements.map((j) => j.ruleId));
  const pending = evaluation.findings.filter((f) => f.outcome === 'review' && !judged.has(f.ruleId));
  const status = (s: string) => t.assessments.statuses[s] ?? s;
  const submit = () => {
    setSubmitting(true);
    setSubmitError(undefined);
    api.post(`/api/assessments/${id}/submit`).then(
      () => {
        setSubmitting(false);
        done(t.workflow.submitted)();
      },
      (e: unknown) => {
        setSubmitting(false);
        setSubmitError(e instanceof Error ? e.message : String(e));
      },
    );
  };

  const mayWithdraw = (open || latest.status === 'approved') && can('assessments:withdraw');

  return (
    <AssessmentFrame>
      <Paragraph>
        <AppLink href={assessmentHref({ kind: 'list' })}>{t.assessments.back}</AppLink>
      </Paragraph>
      <Heading2>{assessment.title}</Heading2>
      <Paragraph>
        {t.workflow.latest(latest.version, status(latest.status))} ·{' '}
        {t.assessments.measures[assessment.measure] ?? assessment.measure}
        {latest.validUntil
          ? ` · ${t.assessments.validUntil}: ${formatDateTime(lang, latest.validUntil)}`
          : ''}
      </Paragraph>
      <Notice text={notice} />

      {/* What the rules found comes first: whoever advises or decides reads it before the form. */}
      <section aria-labelledby="wf-findings">
        <Heading2 id="wf-findings">{t.wizard.findings}</Heading2>
        <FindingsView evaluation={evaluation} />
      </section>
      {comparison ? (
        <section aria-labelledby="wf-comparison">
          <Heading2 id="wf-comparison">{t.wizard.comparison}</Heading2>
          <ComparisonView comparison={comparison} />
        </section>
      ) : null}

      {latest.dpoAdvice ? (
        <Paragraph>
          {t.workflow.adviceDone(
            latest.dpoAdvice.name,
            t.assessments.recommendations[latest.dpoAdvice.recommendation] ?? latest.dpoAdvice.recommendation,
          )}
        </Paragraph>
      ) : null}
      {latest.dataSubjectViews ? (
        <Paragraph>
          {t.workflow.viewsDone} {latest.dataSubjectViews.summary ?? latest.dataSubjectViews.reasonNotSought}
        </Paragraph>
      ) : null}
      {latest.humanJudgements.map((j) => (
        <Paragraph key={j.ruleId}>
          {t.workflow.judged(j.ruleId, t.assessments.outcomes[j.outcome] ?? j.outcome, j.name)}
        </Paragraph>
      ))}
      {latest.decision ? (
        <Paragraph>
          {t.workflow.decided(
            t.assessments.statuses[latest.decision.outcome] ?? latest.decision.outcome,
            latest.decision.name,
          )}{' '}
          {latest.decision.reasons}
        </Paragraph>
      ) : null}
      {latest.withdrawal ? <Paragraph>{t.workflow.withdrawn(latest.withdrawal.reason)}</Paragraph> : null}

      <ButtonGroup>
        {can('assessments:write') && latest.status !== 'rejected' ? (
          <Button
            appearance="secondary-action-button"
            onClick={() => navigate(assessmentHref({ kind: 'edit', id }))}
          >
            {t.workflow.edit}
          </Button>
        ) : null}
        {can('assessments:write') && latest.status === 'draft' ? (
          <Button appearance="primary-action-button" onClick={submit} busy={submitting} disabled={submitting}>
            {t.workflow.submit}
          </Button>
        ) : null}
      </ButtonGroup>
      {submitError ? <LoadError error={new Error(submitError)} /> : null}

      {open && can('assessments:advise') && !latest.dpoAdvice ? (
        <AdviceForm id={id} onDone={done(t.workflow.done)} />
      ) : null}
      {open && can('assessments:write') && !latest.dataSubjectViews ? (
        <ViewsForm id={id} onDone={done(t.workflow.done)} />
      ) : null}
      {open && can('assessments:write') && pending.length > 0 ? (
        <section aria-labelledby="wf-judgements">
          <Heading2 id="wf-judgements">{t.workflow.judgements}</Heading2>
          <Paragraph>{t.workflow.judgementsIntro}</Paragraph>
          {pending.map((f) => (
            <JudgementForm key={f.ruleId} id={id} ruleId={f.ruleId} onDone={done(t.workflow.done)} />
          ))}
        </section>
      ) : null}
      {latest.status === 'submitted' && can('assessments:decide') ? (
        <DecisionForm id={id} onDone={done(t.workflow.done)} />
      ) : null}

      <Documents id={id} versions={versions} />
      <section aria-labelledby="wf-versions">
        <Heading2 id="wf-versions">{t.workflow.versions}</Heading2>
        <ResourceTable
          caption={t.workflow.versionsCaption}
          stackOnPhone
          rows={versions}
          rowKey={(v) => String(v.version)}
          rowHeader={{
            header: t.assessments.version,
            cell: (v) => (
              <AppLink href={assessmentHref({ kind: 'version', id, version: v.version })}>
                {t.assessmentUi.version(v.version)}
              </AppLink>
            ),
          }}
          columns={[
            { header: t.assessments.status, cell: (v) => status(v.status) },
            {
              header: t.assessments.verdict,
              cell: (v) => (v.verdict ? <VerdictBadge verdict={v.verdict} /> : t.incidents.none),
            },
            { header: t.workflow.createdAt, cell: (v) => formatDateTime(lang, v.createdAt) },
            {
              header: t.assessments.validUntil,
              // A decision holds until a day, not a moment.
              cell: (v) => (v.validUntil ? formatDate(lang, v.validUntil) : t.incidents.none),
            },
          ]}
        />
      </section>

      {/* Withdrawal stops what the assessment permits at once: closed until asked for, then confirmed. */}
      {mayWithdraw && !withdrawing ? (
        <ButtonGroup>
          <Button
            id="wf-withdraw-open"
            appearance="secondary-action-button"
            onClick={() => setWithdrawing(true)}
          >
            {t.assessmentUi.withdrawOpen}
          </Button>
        </ButtonGroup>
      ) : null}
      {mayWithdraw && withdrawing ? (
        <WithdrawForm
          id={id}
          onDone={() => {
            setWithdrawing(false);
            done(t.workflow.done)();
          }}
          onCancel={() => {
            setWithdrawing(false);
            // Back to the button that opened it (WCAG 2.4.3).
            window.setTimeout(() => document.getElementById('wf-withdraw-open')?.focus());
          }}
        />
      ) : null}
    </AssessmentFrame>
  );
};
