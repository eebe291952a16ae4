/**
 * Suspending recording ("stilleggen") for one site or the whole organisation, and resuming it;
 * both need a reason (administrator or DPO). Alarms keep working in every mode.
 */
import { Button } from '@utrecht/component-library-react';
import { useState } from 'react';
import { api, type Suspension } from '../api.js';
import { FormSection } from '../components/FormSection.js';
import { ResourcePage, ResourceTable, useEditor } from '../components/ResourcePage.js';
import { SelectField } from '../components/SelectField.js';
import { TextAreaField } from '../components/TextAreaField.js';
import { requireFields, useFormState, useLoad } from '../hooks.js';
import { formatDateTime, useI18n } from '../i18n/index.js';
import { useRegistry, type Registry } from '../registry.js';

const SuspendForm = ({
  registry,
  onDone,
  onCancel,
}: {
  readonly registry: Registry;
  readonly onDone: () => void;
  readonly onCancel: () => void;
}) => {
  const { t } = useI18n();
  const [scope, setScope] = useState(registry.sites[0]?.id ?? 'organisation');
  const [reason, setReason] = useState('');
  const form = useFormState(
    { reason: 'suspend-reason', siteId: 'suspend-scope', scope: 'suspend-scope' },
    { 'suspend-scope': t.recording.scope, 'suspend-reason': t.recording.reason },
  );
  const save = () =>
    void form
      .submit(requireFields(t, { 'suspend-reason': reason }), async () => {
        await api.post<Suspension>(
          '/api/recording/suspensions',
          scope === 'organisation'
            ? { scope: 'organisation', reason: reason.trim() }
            : { scope: 'site', siteId: scope, reason: reason.trim() },
        );
      })
      .then((ok) => ok && onDone());
  return (
    <FormSection
      title={t.recording.suspend}
      form={form}
      onSubmit={save}
      onCancel={onCancel}
      submitLabel={t.recording.suspend}
    >
      <SelectField
        id="suspend-scope"
        label={t.recording.scope}
        value={scope}
        onChange={setScope}
        options={[
          ...registry.sites.map((s) => ({ value: s.id, label: s.name })),
          { value: 'organisation', label: t.recording.organisation },
        ]}
        error={form.errors.fields['suspend-scope']}
      />
      <TextAreaField
        id="suspend-reason"
        label={t.recording.reason}
        value={reason}
        onChange={setReason}
        required
        maxLength={1000}
        error={form.errors.fields['suspend-reason']}
      />
    </FormSection>
  );
};

const ResumeForm = ({
  suspension,
  scope,
  onDone,
  onCancel,
}: {
  readonly suspension: Suspension;
  readonly scope: string;
  readonly onDone: () => void;
  readonly onCancel: () => void;
}) => {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const form = useFormState({ reason: 'resume-reason' }, { 'resume-reason': t.recording.resumeReason });
  const save = () =>
    void form
      .submit(requireFields(t, { 'resume-reason': reason }), async () => {
        await api.post<Suspension>(`/api/recording/suspensions/${suspension.id}/resume`, {
          reason: reason.trim(),
        });
      })
      .then((ok) => ok && onDone());
  return (
    <FormSection
      title={t.recording.resume(scope)}
      form={form}
      onSubmit={save}
      onCancel={onCancel}
      submitLabel={t.recording.resume(scope)}
    >
      <TextAreaField
        id="resume-reason"
        label={t.recording.resumeReason}
        value={reason}
        onChange={setReason}
        required
        maxLength={1000}
        error={form.errors.fields['resume-reason']}
      />
    </FormSection>
  );
};

type Editing = { kind: 'suspend' } | { kind: 'resume'; suspension: Suspension };

export const RecordingPage = () => {
  const { t, lang } = useI18n();
  const reg = useRegistry();
  const list = useLoad(() => api.get<Suspension[]>('/api/recording/suspensions'), []);
  const editor = useEditor<Editing>(list.reload);
  const { editing } = editor;
  const rows = list.data ?? [];
  const scopeOf = (s: Suspension) =>
    s.scope === 'organisation' ? t.recording.organisation : reg.registry.siteName(s.siteId ?? '');
  const form =
    editing === null || !reg.data ? null : editing.kind === 'suspend' ? (
      <SuspendForm registry={reg.registry} {...editor.formProps(t.recording.suspended)} />
    ) : (
      <ResumeForm
        key={editing.suspension.id}
        suspension={editing.suspension}
        scope={scopeOf(editing.suspension)}
        {...editor.formProps(t.recording.resumedDone)}
      />
    );
  return (
    <ResourcePage
      title={t.recording.title}
      intro={t.recording.intro}
      load={list}
      notice={editor.notice}
      add={
        reg.data ? { label: t.recording.suspend, onClick: () => editor.open({ kind: 'suspend' }) } : undefined
      }
      form={form}
      heading={t.recording.active}
      empty={rows.length === 0 ? t.recording.none : undefined}
    >
      <ResourceTable
        stackOnPhone
        caption={t.recording.caption}
        rows={rows}
        rowKey={(s) => s.id}
        rowHeader={{ header: t.recording.scope, cell: scopeOf }}
        columns={[
          { header: t.recording.reason, cell: (s) => s.reason },
          { header: t.recording.since, cell: (s) => formatDateTime(lang, s.suspendedAt) },
          {
            header: t.recording.resumed,
            cell: (s) =>
              s.resumedAt
                ? `${formatDateTime(lang, s.resumedAt)} — ${s.resumeReason ?? ''}`
                : t.recording.stillActive,
          },
        ]}
        actions={(s) =>
          s.resumedAt === null ? (
            <Button appearance="subtle-button" onClick={() => editor.open({ kind: 'resume', suspension: s })}>
              {t.recording.resume(scopeOf(s))}
            </Button>
          ) : null
        }
      />
    </ResourcePage>
  );
};
