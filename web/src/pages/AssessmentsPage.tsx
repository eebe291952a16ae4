/**
 * Assessments: the list, the wizard for a new one or a changed input, and one assessment's
 * workflow — versions, findings and alternatives of the latest version, DPO advice (Art. 35(2)),
 * data subjects' views (Art. 35(9)), human judgements on review findings, submission, the
 * decision by the accountable official, withdrawal, and the report downloads.
 */
import {
  Button,
  ButtonGroup,
  Heading2,
  Link,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useState, type ReactNode } from 'react';
import {
  DPO_RECOMMENDATIONS,
  api,
  type AssessmentHead,
  type AssessmentSummary,
  type AssessmentVersion,
  type Comparison,
  type Evaluation,
} from '../api.js';
import { ComparisonView, FindingsView, VerdictBadge } from '../assessment/Findings.js';
import { Wizard } from '../assessment/Wizard.js';
import { fromScenario } from '../assessment/wizard-state.js';
import { CheckboxField } from '../components/CheckboxField.js';
import { FormSection } from '../components/FormSection.js';
import { LoadError } from '../components/LoadError.js';
import { Loading } from '../components/Loading.js';
import { Notice } from '../components/Notice.js';
import { PageTitle } from '../components/PageTitle.js';
import { ResourceTable } from '../components/ResourcePage.js';
import { SelectField } from '../components/SelectField.js';
import { TextAreaField } from '../components/TextAreaField.js';
import { TextField } from '../components/TextField.js';
import { requireFields, useFormState, useLoad, type FormErrors } from '../hooks.js';
import { formatDateTime, useI18n } from '../i18n/index.js';
import { useRegistry, type Registry } from '../registry.js';
import { useSession } from '../session.js';

type View =
  { kind: 'list' } | { kind: 'new' } | { kind: 'detail'; id: string } | { kind: 'edit'; id: string };

/** A small form that posts one workflow step and reloads the assessment. */
const StepForm = ({
  title,
  submitLabel,
  labels,
  check,
  send,
  onDone,
  children,
  form,
}: {
  readonly title: string;
  readonly submitLabel: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly check: () => FormErrors;
  readonly send: () => Promise<unknown>;
  readonly onDone: () => void;
  readonly form: ReturnType<typeof useFormState>;
  readonly children: ReactNode;
}) => (
  <FormSection
    title={title}
    errors={form.errors}
    labels={labels}
    busy={form.busy}
    autoFocus={false}
    submitLabel={submitLabel}
    onSubmit={() =>
      void form
        .submit(check(), async () => {
          await send();
        })
        .then((ok) => ok && onDone())
    }
  >
    {children}
  </FormSection>
);

const AdviceForm = ({ id, onDone }: { readonly id: string; readonly onDone: () => void }) => {
  const { t } = useI18n();
  const [advice, setAdvice] = useState('');
  const [rec, setRec] = useState<string>('approve-with-conditions');
  const form = useFormState({ advice: 'advice-text', recommendation: 'advice-rec' });
  return (
    <StepForm
      title={`${t.workflow.advice} (${t.workflow.adviceSource})`}
      submitLabel={t.workflow.recordAdvice}
      labels={{ 'advice-text': t.workflow.adviceText, 'advice-rec': t.workflow.recommendation }}
      check={() => requireFields(t, { 'advice-text': advice })}
      send={() =>
        api.post(`/api/assessments/${id}/dpo-advice`, { advice: advice.trim(), recommendation: rec })
      }
      onDone={onDone}
      form={form}
    >
      <TextAreaField
        id="advice-text"
        label={t.workflow.adviceText}
        value={advice}
        onChange={setAdvice}
        required
        maxLength={8000}
        error={form.errors.fields['advice-text']}
      />
      <SelectField
        id="advice-rec"
        label={t.workflow.recommendation}
        value={rec}
        onChange={setRec}
        options={DPO_RECOMMENDATIONS.map((r) => ({ value: r, label: t.assessments.recommendations[r] ?? r }))}
      />
    </StepForm>
  );
};

const ViewsForm = ({ id, onDone }: { readonly id: string; readonly onDone: () => void }) => {
  const { t } = useI18n();
  const [sought, setSought] = useState(true);
  const [summary, setSummary] = useState('');
  const [reps, setReps] = useState('');
  const [reason, setReason] = useState('');
  const form = useFormState({
    summary: 'views-summary',
    reasonNotSought: 'views-reason',
    representatives: 'views-reps',
  });
  return (
    <StepForm
      title={`${t.workflow.views} (${t.workflow.viewsSource})`}
      submitLabel={t.workflow.recordViews}
      labels={{
        'views-summary': t.workflow.summary,
        'views-reason': t.workflow.reasonNotSought,
        'views-reps': t.workflow.representatives,
      }}
      check={() => requireFields(t, sought ? { 'views-summary': summary } : { 'views-reason': reason })}
      send={() =>
        api.post(
          `/api/assessments/${id}/views`,
          sought
            ? {
                sought: true,
                summary: summary.trim(),
                ...(reps.trim() ? { representatives: reps.trim() } : {}),
              }
            : { sought: false, reasonNotSought: reason.trim() },
        )
      }
      onDone={onDone}
      form={form}
    >
      <CheckboxField id="views-sought" label={t.workflow.sought} checked={sought} onChange={setSought} />
      {sought ? (
        <>
          <TextAreaField
            id="views-summary"
            label={t.workflow.summary}
            value={summary}
            onChange={setSummary}
            required
            maxLength={8000}
            error={form.errors.fields['views-summary']}
          />
          <TextField
            id="views-reps"
            label={t.workflow.representatives}
            value={reps}
            onChange={setReps}
            maxLength={500}
          />
        </>
      ) : (
        <TextAreaField
          id="views-reason"
          label={t.workflow.reasonNotSought}
          value={reason}
          onChange={setReason}
          required
          maxLength={8000}
          error={form.errors.fields['views-reason']}
        />
      )}
    </StepForm>
  );
};

const JudgementForm = ({
  id,
  ruleId,
  onDone,
}: {
  readonly id: string;
  readonly ruleId: string;
  readonly onDone: () => void;
}) => {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState('pass');
  const [reasons, setReasons] = useState('');
  const reasonsId = `judgement-${ruleId}-reasons`;
  const form = useFormState({ reasons: reasonsId });
  return (
    <StepForm
      title={`${t.workflow.judgements}: ${ruleId}`}
      submitLabel={t.workflow.recordJudgement(ruleId)}
      labels={{ [reasonsId]: t.workflow.judgementReasons(ruleId) }}
      check={() => requireFields(t, { [reasonsId]: reasons })}
      send={() => api.post(`/api/assessments/${id}/judgements`, { ruleId, outcome, reasons: reasons.trim() })}
      onDone={onDone}
      form={form}
    >
      <SelectField
        id={`judgement-${ruleId}-outcome`}
        label={t.workflow.judgementOutcome(ruleId)}
        value={outcome}
        onChange={setOutcome}
        options={['pass', 'fail'].map((o) => ({ value: o, label: t.assessments.outcomes[o] ?? o }))}
      />
      <TextAreaField
        id={reasonsId}
        label={t.workflow.judgementReasons(ruleId)}
        value={reasons}
        onChange={setReasons}
        required
        maxLength={4000}
        error={form.errors.fields[reasonsId]}
      />
    </StepForm>
  );
};

const DecisionForm = ({ id, onDone }: { readonly id: string; readonly onDone: () => void }) => {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState('approved');
  const [reasons, setReasons] = useState('');
  const [until, setUntil] = useState('');
  const form = useFormState({ reasons: 'decision-reasons', validUntil: 'decision-until' });
  return (
    <StepForm
      title={t.workflow.decision}
      submitLabel={t.workflow.decide}
      labels={{
        'decision-reasons': t.workflow.decisionReasons,
        'decision-until': t.workflow.decisionValidUntil,
      }}
      check={() => requireFields(t, { 'decision-reasons': reasons })}
      send={() =>
        api.post(`/api/assessments/${id}/decision`, {
          outcome,
          reasons: reasons.trim(),
          ...(until ? { validUntil: new Date(until).toISOString() } : {}),
        })
      }
      onDone={onDone}
      form={form}
    >
      <Paragraph>{t.workflow.decisionSource}</Paragraph>
      <SelectField
        id="decision-outcome"
        label={t.workflow.decisionOutcome}
        value={outcome}
        onChange={setOutcome}
        options={[
          { value: 'approved', label: t.workflow.approve },
          { value: 'rejected', label: t.workflow.reject },
        ]}
      />
      <TextAreaField
        id="decision-reasons"
        label={t.workflow.decisionReasons}
        value={reasons}
        onChange={setReasons}
        required
        maxLength={8000}
        error={form.errors.fields['decision-reasons']}
      />
      <TextField
        id="decision-until"
        label={t.workflow.decisionValidUntil}
        type="date"
        value={until}
        onChange={setUntil}
        error={form.errors.fields['decision-until']}
      />
    </StepForm>
  );
};

const WithdrawForm = ({ id, onDone }: { readonly id: string; readonly onDone: () => void }) => {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const form = useFormState({ reason: 'withdraw-reason' });
  return (
    <StepForm
      title={t.workflow.withdraw}
      submitLabel={t.workflow.withdraw}
      labels={{ 'withdraw-reason': t.workflow.withdrawReason }}
      check={() => requireFields(t, { 'withdraw-reason': reason })}
      send={() => api.post(`/api/assessments/${id}/withdrawal`, { reason: reason.trim() })}
      onDone={onDone}
      form={form}
    >
      <TextAreaField
        id="withdraw-reason"
        label={t.workflow.withdrawReason}
        description={t.workflow.withdrawHint}
        value={reason}
        onChange={setReason}
        required
        maxLength={4000}
        error={form.errors.fields['withdraw-reason']}
      />
    </StepForm>
  );
};

/**
 * The report of the latest version (HTML to read, tagged PDF to file, Markdown to edit), in Dutch
 * and English, and the register entry (GDPR Art. 30) once a version is approved — of that
 * version, so a newer draft does not hide it. Link texts are in the document's language.
 */
const Documents = ({
  id,
  versions,
}: {
  readonly id: string;
  readonly versions: readonly AssessmentVersion[];
}) => {
  const { t } = useI18n();
  const latest = versions[versions.length - 1];
  const approved = [...versions].reverse().find((v) => v.status === 'approved');
  if (!latest) return null;
  const report = (ext: 'html' | 'pdf' | 'md', lang: 'nl' | 'en') =>
    `/api/assessments/${id}/report.${ext}?lang=${lang}&version=${latest.version}`;
  const links: ReadonlyArray<{ href: string; text: string; lang: 'nl' | 'en'; download?: string }> = [
    { href: report('html', 'nl'), text: t.workflow.reportHtmlNl, lang: 'nl' },
    { href: report('pdf', 'nl'), text: t.workflow.reportPdfNl, lang: 'nl' },
    { href: report('md', 'nl'), text: t.workflow.reportNl, lang: 'nl', download: `dpia-${id}-nl.md` },
    { href: report('html', 'en'), text: t.workflow.reportHtmlEn, lang: 'en' },
    { href: report('pdf', 'en'), text: t.workflow.reportPdfEn, lang: 'en' },
    { href: report('md', 'en'), text: t.workflow.reportEn, lang: 'en', download: `dpia-${id}-en.md` },
  ];
  return (
    <section aria-labelledby="wf-documents">
      <Heading2 id="wf-documents">{t.workflow.documents}</Heading2>
      <UnorderedList>
        {links.map((l) => (
          <UnorderedListItem key={l.href}>
            <Link
              href={l.href}
              lang={l.lang}
              hrefLang={l.lang}
              {...(l.download ? { download: l.download } : {})}
            >
              {l.text}
            </Link>
          </UnorderedListItem>
        ))}
      </UnorderedList>
      {approved ? (
        <>
          <Paragraph>{t.workflow.ropaIntro(approved.version)}</Paragraph>
          <UnorderedList>
            <UnorderedListItem>
              <Link href={`/api/assessments/${id}/ropa.pdf?version=${approved.version}`}>
                {t.workflow.ropaPdf}
              </Link>
            </UnorderedListItem>
            <UnorderedListItem>
              <Link
                href={`/api/assessments/${id}/ropa.json?version=${approved.version}`}
                download={`verwerkingsregister-${id}-v${approved.version}.json`}
              >
                {t.workflow.ropaJson}
              </Link>
            </UnorderedListItem>
          </UnorderedList>
        </>
      ) : (
        <Paragraph>{t.workflow.ropaNotYet}</Paragraph>
      )}
    </section>
  );
};

const Detail = ({
  id,
  onBack,
  onEdit,
}: {
  readonly id: string;
  readonly onBack: () => void;
  readonly onEdit: () => void;
}) => {
  const { t, lang } = useI18n();
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
  const done = (text: string) => () => {
    setNotice(text);
    data.reload();
  };
  if (data.error) return <LoadError error={data.error} />;
  if (!data.data) return <Loading />;
  const [{ assessment, versions }, evaluation, comparison] = data.data;
  const latest = versions[versions.length - 1];
  if (!latest) return <Loading />;
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

  return (
    <>
      <Paragraph>
        <Link href="/assessments" onClick={(e) => (e.preventDefault(), onBack())}>
          {t.assessments.back}
        </Link>
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
      <Documents id={id} versions={versions} />
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
          <Button appearance="secondary-action-button" onClick={onEdit}>
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
      {(open || latest.status === 'approved') && can('assessments:withdraw') ? (
        <WithdrawForm id={id} onDone={done(t.workflow.done)} />
      ) : null}

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
      <section aria-labelledby="wf-versions">
        <Heading2 id="wf-versions">{t.workflow.versions}</Heading2>
        <ResourceTable
          caption={t.workflow.versionsCaption}
          rows={versions}
          rowKey={(v) => String(v.version)}
          rowHeader={{ header: t.assessments.version, cell: (v) => String(v.version) }}
          columns={[
            { header: t.assessments.status, cell: (v) => status(v.status) },
            {
              header: t.assessments.verdict,
              cell: (v) => (v.verdict ? <VerdictBadge verdict={v.verdict} /> : t.incidents.none),
            },
            { header: t.workflow.createdAt, cell: (v) => formatDateTime(lang, v.createdAt) },
            {
              header: t.assessments.validUntil,
              cell: (v) => (v.validUntil ? formatDateTime(lang, v.validUntil) : t.incidents.none),
            },
          ]}
        />
      </section>
    </>
  );
};

const Editor = ({
  id,
  registry,
  onSaved,
  onCancel,
}: {
  readonly id: string;
  readonly registry: Registry;
  readonly onSaved: (id: string) => void;
  readonly onCancel: () => void;
}) => {
  const data = useLoad(() => api.get<{ versions: AssessmentVersion[] }>(`/api/assessments/${id}`), [id]);
  if (data.error) return <LoadError error={data.error} />;
  const latest = data.data?.versions[data.data.versions.length - 1];
  if (!latest) return <Loading />;
  return (
    <Wizard
      registry={registry}
      existing={{ id, state: fromScenario(latest.scenario), nextVersion: latest.version + 1 }}
      onSaved={onSaved}
      onCancel={onCancel}
    />
  );
};

export const AssessmentsPage = () => {
  const { t, lang } = useI18n();
  const { can } = useSession();
  const reg = useRegistry();
  const list = useLoad(() => api.get<AssessmentSummary[]>('/api/assessments'), []);
  const [view, setView] = useState<View>({ kind: 'list' });
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const saved = (id: string) => {
    setNotice(t.wizard.saved);
    list.reload();
    setView({ kind: 'detail', id });
  };
  const rows = list.data ?? [];

  return (
    <>
      <PageTitle>{t.assessments.title}</PageTitle>
      <Paragraph>{t.assessments.intro}</Paragraph>
      <Notice text={view.kind === 'detail' ? notice : undefined} />
      {reg.error ? <LoadError error={reg.error} /> : null}
      {view.kind === 'new' && reg.data ? (
        <Wizard registry={reg.registry} onSaved={saved} onCancel={() => setView({ kind: 'list' })} />
      ) : null}
      {view.kind === 'edit' && reg.data ? (
        <Editor
          id={view.id}
          registry={reg.registry}
          onSaved={saved}
          onCancel={() => setView({ kind: 'detail', id: view.id })}
        />
      ) : null}
      {view.kind === 'detail' ? (
        <Detail
          key={view.id}
          id={view.id}
          onBack={() => {
            list.reload();
            setView({ kind: 'list' });
          }}
          onEdit={() => setView({ kind: 'edit', id: view.id })}
        />
      ) : null}
      {view.kind === 'list' ? (
        <>
          {can('assessments:write') ? (
            <Button appearance="secondary-action-button" onClick={() => setView({ kind: 'new' })}>
              {t.assessments.add}
            </Button>
          ) : null}
          {list.loading && !list.data ? <Loading /> : null}
          {list.error ? <LoadError error={list.error} /> : null}
          {rows.length > 0 ? (
            <ResourceTable
              caption={t.assessments.caption}
              rows={rows}
              rowKey={(a) => a.id}
              rowHeader={{ header: t.assessments.name, cell: (a) => a.latest.title }}
              columns={[
                {
                  header: t.assessments.measure,
                  cell: (a) => t.assessments.measures[a.measure] ?? a.measure,
                },
                { header: t.assessments.version, cell: (a) => String(a.latest.version) },
                {
                  header: t.assessments.status,
                  cell: (a) => t.assessments.statuses[a.latest.status] ?? a.latest.status,
                },
                {
                  header: t.assessments.verdict,
                  cell: (a) =>
                    a.latest.verdict ? <VerdictBadge verdict={a.latest.verdict} /> : t.incidents.none,
                },
                {
                  header: t.assessments.validUntil,
                  cell: (a) =>
                    a.latest.validUntil ? formatDateTime(lang, a.latest.validUntil) : t.incidents.none,
                },
              ]}
              actions={(a) => (
                <Button
                  appearance="subtle-button"
                  aria-label={t.assessments.open(a.latest.title)}
                  onClick={() => setView({ kind: 'detail', id: a.id })}
                >
                  {t.assessments.openShort}
                </Button>
              )}
            />
          ) : null}
        </>
      ) : null}
    </>
  );
};
