import {
  Button,
  Paragraph,
  StatusBadge,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useState } from 'react';
import { api, type Camera, type Room, type Site } from '../api.js';
import { CheckboxField } from '../components/CheckboxField.js';
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

const roomLabel = (rooms: readonly Room[], sites: readonly Site[], roomId: string): string => {
  const room = rooms.find((r) => r.id === roomId);
  if (!room) return roomId;
  const site = sites.find((s) => s.id === room.siteId);
  return site ? `${site.name} — ${room.name}` : room.name;
};

interface CameraFormProps {
  readonly camera: Camera | undefined;
  readonly rooms: readonly Room[];
  readonly sites: readonly Site[];
  readonly onDone: () => void;
  readonly onCancel: () => void;
}

/** Credentials are write-only: the form never receives them and sends them only when typed. */
const CameraForm = ({ camera, rooms, sites, onDone, onCancel }: CameraFormProps) => {
  const { t } = useI18n();
  const [roomId, setRoomId] = useState(camera?.roomId ?? rooms[0]?.id ?? '');
  const [name, setName] = useState(camera?.name ?? '');
  const [url, setUrl] = useState(camera?.url ?? '');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [clear, setClear] = useState(false);
  const form = useFormState({
    roomId: 'camera-room',
    name: 'camera-name',
    url: 'camera-url',
    username: 'camera-username',
    password: 'camera-password',
  });
  const save = () =>
    void form
      .submit(requireFields(t, { 'camera-name': name, 'camera-url': url }), async () => {
        const credentials = {
          ...(username ? { username } : {}),
          ...(password ? { password } : {}),
        };
        const body = { roomId, name: name.trim(), url: url.trim(), ...credentials };
        if (camera)
          await api.patch<Camera>(`/api/cameras/${camera.id}`, {
            ...body,
            ...(clear ? { clearCredentials: true } : {}),
          });
        else await api.post<Camera>('/api/cameras', body);
      })
      .then((ok) => ok && onDone());
  return (
    <FormSection
      title={camera ? t.cameras.formEdit : t.cameras.formNew}
      errors={form.errors}
      labels={{
        'camera-room': t.cameras.room,
        'camera-name': t.cameras.name,
        'camera-url': t.cameras.url,
        'camera-username': t.cameras.username,
        'camera-password': t.cameras.password,
      }}
      busy={form.busy}
      onSubmit={save}
      onCancel={onCancel}
    >
      <SelectField
        id="camera-room"
        label={t.cameras.room}
        value={roomId}
        onChange={setRoomId}
        options={rooms.map((r) => ({ value: r.id, label: roomLabel(rooms, sites, r.id) }))}
        error={form.errors.fields['camera-room']}
      />
      <TextField
        id="camera-name"
        label={t.cameras.name}
        value={name}
        onChange={setName}
        required
        maxLength={100}
        error={form.errors.fields['camera-name']}
      />
      <TextField
        id="camera-url"
        label={t.cameras.url}
        description={t.cameras.urlHint}
        type="url"
        value={url}
        onChange={setUrl}
        required
        maxLength={2000}
        autoComplete="off"
        error={form.errors.fields['camera-url']}
      />
      <TextField
        id="camera-username"
        label={t.cameras.username}
        description={camera ? t.cameras.credentialsHint : undefined}
        value={username}
        onChange={setUsername}
        autoComplete="off"
        maxLength={200}
        error={form.errors.fields['camera-username']}
      />
      <TextField
        id="camera-password"
        label={t.cameras.password}
        type="password"
        value={password}
        onChange={setPassword}
        autoComplete="new-password"
        maxLength={200}
        error={form.errors.fields['camera-password']}
      />
      {camera?.hasCredentials ? (
        <CheckboxField
          id="camera-clear"
          label={t.cameras.clearCredentials}
          checked={clear}
          onChange={setClear}
        />
      ) : null}
    </FormSection>
  );
};

export const CamerasPage = () => {
  const { t } = useI18n();
  const { can } = useSession();
  const writable = can('cameras:write');
  const data = useLoad(
    () =>
      Promise.all([
        api.get<Camera[]>('/api/cameras'),
        api.get<Room[]>('/api/rooms'),
        api.get<Site[]>('/api/sites'),
      ]),
    [],
  );
  const [editing, setEditing] = useState<Camera | 'new' | null>(null);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const [cameras, rooms, sites] = data.data ?? [[], [], []];

  const done = (text: string) => () => {
    setEditing(null);
    setNotice(text);
    data.reload();
  };

  return (
    <>
      <PageTitle>{t.cameras.title}</PageTitle>
      <Paragraph>{t.cameras.intro}</Paragraph>
      <Notice text={notice} />
      {writable && editing === null && data.data ? (
        rooms.length > 0 ? (
          <Button
            appearance="secondary-action-button"
            onClick={() => (setNotice(undefined), setEditing('new'))}
          >
            {t.cameras.add}
          </Button>
        ) : (
          <Paragraph>{t.cameras.noRooms}</Paragraph>
        )
      ) : null}
      {writable && editing !== null ? (
        <CameraForm
          key={editing === 'new' ? 'new' : editing.id}
          camera={editing === 'new' ? undefined : editing}
          rooms={rooms}
          sites={sites}
          onDone={done(editing === 'new' ? t.created : t.saved)}
          onCancel={() => setEditing(null)}
        />
      ) : null}
      {data.loading && !data.data ? <Loading /> : null}
      {data.error ? <LoadError error={data.error} /> : null}
      {data.data && cameras.length === 0 ? <Paragraph>{t.cameras.empty}</Paragraph> : null}
      {cameras.length > 0 ? (
        <Table className="pp-table">
          <TableCaption>{t.cameras.caption}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t.cameras.name}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.cameras.room}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.cameras.url}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.cameras.credentials}</TableHeaderCell>
              {writable ? <TableHeaderCell scope="col">{t.actions}</TableHeaderCell> : null}
            </TableRow>
          </TableHeader>
          <TableBody>
            {cameras.map((c) => (
              <TableRow key={c.id}>
                <TableHeaderCell scope="row">{c.name}</TableHeaderCell>
                <TableCell>{roomLabel(rooms, sites, c.roomId)}</TableCell>
                <TableCell>
                  <code className="pp-code">{c.url}</code>
                </TableCell>
                <TableCell>
                  {c.hasCredentials ? (
                    <StatusBadge status="safe">{t.cameras.credentialsSet}</StatusBadge>
                  ) : (
                    <StatusBadge status="neutral">{t.cameras.credentialsNone}</StatusBadge>
                  )}
                </TableCell>
                {writable ? (
                  <TableCell>
                    <Button
                      appearance="subtle-button"
                      aria-label={t.editItem(c.name)}
                      onClick={() => (setNotice(undefined), setEditing(c))}
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
