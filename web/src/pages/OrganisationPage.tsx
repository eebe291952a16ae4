import {
  Button,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading2,
  Paragraph,
} from '@utrecht/component-library-react';
import { useState } from 'react';
import { api, type Organisation } from '../api.js';
import { FormSection } from '../components/FormSection.js';
import { LoadError } from '../components/LoadError.js';
import { Loading } from '../components/Loading.js';
import { Notice } from '../components/Notice.js';
import { PageTitle } from '../components/PageTitle.js';
import { TextField } from '../components/TextField.js';
import { requireFields, useFormState, useLoad } from '../hooks.js';
import { formatDateTime, useI18n } from '../i18n/index.js';
import { useSession } from '../session.js';

const FIELDS = ['name', 'address', 'dpoName', 'dpoEmail', 'dpoPhone'] as const;
type Field = (typeof FIELDS)[number];
const idOf = (f: Field) => `org-${f}`;

const OrganisationForm = ({
  org,
  onDone,
  onCancel,
}: {
  org: Organisation | null;
  readonly onDone: () => void;
  readonly onCancel: () => void;
}) => {
  const { t } = useI18n();
  const [values, setValues] = useState<Record<Field, string>>({
    name: org?.name ?? '',
    address: org?.address ?? '',
    dpoName: org?.dpoName ?? '',
    dpoEmail: org?.dpoEmail ?? '',
    dpoPhone: org?.dpoPhone ?? '',
  });
  const labels: Record<Field, string> = {
    name: t.organisation.name,
    address: t.organisation.address,
    dpoName: t.organisation.dpoName,
    dpoEmail: t.organisation.dpoEmail,
    dpoPhone: t.organisation.dpoPhone,
  };
  const form = useFormState(
    Object.fromEntries(FIELDS.map((f) => [f, idOf(f)])),
    Object.fromEntries(FIELDS.map((f) => [idOf(f), labels[f]])),
  );
  const save = () =>
    void form
      .submit(requireFields(t, { [idOf('name')]: values.name }), async () => {
        await api.put<Organisation>(
          '/api/organisation',
          Object.fromEntries(FIELDS.map((f) => [f, values[f].trim()])),
        );
      })
      .then((ok) => ok && onDone());
  return (
    <FormSection title={t.organisation.edit} form={form} onSubmit={save} onCancel={onCancel}>
      {FIELDS.map((f) => (
        <TextField
          key={f}
          id={idOf(f)}
          label={labels[f]}
          type={f === 'dpoEmail' ? 'email' : f === 'dpoPhone' ? 'tel' : 'text'}
          value={values[f]}
          onChange={(v) => setValues((cur) => ({ ...cur, [f]: v }))}
          required={f === 'name'}
          autoComplete="off"
          error={form.errors.fields[idOf(f)]}
        />
      ))}
    </FormSection>
  );
};

export const OrganisationPage = () => {
  const { t, lang } = useI18n();
  const { can } = useSession();
  const writable = can('registry:write');
  const data = useLoad(() => api.get<Organisation | null>('/api/organisation'), []);
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const org = data.data ?? null;
  const row = (key: string, value: string) => (
    <DataListItem>
      <DataListKey>{key}</DataListKey>
      <DataListValue>{value}</DataListValue>
    </DataListItem>
  );
  return (
    <>
      <PageTitle>{t.organisation.title}</PageTitle>
      <Paragraph>{t.organisation.intro}</Paragraph>
      <Notice text={notice} />
      {data.loading && data.data === undefined ? <Loading /> : null}
      {data.error ? <LoadError error={data.error} /> : null}
      {data.data === null ? <Paragraph>{t.organisation.notSet}</Paragraph> : null}
      {org ? (
        <>
          <section aria-labelledby="org-controller">
            <Heading2 id="org-controller">{t.organisation.controller}</Heading2>
            <DataList appearance="rows" className="pp-datalist">
              {row(t.organisation.name, org.name)}
              {row(t.organisation.address, org.address)}
            </DataList>
          </section>
          <section aria-labelledby="org-dpo">
            <Heading2 id="org-dpo">{t.organisation.dpo}</Heading2>
            <DataList appearance="rows" className="pp-datalist">
              {row(t.organisation.dpoName, org.dpoName)}
              {row(t.organisation.dpoEmail, org.dpoEmail)}
              {row(t.organisation.dpoPhone, org.dpoPhone)}
              {row(t.organisation.updatedAt, formatDateTime(lang, org.updatedAt))}
            </DataList>
          </section>
        </>
      ) : null}
      {writable && !editing && data.data !== undefined ? (
        <Button appearance="secondary-action-button" onClick={() => (setNotice(undefined), setEditing(true))}>
          {t.organisation.edit}
        </Button>
      ) : null}
      {writable && editing ? (
        <OrganisationForm
          org={org}
          onDone={() => {
            setEditing(false);
            setNotice(t.saved);
            data.reload();
          }}
          onCancel={() => setEditing(false)}
        />
      ) : null}
    </>
  );
};
