import { Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { api, type User } from '../api.js';
import { FormSection } from '../components/FormSection.js';
import { Notice } from '../components/Notice.js';
import { PageTitle } from '../components/PageTitle.js';
import { TextField } from '../components/TextField.js';
import { requireFields, useFormState } from '../hooks.js';
import { useI18n } from '../i18n/index.js';

export const PasswordPage = () => {
  const { t } = useI18n();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const form = useFormState(
    { currentPassword: 'pw-current', newPassword: 'pw-new' },
    {
      'pw-current': t.password.current,
      'pw-new': t.password.new,
      'pw-repeat': t.password.repeat,
    },
  );
  const save = () => {
    setNotice(undefined);
    const missing = requireFields(t, { 'pw-current': current, 'pw-new': next, 'pw-repeat': repeat });
    const errors =
      Object.keys(missing.fields).length === 0 && next !== repeat
        ? { summary: undefined, fields: { 'pw-repeat': t.password.mismatch } }
        : missing;
    void form
      .submit(errors, async () => {
        await api.post<User>('/api/auth/password', { currentPassword: current, newPassword: next });
      })
      .then((ok) => {
        if (!ok) return;
        setCurrent('');
        setNext('');
        setRepeat('');
        setNotice(t.password.changed);
      });
  };
  return (
    <>
      <PageTitle>{t.password.title}</PageTitle>
      <Paragraph>{t.password.intro}</Paragraph>
      <Notice text={notice} />
      <FormSection title={t.password.title} form={form} onSubmit={save} submitLabel={t.password.submit}>
        <TextField
          id="pw-current"
          label={t.password.current}
          type="password"
          value={current}
          onChange={setCurrent}
          autoComplete="current-password"
          required
          error={form.errors.fields['pw-current']}
        />
        <TextField
          id="pw-new"
          label={t.password.new}
          type="password"
          value={next}
          onChange={setNext}
          autoComplete="new-password"
          required
          error={form.errors.fields['pw-new']}
        />
        <TextField
          id="pw-repeat"
          label={t.password.repeat}
          type="password"
          value={repeat}
          onChange={setRepeat}
          autoComplete="new-password"
          required
          error={form.errors.fields['pw-repeat']}
        />
      </FormSection>
    </>
  );
};
