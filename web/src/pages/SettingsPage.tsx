import {
  Button,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useState } from 'react';
import { api, type Setting } from '../api.js';
import { FormSection } from '../components/FormSection.js';
import { LoadError } from '../components/LoadError.js';
import { Loading } from '../components/Loading.js';
import { Notice } from '../components/Notice.js';
import { PageTitle } from '../components/PageTitle.js';
import { TextField } from '../components/TextField.js';
import { useFormState, useLoad } from '../hooks.js';
import { formatDateTime, useI18n } from '../i18n.js';
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
  const form = useFormState({ value: 'setting-value', key: 'setting-value' });
  const description = t.settings.descriptions[setting.key] ?? setting.description;
  const save = () =>
    void form
      .submit({ summary: undefined, fields: {} }, async () => {
        await api.put(`/api/settings/${encodeURIComponent(setting.key)}`, { value: parse(setting, value) });
      })
      .then((ok) => ok && onDone());
  return (
    <FormSection
      title={t.settings.editSetting(setting.key)}
      errors={form.errors}
      labels={{ 'setting-value': setting.key }}
      busy={form.busy}
      onSubmit={save}
      onCancel={onCancel}
    >
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
  const [editing, setEditing] = useState<Setting | null>(null);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const settings = data.data ?? [];
  return (
    <>
      <PageTitle>{t.settings.title}</PageTitle>
      <Paragraph>{t.settings.intro}</Paragraph>
      <Notice text={notice} />
      {writable && editing ? (
        <SettingForm
          key={editing.key}
          setting={editing}
          onDone={() => {
            setEditing(null);
            setNotice(t.saved);
            data.reload();
          }}
          onCancel={() => setEditing(null)}
        />
      ) : null}
      {data.loading && !data.data ? <Loading /> : null}
      {data.error ? <LoadError error={data.error} /> : null}
      {settings.length > 0 ? (
        <Table className="pp-table">
          <TableCaption>{t.settings.caption}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t.settings.key}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.settings.description}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.settings.value}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.settings.default}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.settings.updated}</TableHeaderCell>
              {writable ? <TableHeaderCell scope="col">{t.actions}</TableHeaderCell> : null}
            </TableRow>
          </TableHeader>
          <TableBody>
            {settings.map((s) => (
              <TableRow key={s.key}>
                <TableHeaderCell scope="row">
                  <code className="pp-code">{s.key}</code>
                </TableHeaderCell>
                <TableCell>{t.settings.descriptions[s.key] ?? s.description}</TableCell>
                <TableCell>{show(s.value)}</TableCell>
                <TableCell>{show(s.default)}</TableCell>
                <TableCell>
                  {s.updatedAt
                    ? `${formatDateTime(lang, s.updatedAt)} (${s.updatedBy ?? ''})`
                    : t.settings.never}
                </TableCell>
                {writable ? (
                  <TableCell>
                    <Button
                      appearance="subtle-button"
                      aria-label={t.editItem(s.key)}
                      onClick={() => (setNotice(undefined), setEditing(s))}
                    >
                      {t.edit}
                    </Button>
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </>
  );
};
