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
import { SelectField } from '../components/SelectField.js';
import { TextField } from '../components/TextField.js';
import { requireFields, useFormState, useLoad } from '../hooks.js';
import { useI18n } from '../i18n.js';
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
  const form = useFormState({
    siteId: 'room-site',
    name: 'room-name',
    floor: 'room-floor',
    description: 'room-description',
  });
  const save = () =>
    void form
      .submit(requireFields(t, { 'room-name': name }), async () => {
        const body = { name: name.trim(), floor: floor.trim(), description: description.trim() };
        if (room) await api.patch<Room>(`/api/rooms/${room.id}`, body);
        else await api.post<Room>('/api/rooms', { siteId, ...body });
      })
      .then((ok) => ok && onDone());
  return (
    <FormSection
      title={room ? t.rooms.formEdit : t.rooms.formNew}
      errors={form.errors}
      labels={{
        'room-site': t.rooms.site,
        'room-name': t.rooms.name,
        'room-floor': t.rooms.floor,
        'room-description': t.rooms.description,
      }}
      busy={form.busy}
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
  const [editing, setEditing] = useState<Room | 'new' | null>(null);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const sites = data.data?.[0] ?? [];
  const rooms = data.data?.[1] ?? [];

  const done = (text: string) => () => {
    setEditing(null);
    setNotice(text);
    data.reload();
  };

  return (
    <>
      <PageTitle>{t.rooms.title}</PageTitle>
      <Paragraph>{t.rooms.intro}</Paragraph>
      <Notice text={notice} />
      {writable && editing === null && data.data ? (
        sites.length > 0 ? (
          <Button
            appearance="secondary-action-button"
            onClick={() => (setNotice(undefined), setEditing('new'))}
          >
            {t.rooms.add}
          </Button>
        ) : (
          <Paragraph>{t.rooms.noSites}</Paragraph>
        )
      ) : null}
      {writable && editing !== null ? (
        <RoomForm
          key={editing === 'new' ? 'new' : editing.id}
          room={editing === 'new' ? undefined : editing}
          sites={sites}
          onDone={done(editing === 'new' ? t.created : t.saved)}
          onCancel={() => setEditing(null)}
        />
      ) : null}
      {data.loading && !data.data ? <Loading /> : null}
      {data.error ? <LoadError error={data.error} /> : null}
      {sites.map((site) => {
        const here = rooms.filter((r) => r.siteId === site.id);
        return (
          <div key={site.id} className="pp-group">
            {here.length === 0 ? (
              <Paragraph>
                <strong>{site.name}</strong>: {t.rooms.empty}
              </Paragraph>
            ) : (
              <Table className="pp-table pp-table--fixed">
                <TableCaption>{t.rooms.captionFor(site.name)}</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{t.rooms.name}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t.rooms.floor}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t.rooms.description}</TableHeaderCell>
                    {writable ? <TableHeaderCell scope="col">{t.actions}</TableHeaderCell> : null}
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {here.map((r) => (
                    <TableRow key={r.id}>
                      <TableHeaderCell scope="row">{r.name}</TableHeaderCell>
                      <TableCell>{r.floor}</TableCell>
                      <TableCell>{r.description}</TableCell>
                      {writable ? (
                        <TableCell>
                          <Button
                            appearance="subtle-button"
                            aria-label={t.editItem(r.name)}
                            onClick={() => (setNotice(undefined), setEditing(r))}
                          >
                            {t.edit}
                          </Button>
                        </TableCell>
                      ) : null}
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </div>
        );
      })}
    </>
  );
};
