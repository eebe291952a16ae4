import { useState } from 'react';
import { api, type Room, type Site } from '../api.js';
import { FormSection } from '../components/FormSection.js';
import { EditButton, ResourcePage, ResourceTable, useEditor } from '../components/ResourcePage.js';
import { TextField } from '../components/TextField.js';
import { requireFields, useFormState, useLoad } from '../hooks.js';
import { useI18n } from '../i18n/index.js';
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
  const form = useFormState(
    { name: 'site-name', address: 'site-address' },
    { 'site-name': t.sites.name, 'site-address': t.sites.address },
  );
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
      form={form}
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
  const editor = useEditor<Site | 'new'>(data.reload);
  const { editing } = editor;
  const [sites, rooms] = data.data ?? [[], []];

  return (
    <ResourcePage
      title={t.sites.title}
      intro={t.sites.intro}
      load={data}
      notice={editor.notice}
      add={writable ? { label: t.sites.add, onClick: () => editor.open('new') } : undefined}
      form={
        writable && editing !== null ? (
          <SiteForm
            key={editing === 'new' ? 'new' : editing.id}
            site={editing === 'new' ? undefined : editing}
            {...editor.formProps(editing === 'new' ? t.created : t.saved)}
          />
        ) : null
      }
      empty={sites.length === 0 ? t.sites.empty : undefined}
    >
      <ResourceTable
        caption={t.sites.caption}
        rows={sites}
        rowKey={(s) => s.id}
        rowHeader={{ header: t.sites.name, cell: (s) => s.name }}
        columns={[
          { header: t.sites.address, cell: (s) => s.address },
          { header: t.sites.rooms, cell: (s) => rooms.filter((r) => r.siteId === s.id).length },
        ]}
        actions={writable ? (s) => <EditButton name={s.name} onClick={() => editor.open(s)} /> : undefined}
      />
    </ResourcePage>
  );
};
