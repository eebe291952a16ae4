/**
 * The hold maximum on the Settings page (issue 10 §3): how long a legal hold may run without a new
 * reason. Everyone with `footage:records` reads it; only the privacy officer (`footage:hold-policy`)
 * changes it, through its own route (not the generic settings route, which administrators write).
 */
import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useId, useState } from 'react';
import { api, type HoldPolicy } from '../api.js';
import { FormSection } from '../components/FormSection.js';
import { Notice } from '../components/Notice.js';
import { TextField } from '../components/TextField.js';
import { requireFields, useFormState, useLoad } from '../hooks.js';
import { useI18n } from '../i18n/index.js';

export const HoldPolicySetting = ({ canSet }: { readonly canSet: boolean }) => {
  const { t } = useI18n();
  const h = t.holds;
  const headingId = useId();
  const data = useLoad(() => api.get<HoldPolicy>('/api/recording/hold-policy'), []);
  const [days, setDays] = useState('');
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const form = useFormState({ maxDays: 'hold-max-days' }, { 'hold-max-days': h.policyDays });
  const save = () =>
    void form
      .submit(requireFields(t, { 'hold-max-days': days }), async () => {
        await api.put<HoldPolicy>('/api/recording/hold-policy', { maxDays: Number(days.trim()) });
      })
      .then((ok) => {
        if (!ok) return;
        setDays('');
        setNotice(h.policySaved);
        data.reload();
      });
  return (
    <section aria-labelledby={headingId}>
      <Heading level={2} id={headingId}>
        {h.policyTitle}
      </Heading>
      <Paragraph>{h.policyIntro}</Paragraph>
      {data.data !== undefined ? <Paragraph>{h.policyCurrent(data.data.maxDays)}</Paragraph> : null}
      <Notice text={notice} />
      {canSet ? (
        <FormSection title={h.policyChange} form={form} onSubmit={save}>
          <TextField
            id="hold-max-days"
            label={h.policyDays}
            type="number"
            value={days}
            onChange={setDays}
            required
            error={form.errors.fields['hold-max-days']}
          />
        </FormSection>
      ) : null}
    </section>
  );
};
