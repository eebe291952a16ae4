/**
 * The workflow steps on one assessment version, each a small form that posts the step and
 * reloads the assessment: the DPO's advice (Art. 35(2)), the data subjects' views (Art. 35(9)), a
 * human judgement on a review finding, the decision by the accountable official, withdrawal.
 */
import { Paragraph } from '@utrecht/component-library-react';
import { useState, type ReactNode } from 'react';
import { DPO_RECOMMENDATIONS, api } from '../api.js';
import { CheckboxField } from '../components/CheckboxField.js';
import { FormSection } from '../components/FormSection.js';
import { SelectField } from '../components/SelectField.js';
import { TextAreaField } from '../components/TextAreaField.js';
import { TextField } from '../components/TextField.js';
import { requireFields, useFormState, type FormErrors, type FormState } from '../hooks.js';
import { useI18n } from '../i18n/index.js';

/** A small form that posts one workflow step and reloads the assessment. */
const StepForm = ({
  title,
  submitLabel,
  check,
  send,
  onDone,
  children,
  form,
  onCancel,
  cancelLabel,
}: {
  readonly title: string;
  readonly submitLabel: string;
  readonly check: () => FormErrors;
  readonly send: () => Promise<unknown>;
  readonly onDone: () => void;
  readonly form: FormState;
  readonly children: ReactNode;
  /** A step opened on request (withdrawal) can be closed again. */
  readonly onCancel?: (() => void) | undefined;
  readonly cancelLabel?: string | undefined;
}) => (
  <FormSection
    title={title}
    form={form}
    submitLabel={submitLabel}
    onCancel={onCancel}
    cancelLabel={cancelLabel}
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

export const AdviceForm = ({ id, onDone }: { readonly id: string; readonly onDone: () => void }) => {
  const { t } = useI18n();
  const [advice, setAdvice] = useState('');
  const [rec, setRec] = useState<string>('approve-with-conditions');
  const form = useFormState(
    { advice: 'advice-text', recommendation: 'advice-rec' },
    { 'advice-text': t.workflow.adviceText, 'advice-rec': t.workflow.recommendation },
  );
  return (
    <StepForm
      title={`${t.workflow.advice} (${t.workflow.adviceSource})`}
      submitLabel={t.workflow.recordAdvice}
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

export const ViewsForm = ({ id, onDone }: { readonly id: string; readonly onDone: () => void }) => {
  const { t } = useI18n();
  const [sought, setSought] = useState(true);
  const [summary, setSummary] = useState('');
  const [reps, setReps] = useState('');
  const [reason, setReason] = useState('');
  const form = useFormState(
    {
      summary: 'views-summary',
      reasonNotSought: 'views-reason',
      representatives: 'views-reps',
    },
    {
      'views-summary': t.workflow.summary,
      'views-reason': t.workflow.reasonNotSought,
      'views-reps': t.workflow.representatives,
    },
  );
  return (
    <StepForm
      title={`${t.workflow.views} (${t.workflow.viewsSource})`}
      submitLabel={t.workflow.recordViews}
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

export const JudgementForm = ({
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
  const form = useFormState({ reasons: reasonsId }, { [reasonsId]: t.workflow.judgementReasons(ruleId) });
  return (
    <StepForm
      title={`${t.workflow.judgements}: ${ruleId}`}
      submitLabel={t.workflow.recordJudgement(ruleId)}
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

export const DecisionForm = ({ id, onDone }: { readonly id: string; readonly onDone: () => void }) => {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState('approved');
  const [reasons, setReasons] = useState('');
  const [until, setUntil] = useState('');
  const form = useFormState(
    { reasons: 'decision-reasons', validUntil: 'decision-until' },
    {
      'decision-reasons': t.workflow.decisionReasons,
      'decision-until': t.workflow.decisionValidUntil,
    },
  );
  return (
    <StepForm
      title={t.workflow.decision}
      submitLabel={t.workflow.decide}
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

/** Withdrawal, opened on request: says what it stops, asks the reason, and can be cancelled. */
export const WithdrawForm = ({
  id,
  onDone,
  onCancel,
}: {
  readonly id: string;
  readonly onDone: () => void;
  readonly onCancel: () => void;
}) => {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const form = useFormState({ reason: 'withdraw-reason' }, { 'withdraw-reason': t.workflow.withdrawReason });
  return (
    <StepForm
      title={t.workflow.withdraw}
      submitLabel={t.assessmentUi.withdrawConfirm}
      onCancel={onCancel}
      cancelLabel={t.assessmentUi.withdrawCancel}
      check={() => requireFields(t, { 'withdraw-reason': reason })}
      send={() => api.post(`/api/assessments/${id}/withdrawal`, { reason: reason.trim() })}
      onDone={onDone}
      form={form}
    >
      <Paragraph>{t.assessmentUi.withdrawWarning}</Paragraph>
      <TextAreaField
        id="withdraw-reason"
        label={t.workflow.withdrawReason}
        value={reason}
        onChange={setReason}
        required
        maxLength={4000}
        error={form.errors.fields['withdraw-reason']}
      />
    </StepForm>
  );
};
