import { Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { api, type Room, type Site } from '../api.js';
import { FormSection } from '../components/FormSection.js';
import { EditButton, ResourcePage, ResourceTable, useEditor } from '../components/ResourcePage.js';
import { SelectField } from '../components/SelectField.js';
import { TextField } from '../components/TextField.js';
import { requireFields, useFormState, useLoad } from '../hooks.js';
import { useI18n } from '../i18n/index.js';
import { useSession } from '../session.js';

interface RoomFormProps {
  readonly room: Room | undefined;
  readonly sites: readonly Site[];
  readonly onDone: () => void;
  readonly onCancel: () => void;
}

const RoomForm = ({ room, sites, onDone, onCancel }: RoomFormProps) => {
  const { t } = useI18n();
  const [siteId, setSiteId] = useState(room?.siteId ?? sites[0]?.id ?? '');
  const [name, setName] = useState(room?.name ?? '');
  const [floor, setFloor] = useState(room?.floor ?? '');
  const [description, setDescription] = useState(room?.description ?? '');
  const form = useFormState(
    {
      siteId: 'room-site',
      name: 'room-name',
      floor: 'room-floor',
      description: 'room-description',
    },
    {
      'room-site': t.rooms.site,
      'room-name': t.rooms.name,
      'room-floor': t.rooms.floor,
      'room-description': t.rooms.description,
    },
  );
  const save = () =>
    void form
      .submit(
        requireFields(t, { 'room-site': siteId, 'room-name': name }, { 'room-site': t.choose.site }),
        async () => {
          const body = { name: name.trim(), floor: floor.trim(), description: description.trim() };
          if (room) await api.patch<Room>(`/api/rooms/${room.id}`, body);
          else await api.post<Room>('/api/rooms', { siteId, ...body });
        },
      )
      .then((ok) => ok && onDone());
  return (
    <FormSection
      title={room ? t.rooms.formEdit : t.rooms.formNew}
      form={form}
      onSubmit={save}
      onCancel={onCancel}
    >
      {room ? null : (
        <SelectField
          id="room-site"
          label={t.rooms.site}
          value={siteId}
          onChange={setSiteId}
          options={sites.map((s) => ({ value: s.id, label: s.name }))}
          error={form.errors.fields['room-site']}
        />
      )}
      <TextField
        id="room-name"
        label={t.rooms.name}
        value={name}
        onChange={setName}
        required
        maxLength={100}
        error={form.errors.fields['room-name']}
      />
      <TextField
        id="room-floor"
        label={t.rooms.floor}
        value={floor}
        onChange={setFloor}
        maxLength={50}
        error={form.errors.fields['room-floor']}
      />
      <TextField
        id="room-description"
        label={t.rooms.description}
        description={t.rooms.descriptionHint}
        value={description}
        onChange={setDescription}
        maxLength={1000}
        error={form.errors.fields['room-description']}
      />
    </FormSection>
  );
};

export const RoomsPage = () => {
  const { t } = useI18n();
  const { can } = useSession();
  const writable = can('registry:write');
  const data = useLoad(() => Promise.all([api.get<Site[]>('/api/sites'), api.get<Room[]>('/api/rooms')]), []);
  const editor = useEditor<Room | 'new'>(data.reload);
  const { editing } = editor;
  const [sites, rooms] = data.data ?? [[], []];
  const canAdd = writable && data.data !== undefined;

  return (
    <ResourcePage
      title={t.rooms.title}
      intro={t.rooms.intro}
      load={data}
      notice={editor.notice}
      add={canAdd && sites.length > 0 ? { label: t.rooms.add, onClick: () => editor.open('new') } : undefined}
      addBlocked={canAdd && sites.length === 0 ? t.rooms.noSites : undefined}
      form={
        writable && editing !== null ? (
          <RoomForm
            key={editing === 'new' ? 'new' : editing.id}
            room={editing === 'new' ? undefined : editing}
            sites={sites}
            {...editor.formProps(editing === 'new' ? t.created : t.saved)}
          />
        ) : null
      }
    >
      {sites.map((site) => {
        const here = rooms.filter((r) => r.siteId === site.id);
        return (
          <div key={site.id} className="pp-group">
            {here.length === 0 ? (
              <Paragraph>
                <strong>{site.name}</strong>: {t.rooms.empty}
              </Paragraph>
            ) : (
              <ResourceTable
                variant="fixed"
                stackOnPhone
                caption={t.rooms.captionFor(site.name)}
                rows={here}
                rowKey={(r) => r.id}
                rowHeader={{ header: t.rooms.name, cell: (r) => r.name }}
                columns={[
                  { header: t.rooms.floor, cell: (r) => r.floor },
                  { header: t.rooms.description, cell: (r) => r.description },
                ]}
                actions={
                  writable ? (r) => <EditButton name={r.name} onClick={() => editor.open(r)} /> : undefined
                }
              />
            )}
          </div>
        );
      })}
    </ResourcePage>
  );
};
