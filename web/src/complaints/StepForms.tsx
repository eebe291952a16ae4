/**
 * The privacy officer's steps on a complaint or inquiry, each a form that posts once and reports
 * back: extend (reasons; for an inquiry the regulator's new date), a timeline entry (type and
 * text), a link (to an assessment, a room or a resident's request), and the answer (outcome and
 * explanation).
 */
import { useState } from 'react';
import type { Complaint } from '../api-types.js';
import { FormSection } from '../components/FormSection.js';
import { RadioGroup } from '../components/RadioGroup.js';
import { SelectField } from '../components/SelectField.js';
import { TextAreaField } from '../components/TextAreaField.js';
import { TextField } from '../components/TextField.js';
import { requireFields, useFormState } from '../hooks.js';
import { useI18n } from '../i18n/index.js';
import { postStep, submitThen } from '../registers/entry.js';
import { useRegistry } from '../registry.js';
import { complaintRefusal } from './errors.js';
import { COMPLAINT_OUTCOMES, LINK_KINDS, TIMELINE_ENTRIES } from './paths.js';

export interface StepProps {
  readonly complaint: Complaint;
  readonly onDone: (notice: string) => void;
  readonly onCancel: () => void;
}

const post = (c: Complaint, step: string, body: object) =>
  postStep<unknown>('/api/complaints', c.id, step, body);

export const ExtendForm = ({ complaint, onDone, onCancel }: StepProps) => {
  const { t } = useI18n();
  const d = t.complaints.detail;
  const ids = { reasons: 'cp-extend-reasons', regulatorDueOn: 'cp-extend-due' };
  const inquiry = complaint.kind === 'regulator-inquiry';
  const [reasons, setReasons] = useState('');
  const [due, setDue] = useState('');
  const form = useFormState(
    ids,
    { [ids.reasons]: d.extendReasons, [ids.regulatorDueOn]: d.extendDue },
    complaintRefusal(ids),
  );
  const submit = () => {
    const required = requireFields(t, {
      [ids.reasons]: reasons,
      ...(inquiry ? { [ids.regulatorDueOn]: due } : {}),
    });
    submitThen(
      form,
      required,
      () =>
        post(complaint, 'extend', {
          reasons: reasons.trim(),
          ...(inquiry ? { regulatorDueOn: due } : {}),
        }),
      () => onDone(d.extendedNotice),
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
      {inquiry ? (
        <TextField
          id={ids.regulatorDueOn}
          label={d.extendDue}
          type="date"
          value={due}
          onChange={setDue}
          required
          error={form.errors.fields[ids.regulatorDueOn]}
        />
      ) : null}
      <TextAreaField
        id={ids.reasons}
        label={d.extendReasons}
        description={inquiry ? d.extendInquiryHint : d.extendHint}
        value={reasons}
        onChange={setReasons}
        required
        maxLength={4000}
        rows={4}
        error={form.errors.fields[ids.reasons]}
      />
    </FormSection>
  );
};

export const EntryForm = ({ complaint, onDone, onCancel }: StepProps) => {
  const { t } = useI18n();
  const c = t.complaints;
  const d = c.detail;
  const ids = { type: 'cp-entry-type', text: 'cp-entry-text' };
  const [type, setType] = useState('note');
  const [text, setText] = useState('');
  const form = useFormState(ids, { [ids.type]: d.entryType, [ids.text]: d.entryText }, complaintRefusal(ids));
  const submit = () => {
    submitThen(
      form,
      requireFields(t, { [ids.text]: text }),
      () => post(complaint, 'entries', { type, text: text.trim() }),
      () => onDone(d.entryNotice),
    );
  };
  return (
    <FormSection
      title={d.entry}
      form={form}
      onSubmit={submit}
      onCancel={onCancel}
      submitLabel={d.entrySubmit}
    >
      <SelectField
        id={ids.type}
        label={d.entryType}
        value={type}
        onChange={setType}
        options={TIMELINE_ENTRIES.map((x) => ({ value: x, label: c.entryTypes[x] ?? x }))}
        error={form.errors.fields[ids.type]}
      />
      <TextAreaField
        id={ids.text}
        label={d.entryText}
        value={text}
        onChange={setText}
        required
        maxLength={4000}
        rows={3}
        error={form.errors.fields[ids.text]}
      />
    </FormSection>
  );
};

export const LinkForm = ({ complaint, onDone, onCancel }: StepProps) => {
  const { t } = useI18n();
  const c = t.complaints;
  const d = c.detail;
  const reg = useRegistry();
  const ids = { kind: 'cp-link-kind', links: 'cp-link-target' };
  const [kind, setKind] = useState('room');
  const [target, setTarget] = useState('');
  const form = useFormState(
    ids,
    { [ids.kind]: d.linkKind, [ids.links]: d.linkTarget },
    complaintRefusal(ids),
  );
  const rooms = reg.registry.rooms.filter((r) => complaint.siteId === null || r.siteId === complaint.siteId);
  const submit = () => {
    submitThen(
      form,
      requireFields(t, { [ids.links]: target }),
      () => post(complaint, 'links', { add: [{ kind, targetId: target.trim() }] }),
      () => onDone(d.linkedNotice),
    );
  };
  return (
    <FormSection
      title={d.addLink}
      form={form}
      onSubmit={submit}
      onCancel={onCancel}
      submitLabel={d.linkSubmit}
    >
      <SelectField
        id={ids.kind}
        label={d.linkKind}
        value={kind}
        onChange={(x) => {
          setKind(x);
          setTarget('');
        }}
        options={LINK_KINDS.map((x) => ({ value: x, label: c.linkKinds[x] ?? x }))}
        error={form.errors.fields[ids.kind]}
      />
      {kind === 'room' ? (
        <SelectField
          id={ids.links}
          label={d.linkTarget}
          value={target}
          onChange={setTarget}
          placeholder={d.chooseRoom}
          options={rooms.map((r) => ({ value: r.id, label: reg.registry.roomLabel(r.id) }))}
          error={form.errors.fields[ids.links]}
        />
      ) : (
        <TextField
          id={ids.links}
          label={d.linkTarget}
          description={d.linkTargetHint}
          value={target}
          onChange={setTarget}
          required
          maxLength={100}
          autoComplete="off"
          error={form.errors.fields[ids.links]}
        />
      )}
    </FormSection>
  );
};

export const AnswerForm = ({ complaint, onDone, onCancel }: StepProps) => {
  const { t } = useI18n();
  const c = t.complaints;
  const d = c.detail;
  const prefix = 'cp-outcome';
  // The error summary links to the first option; the server's field "outcome" goes there too.
  const ids = { outcome: `${prefix}-founded`, explanation: 'cp-explanation' };
  const [outcome, setOutcome] = useState<string | undefined>(undefined);
  const [explanation, setExplanation] = useState('');
  const form = useFormState(
    ids,
    { [ids.outcome]: d.outcome, [ids.explanation]: d.explanation },
    complaintRefusal(ids),
  );
  const submit = () => {
    const required = requireFields(t, { [ids.outcome]: outcome ?? '', [ids.explanation]: explanation });
    submitThen(
      form,
      required,
      () => post(complaint, 'answer', { outcome, explanation: explanation.trim() }),
      () => onDone(d.answeredNotice),
    );
  };
  return (
    <FormSection
      title={d.answer}
      form={form}
      onSubmit={submit}
      onCancel={onCancel}
      submitLabel={d.answerSubmit}
    >
      <RadioGroup<string>
        idPrefix={prefix}
        legend={d.outcome}
        value={outcome}
        onChange={setOutcome}
        options={COMPLAINT_OUTCOMES.map((x) => ({ value: x, label: c.outcomes[x] ?? x }))}
        error={form.errors.fields[ids.outcome]}
      />
      <TextAreaField
        id={ids.explanation}
        label={d.explanation}
        description={d.explanationHint}
        value={explanation}
        onChange={setExplanation}
        required
        maxLength={4000}
        rows={4}
        error={form.errors.fields[ids.explanation]}
      />
    </FormSection>
  );
};
