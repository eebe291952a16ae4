import { ButtonGroup, StatusBadge } from '@utrecht/component-library-react';
import { useState } from 'react';
import { api, type Camera, type Room, type Site } from '../api.js';
import { CameraActionButtons, ConfirmCameraAction, type CameraAction } from '../components/CameraActions.js';
import { CheckboxField } from '../components/CheckboxField.js';
import { FormSection } from '../components/FormSection.js';
import { EditButton, ResourcePage, ResourceTable, useEditor } from '../components/ResourcePage.js';
import { SelectField } from '../components/SelectField.js';
import { TextField } from '../components/TextField.js';
import { requireFields, useFormState, useLoad } from '../hooks.js';
import { useI18n } from '../i18n/index.js';
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
  const form = useFormState(
    {
      roomId: 'camera-room',
      name: 'camera-name',
      url: 'camera-url',
      username: 'camera-username',
      password: 'camera-password',
    },
    {
      'camera-room': t.cameras.room,
      'camera-name': t.cameras.name,
      'camera-url': t.cameras.url,
      'camera-username': t.cameras.username,
      'camera-password': t.cameras.password,
    },
  );
  const save = () =>
    void form
      .submit(
        requireFields(
          t,
          { 'camera-room': roomId, 'camera-name': name, 'camera-url': url },
          { 'camera-room': t.choose.room },
        ),
        async () => {
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
        },
      )
      .then((ok) => ok && onDone());
  return (
    <FormSection
      title={camera ? t.cameras.formEdit : t.cameras.formNew}
      form={form}
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
  const editor = useEditor<Camera | 'new' | { readonly camera: Camera; readonly action: CameraAction }>(
    data.reload,
  );
  const { editing } = editor;
  // One open section at a time: the camera form, or the confirmation of an action.
  const confirming = editing !== null && editing !== 'new' && 'action' in editing ? editing : null;
  const formFor = editing === 'new' || (editing !== null && !('action' in editing)) ? editing : null;
  const [cameras, rooms, sites] = data.data ?? [[], [], []];
  const canAdd = writable && editing === null && data.data !== undefined;

  return (
    <ResourcePage
      title={t.cameras.title}
      intro={t.cameras.intro}
      load={data}
      notice={editor.notice}
      add={
        canAdd && rooms.length > 0 ? { label: t.cameras.add, onClick: () => editor.open('new') } : undefined
      }
      addBlocked={canAdd && rooms.length === 0 ? t.cameras.noRooms : undefined}
      form={
        writable && confirming !== null ? (
          <ConfirmCameraAction
            key={`${confirming.action}-${confirming.camera.id}`}
            camera={confirming.camera}
            action={confirming.action}
            {...editor.formProps(t.cameras.actionDone[confirming.action])}
          />
        ) : writable && formFor !== null ? (
          <CameraForm
            key={formFor === 'new' ? 'new' : formFor.id}
            camera={formFor === 'new' ? undefined : formFor}
            rooms={rooms}
            sites={sites}
            {...editor.formProps(formFor === 'new' ? t.created : t.saved)}
          />
        ) : null
      }
      empty={cameras.length === 0 ? t.cameras.empty : undefined}
    >
      <ResourceTable
        stackOnPhone
        caption={t.cameras.caption}
        rows={cameras}
        rowKey={(c) => c.id}
        rowHeader={{ header: t.cameras.name, cell: (c) => c.name }}
        columns={[
          { header: t.cameras.room, cell: (c) => roomLabel(rooms, sites, c.roomId), className: 'pp-break' },
          { header: t.cameras.url, cell: (c) => <code className="pp-code">{c.url}</code> },
          {
            header: t.cameras.credentials,
            cell: (c) =>
              c.hasCredentials ? (
                <StatusBadge status="safe">{t.cameras.credentialsSet}</StatusBadge>
              ) : (
                <StatusBadge status="neutral">{t.cameras.credentialsNone}</StatusBadge>
              ),
          },
          {
            header: t.cameras.state,
            cell: (c) =>
              c.disabled ? (
                <StatusBadge status="warning">{t.cameras.disabled}</StatusBadge>
              ) : (
                <StatusBadge status="safe">{t.cameras.enabled}</StatusBadge>
              ),
          },
        ]}
        actions={
          writable
            ? (c) => (
                <ButtonGroup>
                  <EditButton name={c.name} onClick={() => editor.open(c)} />
                  <CameraActionButtons camera={c} onAction={(action) => editor.open({ camera: c, action })} />
                </ButtonGroup>
              )
            : undefined
        }
      />
    </ResourcePage>
  );
};
