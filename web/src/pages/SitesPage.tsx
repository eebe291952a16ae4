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
import { api, type Room, type Site } from '../api.js';
import { FormSection } from '../components/FormSection.js';
import { LoadError } from '../components/LoadError.js';
import { Loading } from '../components/Loading.js';
import { Notice } from '../components/Notice.js';
import { PageTitle } from '../components/PageTitle.js';
import { TextField } from '../components/TextField.js';
import { requireFields, useFormState, useLoad } from '../hooks.js';
import { useI18n } from '../i18n.js';
import { useSession } from '../session.js';

const SiteForm = ({
  site,
  onDone,
  onCancel,
}: {
  site: Site | undefined;
  readonly onDone: () => void;
  readonly onCancel: () => void;
}) => {
  const { t } = useI18n();
  const [name, setName] = useState(site?.name ?? '');
  const [address, setAddress] = useState(site?.address ?? '');
  const form = useFormState({ name: 'site-name', address: 'site-address' });
  const save = () =>
    void form
      .submit(requireFields(t, { 'site-name': name }), async () => {
        const body = { name: name.trim(), address: address.trim() };
        if (site) await api.patch<Site>(`/api/sites/${site.id}`, body);
        else await api.post<Site>('/api/sites', body);
      })
      .then((ok) => ok && onDone());
  return (
    <FormSection
      title={site ? t.sites.formEdit : t.sites.formNew}
      errors={form.errors}
      labels={{ 'site-name': t.sites.name, 'site-address': t.sites.address }}
      busy={form.busy}
      onSubmit={save}
      onCancel={onCancel}
    >
      <TextField
        id="site-name"
        label={t.sites.name}
        value={name}
        onChange={setName}
        required
        maxLength={100}
        error={form.errors.fields['site-name']}
      />
      <TextField
        id="site-address"
        label={t.sites.address}
        value={address}
        onChange={setAddress}
        maxLength={500}
        autoComplete="off"
        error={form.errors.fields['site-address']}
      />
    </FormSection>
  );
};

export const SitesPage = () => {
  const { t } = useI18n();
  const { can } = useSession();
  const writable = can('registry:write');
  const data = useLoad(() => Promise.all([api.get<Site[]>('/api/sites'), api.get<Room[]>('/api/rooms')]), []);
  const [editing, setEditing] = useState<Site | 'new' | null>(null);
  const [notice, setNotice] = useState<string | undefined>(undefined);

  const done = (text: string) => () => {
    setEditing(null);
    setNotice(text);
    data.reload();
  };

  return (
    <>
      <PageTitle>{t.sites.title}</PageTitle>
      <Paragraph>{t.sites.intro}</Paragraph>
      <Notice text={notice} />
      {writable && editing === null ? (
        <Button
          appearance="secondary-action-button"
          onClick={() => (setNotice(undefined), setEditing('new'))}
        >
          {t.sites.add}
        </Button>
      ) : null}
      {writable && editing !== null ? (
        <SiteForm
          key={editing === 'new' ? 'new' : editing.id}
          site={editing === 'new' ? undefined : editing}
          onDone={done(editing === 'new' ? t.created : t.saved)}
          onCancel={() => setEditing(null)}
        />
      ) : null}
      {data.loading && !data.data ? <Loading /> : null}
      {data.error ? <LoadError error={data.error} /> : null}
      {data.data ? (
        data.data[0].length === 0 ? (
          <Paragraph>{t.sites.empty}</Paragraph>
        ) : (
          <Table className="pp-table">
            <TableCaption>{t.sites.caption}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t.sites.name}</TableHeaderCell>
                <TableHeaderCell scope="col">{t.sites.address}</TableHeaderCell>
                <TableHeaderCell scope="col">{t.sites.rooms}</TableHeaderCell>
                {writable ? <TableHeaderCell scope="col">{t.actions}</TableHeaderCell> : null}
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.data[0].map((s) => (
                <TableRow key={s.id}>
                  <TableHeaderCell scope="row">{s.name}</TableHeaderCell>
                  <TableCell>{s.address}</TableCell>
                  <TableCell>{data.data?.[1].filter((r) => r.siteId === s.id).length ?? 0}</TableCell>
                  {writable ? (
                    <TableCell>
                      <Button
                        appearance="subtle-button"
                        aria-label={t.editItem(s.name)}
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
        )
      ) : null}
    </>
  );
};
