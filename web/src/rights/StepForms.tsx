/**
 * The privacy officer's steps on a request, each a form that posts once and hands the request
 * back as the server answered it: extend (with reasons; the notice is recorded), decide (granted,
 * partly, refused with reasons), send (which letters went out), close (with a reason unless the
 * answer went out).
 */
import { Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import type { SubjectRequest } from '../api-types.js';
import { CheckboxGroup } from '../components/CheckboxGroup.js';
import { FormSection } from '../components/FormSection.js';
import { RadioGroup } from '../components/RadioGroup.js';
import { TextAreaField } from '../components/TextAreaField.js';
import { requireFields, useFormState } from '../hooks.js';
import { useI18n } from '../i18n/index.js';
import { postStep, submitThen } from '../registers/entry.js';
import { rightsRefusal } from './errors.js';

export interface StepProps {
  readonly request: SubjectRequest;
  readonly onDone: (next: SubjectRequest, notice: string) => void;
  readonly onCancel: () => void;
}

const post = (r: SubjectRequest, step: string, body: object) =>
  postStep<SubjectRequest>('/api/rights/requests', r.id, step, body);

export const ExtendForm = ({ request, onDone, onCancel }: StepProps) => {
  const { t } = useI18n();
  const d = t.rights.detail;
  const id = 'rr-extend-reasons';
  const [reasons, setReasons] = useState('');
  const form = useFormState({ reasons: id }, { [id]: d.extendReasons }, rightsRefusal({ reasons: id }));
  const submit = () => {
    submitThen(
      form,
      requireFields(t, { [id]: reasons }),
      () => post(request, 'extend', { reasons: reasons.trim() }),
      (next) => onDone(next, d.extendedNotice),
    );
  };
  return (
    <FormSection
      title={d.extend}
      form={form}
      onSubmit={submit}
      onCancel={onCancel}
      submitLabel={d.extendSubmit}
    >
      <TextAreaField
        id={id}
        label={d.extendReasons}
        description={d.extendHint}
        value={reasons}
        onChange={setReasons}
        required
        maxLength={4000}
        rows={4}
        error={form.errors.fields[id]}
      />
    </FormSection>
  );
};

type Decision = 'granted' | 'partly' | 'refused';

export const DecideForm = ({ request, onDone, onCancel }: StepProps) => {
  const { t } = useI18n();
  const d = t.rights.detail;
  const prefix = 'rr-decision';
  // The error summary links to the first option; the server's field "decision" goes there too.
  const ids = { decision: `${prefix}-granted`, reasons: 'rr-decision-reasons' };
  const [decision, setDecision] = useState<Decision | undefined>(undefined);
  const [reasons, setReasons] = useState('');
  const form = useFormState(
    ids,
    { [ids.decision]: d.decision, [ids.reasons]: d.decisionReasonsLabel },
    rightsRefusal(ids),
  );
  const submit = () => {
    const needsReasons = decision !== undefined && decision !== 'granted';
    const checked = requireFields(t, {
      [ids.decision]: decision ?? '',
      ...(needsReasons ? { [ids.reasons]: reasons } : {}),
    });
    submitThen(
      form,
      checked,
      () => post(request, 'decide', { decision, reasons: reasons.trim() || null }),
      (next) => onDone(next, d.decidedNotice),
    );
  };
  return (
    <FormSection
      title={d.decide}
      form={form}
      onSubmit={submit}
      onCancel={onCancel}
      submitLabel={d.decideSubmit}
    >
      <RadioGroup<Decision>
        idPrefix={prefix}
        legend={d.decision}
        value={decision}
        onChange={setDecision}
        options={(['granted', 'partly', 'refused'] as const).map((x) => ({
          value: x,
          label: t.rights.decisions[x] ?? x,
        }))}
        error={form.errors.fields[ids.decision]}
      />
      <TextAreaField
        id={ids.reasons}
        label={d.decisionReasonsLabel}
        description={d.decisionReasonsHint}
        value={reasons}
        onChange={setReasons}
        maxLength={4000}
        rows={4}
        error={form.errors.fields[ids.reasons]}
      />
    </FormSection>
  );
};

type LetterChoice = 'nl-pdf' | 'nl-text' | 'en-pdf' | 'en-text';

export const SendForm = ({ request, onDone, onCancel }: StepProps) => {
  const { t } = useI18n();
  const d = t.rights.detail;
  const id = 'rr-send';
  const [chosen, setChosen] = useState<LetterChoice[]>([`${request.language}-pdf`]);
  const form = useFormState({ letters: `${id}-nl-pdf` }, { [`${id}-nl-pdf`]: d.sendLegend });
  const submit = () => {
    const none =
      chosen.length === 0
        ? { summary: undefined, fields: { [`${id}-nl-pdf`]: d.sendNone } }
        : requireFields(t, {});
    submitThen(
      form,
      none,
      () =>
        post(request, 'send', {
          letters: chosen.map((c) => {
            const [language, format] = c.split('-') as ['nl' | 'en', 'pdf' | 'text'];
            return { language, format };
          }),
        }),
      (next) => onDone(next, d.sentNotice),
    );
  };
  const label = (c: LetterChoice) => {
    const [lang, format] = c.split('-') as [string, string];
    return d.letterLink(
      d.letterKinds.decision ?? '',
      d.letterLanguages[lang] ?? lang,
      d.letterFormats[format] ?? format,
    );
  };
  return (
    <FormSection title={d.send} form={form} onSubmit={submit} onCancel={onCancel} submitLabel={d.sendSubmit}>
      <Paragraph>{d.sendIntro}</Paragraph>
      <CheckboxGroup<LetterChoice>
        idPrefix={id}
        legend={d.sendLegend}
        options={(['nl-pdf', 'nl-text', 'en-pdf', 'en-text'] as const).map((c) => ({
          value: c,
          label: label(c),
        }))}
        selected={chosen}
        onChange={setChosen}
        error={form.errors.fields[`${id}-nl-pdf`]}
      />
    </FormSection>
  );
};

export const CloseForm = ({ request, onDone, onCancel }: StepProps) => {
  const { t } = useI18n();
  const d = t.rights.detail;
  const id = 'rr-close-reason';
  const [reason, setReason] = useState('');
  const sent = request.status === 'sent';
  const form = useFormState({ reason: id }, { [id]: d.closeReason }, rightsRefusal({ reason: id }));
  const submit = () => {
    submitThen(
      form,
      sent ? requireFields(t, {}) : requireFields(t, { [id]: reason }),
      () => post(request, 'close', { reason: reason.trim() || null }),
      (next) => onDone(next, d.closedNotice),
    );
  };
  return (
    <FormSection
      title={d.close}
      form={form}
      onSubmit={submit}
      onCancel={onCancel}
      submitLabel={d.closeSubmit}
    >
      <TextAreaField
        id={id}
        label={d.closeReason}
        description={sent ? d.closeHintSent : d.closeHintWithdrawn}
        value={reason}
        onChange={setReason}
        required={!sent}
        maxLength={4000}
        rows={3}
        error={form.errors.fields[id]}
      />
    </FormSection>
  );
};
