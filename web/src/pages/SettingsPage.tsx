import { useState } from 'react';
import { api, type Setting } from '../api.js';
import { FormSection } from '../components/FormSection.js';
import { EditButton, ResourcePage, ResourceTable, useEditor } from '../components/ResourcePage.js';
import { TextField } from '../components/TextField.js';
import { HoldPolicySetting } from '../footage/HoldPolicySetting.js';
import { useFormState, useLoad } from '../hooks.js';
import { formatDateTime, useI18n } from '../i18n/index.js';
import { useSession } from '../session.js';

const show = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

/** Settings are typed by their default: a number stays a number, anything else is text. */
const parse = (setting: Setting, text: string): unknown => {
  if (typeof setting.default === 'number') {
    const n = Number(text.trim());
    return text.trim() === '' || Number.isNaN(n) ? text : n;
  }
  if (typeof setting.default === 'boolean') return text.trim() === 'true';
  return text;
};

const SettingForm = ({
  setting,
  onDone,
  onCancel,
}: {
  setting: Setting;
  readonly onDone: () => void;
  readonly onCancel: () => void;
}) => {
  const { t } = useI18n();
  const [value, setValue] = useState(show(setting.value));
  const form = useFormState(
    { value: 'setting-value', key: 'setting-value' },
    { 'setting-value': setting.key },
  );
  const description = t.settings.descriptions[setting.key] ?? setting.description;
  const save = () =>
    void form
      .submit({ summary: undefined, fields: {} }, async () => {
        await api.put(`/api/settings/${encodeURIComponent(setting.key)}`, { value: parse(setting, value) });
      })
      .then((ok) => ok && onDone());
  return (
    <FormSection title={t.settings.editSetting(setting.key)} form={form} onSubmit={save} onCancel={onCancel}>
      <TextField
        id="setting-value"
        label={`${t.settings.value}: ${setting.key}`}
        description={description}
        type={typeof setting.default === 'number' ? 'number' : 'text'}
        value={value}
        onChange={setValue}
        required
        error={form.errors.fields['setting-value']}
      />
    </FormSection>
  );
};

export const SettingsPage = () => {
  const { t, lang } = useI18n();
  const { can } = useSession();
  const writable = can('settings:write');
  const data = useLoad(() => api.get<Setting[]>('/api/settings'), []);
  const editor = useEditor<Setting>(data.reload);
  const { editing } = editor;
  const settings = data.data ?? [];
  return (
    <ResourcePage
      title={t.settings.title}
      intro={t.settings.intro}
      load={data}
      notice={editor.notice}
      form={
        writable && editing ? (
          <SettingForm key={editing.key} setting={editing} {...editor.formProps(t.saved)} />
        ) : null
      }
    >
      {settings.length > 0 ? (
        <ResourceTable
          caption={t.settings.caption}
          rows={settings}
          rowKey={(s) => s.key}
          rowHeader={{ header: t.settings.key, cell: (s) => <code className="pp-code">{s.key}</code> }}
          columns={[
            { header: t.settings.description, cell: (s) => t.settings.descriptions[s.key] ?? s.description },
            { header: t.settings.value, cell: (s) => show(s.value) },
            { header: t.settings.default, cell: (s) => show(s.default) },
            {
              header: t.settings.updated,
              cell: (s) =>
                s.updatedAt
                  ? `${formatDateTime(lang, s.updatedAt)} (${s.updatedBy ?? ''})`
                  : t.settings.never,
            },
          ]}
          actions={writable ? (s) => <EditButton name={s.key} onClick={() => editor.open(s)} /> : undefined}
        />
      ) : null}
      {can('footage:records') ? <HoldPolicySetting canSet={can('footage:hold-policy')} /> : null}
    </ResourcePage>
  );
};
