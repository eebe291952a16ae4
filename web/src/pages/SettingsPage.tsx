import { Heading2 } from '@utrecht/component-library-react';
import { useState } from 'react';
import type { SettingKey, SettingProblem, SettingSection } from '../../../src/core/registry/settings.js';
import { api, ApiError, type Setting } from '../api.js';
import { FormSection } from '../components/FormSection.js';
import { EditButton, ResourcePage, ResourceTable, useEditor } from '../components/ResourcePage.js';
import { TextAreaField } from '../components/TextAreaField.js';
import { TextField } from '../components/TextField.js';
import { HoldPolicySetting } from '../footage/HoldPolicySetting.js';
import { useFormState, useLoad, type FormErrors } from '../hooks.js';
import type { Dictionary } from '../i18n/nl.js';
import { formatDateTime, useI18n } from '../i18n/index.js';
import { useSession } from '../session.js';

const FIELD = 'setting-value';

/** The server's registry names every setting; a key this UI does not know yet shows as itself. */
const textsOf = (t: Dictionary, s: Setting): { label: string; help: string } =>
  (t.settings.items as Partial<Record<string, { label: string; help: string }>>)[s.key as SettingKey] ?? {
    label: s.key,
    help: s.description,
  };

const sectionName = (t: Dictionary, section: string): string =>
  (t.settings.sections as Partial<Record<string, string>>)[section as SettingSection] ?? section;

/** A value as people read it: a number with its unit, empty text as "(leeg)". */
const shown = (t: Dictionary, s: Setting, v: unknown): string => {
  if (typeof v === 'number' && s.unit !== undefined) return t.settings.units[s.unit]?.(v) ?? String(v);
  if (v === '' || v === null || v === undefined) return t.settings.empty;
  return typeof v === 'string' ? v : JSON.stringify(v);
};

const problemMessage = (t: Dictionary, p: SettingProblem): string =>
  p.rule === 'integer-range'
    ? t.settings.errors.integerRange(p.min, p.max, p.unit)
    : t.settings.errors.textLength(p.max);

/** The same check the server makes (its registry sends type and range), so most errors need no round trip. */
const check = (s: Setting, text: string): { value: unknown; problem?: SettingProblem } => {
  if (s.type === 'integer') {
    const n = Number(text.trim());
    const min = s.min ?? Number.MIN_SAFE_INTEGER;
    const max = s.max ?? Number.MAX_SAFE_INTEGER;
    return text.trim() !== '' && Number.isInteger(n) && n >= min && n <= max
      ? { value: n }
      : { value: text, problem: { rule: 'integer-range', min, max, unit: 'seconds' } };
  }
  const max = s.maxLength ?? Number.MAX_SAFE_INTEGER;
  return text.length <= max ? { value: text } : { value: text, problem: { rule: 'text-length', max } };
};

/** The server names the rule and its numbers in the refusal's details; the message is worded here. */
const refusal = (t: Dictionary, e: unknown): FormErrors | undefined => {
  if (!(e instanceof ApiError)) return undefined;
  const d = e.problem.details as Partial<SettingProblem> | undefined;
  if (d?.rule === 'integer-range' || d?.rule === 'text-length')
    return { summary: undefined, fields: { [FIELD]: problemMessage(t, d as SettingProblem) } };
  return undefined;
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
  const { label, help } = textsOf(t, setting);
  const [value, setValue] = useState(
    typeof setting.value === 'string' ? setting.value : JSON.stringify(setting.value),
  );
  const form = useFormState({ value: FIELD, key: FIELD }, { [FIELD]: label }, refusal);
  const save = () => {
    const checked = check(setting, value);
    const errors: FormErrors = checked.problem
      ? { summary: undefined, fields: { [FIELD]: problemMessage(t, checked.problem) } }
      : { summary: undefined, fields: {} };
    void form
      .submit(errors, async () => {
        await api.put(`/api/settings/${encodeURIComponent(setting.key)}`, { value: checked.value });
      })
      .then((ok) => ok && onDone());
  };
  const field = {
    id: FIELD,
    label,
    description: `${help} ${t.settings.default}: ${shown(t, setting, setting.default)}.`,
    value,
    onChange: setValue,
    error: form.errors.fields[FIELD],
  };
  return (
    <FormSection title={t.settings.editSetting(label)} form={form} onSubmit={save} onCancel={onCancel}>
      {setting.type === 'integer' ? (
        <TextField {...field} type="number" required />
      ) : (
        <TextAreaField {...field} />
      )}
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
  const sections = [...new Set(settings.map((s) => s.section))];
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
      {sections.map((section) => (
        <section key={section} className="pp-section" aria-labelledby={`settings-${section}`}>
          <Heading2 id={`settings-${section}`}>{sectionName(t, section)}</Heading2>
          <ResourceTable
            caption={t.settings.sectionCaption(sectionName(t, section))}
            rows={settings.filter((s) => s.section === section)}
            rowKey={(s) => s.key}
            rowHeader={{ header: t.settings.key, cell: (s) => textsOf(t, s).label }}
            columns={[
              { header: t.settings.description, cell: (s) => textsOf(t, s).help },
              { header: t.settings.value, cell: (s) => shown(t, s, s.value) },
              { header: t.settings.default, cell: (s) => shown(t, s, s.default) },
              {
                header: t.settings.updated,
                cell: (s) =>
                  s.updatedAt
                    ? `${formatDateTime(lang, s.updatedAt)} (${s.updatedBy ?? ''})`
                    : t.settings.never,
              },
            ]}
            actions={
              writable
                ? (s) => <EditButton name={textsOf(t, s).label} onClick={() => editor.open(s)} />
                : undefined
            }
          />
        </section>
      ))}
      {can('footage:records') ? <HoldPolicySetting canSet={can('footage:hold-policy')} /> : null}
    </ResourcePage>
  );
};
