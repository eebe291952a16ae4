import { Button, StatusBadge } from '@utrecht/component-library-react';
import { useState } from 'react';
import { ROLES, api, type Site, type User } from '../api.js';
import { CheckboxField } from '../components/CheckboxField.js';
import { CheckboxGroup } from '../components/CheckboxGroup.js';
import { FormSection } from '../components/FormSection.js';
import { EditButton, ResourcePage, ResourceTable, useEditor } from '../components/ResourcePage.js';
import { TextField } from '../components/TextField.js';
import { requireFields, useFormState, useLoad, type FormErrors } from '../hooks.js';
import { roleName, useI18n, type Dictionary } from '../i18n/index.js';
import { useSession } from '../session.js';

const FIRST_ROLE_ID = `user-role-${ROLES[0]}`;

const roleOptions = (t: Dictionary) =>
  ROLES.map((r) => ({ value: r, label: t.roles[r].name, description: t.roles[r].explain }));

interface UserFormProps {
  readonly user: User | undefined;
  readonly sites: readonly Site[];
  readonly onDone: () => void;
  readonly onCancel: () => void;
}

const UserForm = ({ user, sites, onDone, onCancel }: UserFormProps) => {
  const { t } = useI18n();
  const [username, setUsername] = useState(user?.username ?? '');
  const [displayName, setDisplayName] = useState(user?.displayName ?? '');
  const [email, setEmail] = useState(user?.email ?? '');
  const [roles, setRoles] = useState<string[]>(user ? [...user.roles] : []);
  const [siteIds, setSiteIds] = useState<string[]>(user ? [...user.siteIds] : []);
  const [password, setPassword] = useState('');
  const [disabled, setDisabled] = useState(user?.disabled ?? false);
  const form = useFormState(
    {
      username: 'user-username',
      displayName: 'user-display-name',
      email: 'user-email',
      roles: FIRST_ROLE_ID,
      siteIds: sites[0] ? `user-site-${sites[0].id}` : 'user-display-name',
      password: 'user-password',
    },
    {
      'user-username': t.users.username,
      'user-display-name': t.users.displayName,
      'user-email': t.users.email,
      [FIRST_ROLE_ID]: t.users.roles,
      'user-password': t.users.password,
    },
  );
  const clientErrors = (): FormErrors => {
    const missing = requireFields(
      t,
      user
        ? { 'user-display-name': displayName }
        : { 'user-username': username, 'user-display-name': displayName },
    );
    return roles.length === 0
      ? { summary: undefined, fields: { ...missing.fields, [FIRST_ROLE_ID]: t.users.rolesRequired } }
      : missing;
  };
  const save = () =>
    void form
      .submit(clientErrors(), async () => {
        const body = { displayName: displayName.trim(), email: email.trim(), roles, siteIds };
        if (user) await api.patch<User>(`/api/users/${user.id}`, { ...body, disabled });
        else
          await api.post<User>('/api/users', {
            username: username.trim(),
            ...body,
            ...(password ? { password } : {}),
          });
      })
      .then((ok) => ok && onDone());
  return (
    <FormSection
      title={user ? t.users.formEdit(user.username) : t.users.formNew}
      form={form}
      onSubmit={save}
      onCancel={onCancel}
    >
      {user ? null : (
        <TextField
          id="user-username"
          label={t.users.username}
          description={t.users.usernameHint}
          value={username}
          onChange={setUsername}
          required
          maxLength={64}
          autoComplete="off"
          error={form.errors.fields['user-username']}
        />
      )}
      <TextField
        id="user-display-name"
        label={t.users.displayName}
        value={displayName}
        onChange={setDisplayName}
        required
        maxLength={200}
        autoComplete="off"
        error={form.errors.fields['user-display-name']}
      />
      <TextField
        id="user-email"
        label={t.users.email}
        type="email"
        value={email}
        onChange={setEmail}
        maxLength={254}
        autoComplete="off"
        error={form.errors.fields['user-email']}
      />
      <CheckboxGroup
        idPrefix="user-role"
        legend={t.users.rolesLegend}
        description={t.users.rolesHint}
        options={roleOptions(t)}
        selected={roles}
        onChange={setRoles}
        error={form.errors.fields[FIRST_ROLE_ID]}
      />
      {sites.length > 0 ? (
        <CheckboxGroup
          idPrefix="user-site"
          legend={t.users.sitesLegend}
          description={t.users.sitesHint}
          options={sites.map((s) => ({ value: s.id, label: s.name }))}
          selected={siteIds}
          onChange={setSiteIds}
        />
      ) : null}
      {user ? (
        <CheckboxField
          id="user-disabled"
          label={t.users.disabledLabel}
          checked={disabled}
          onChange={setDisabled}
        />
      ) : (
        <TextField
          id="user-password"
          label={t.users.password}
          description={t.users.passwordHint}
          type="password"
          value={password}
          onChange={setPassword}
          autoComplete="new-password"
          maxLength={256}
          error={form.errors.fields['user-password']}
        />
      )}
    </FormSection>
  );
};

const SetPasswordForm = ({
  user,
  onDone,
  onCancel,
}: {
  user: User;
  onDone: () => void;
  onCancel: () => void;
}) => {
  const { t } = useI18n();
  const [password, setPassword] = useState('');
  const form = useFormState({ password: 'user-new-password' }, { 'user-new-password': t.users.newPassword });
  const save = () =>
    void form
      .submit(requireFields(t, { 'user-new-password': password }), async () => {
        await api.post<User>(`/api/users/${user.id}/password`, { password });
      })
      .then((ok) => ok && onDone());
  return (
    <FormSection
      title={`${t.users.setPassword}: ${user.username}`}
      form={form}
      onSubmit={save}
      onCancel={onCancel}
    >
      <TextField
        id="user-new-password"
        label={t.users.newPassword}
        description={t.users.setPasswordHint}
        type="password"
        value={password}
        onChange={setPassword}
        autoComplete="new-password"
        required
        maxLength={256}
        error={form.errors.fields['user-new-password']}
      />
    </FormSection>
  );
};

type Editing = { kind: 'new' } | { kind: 'edit'; user: User } | { kind: 'password'; user: User };

export const UsersPage = () => {
  const { t } = useI18n();
  const { can, me } = useSession();
  const writable = can('users:write');
  const data = useLoad(
    () =>
      Promise.all([
        api.get<User[]>('/api/users'),
        can('registry:read') ? api.get<Site[]>('/api/sites') : Promise.resolve([]),
      ]),
    [],
  );
  const editor = useEditor<Editing>(data.reload);
  const { editing } = editor;
  const [users, sites] = data.data ?? [[], []];

  const status = (u: User) =>
    u.disabled ? (
      <StatusBadge status="danger">{t.users.disabled}</StatusBadge>
    ) : u.lockedUntil && new Date(u.lockedUntil) > new Date() ? (
      <StatusBadge status="warning">{t.users.locked}</StatusBadge>
    ) : (
      <StatusBadge status="safe">{t.users.active}</StatusBadge>
    );

  const form =
    !writable || editing === null ? null : editing.kind === 'password' ? (
      <SetPasswordForm key={editing.user.id} user={editing.user} {...editor.formProps(t.users.passwordSet)} />
    ) : (
      <UserForm
        key={editing.kind === 'new' ? 'new' : editing.user.id}
        user={editing.kind === 'new' ? undefined : editing.user}
        sites={sites}
        {...editor.formProps(editing.kind === 'new' ? t.created : t.saved)}
      />
    );

  return (
    <ResourcePage
      title={t.users.title}
      intro={t.users.intro}
      load={data}
      notice={editor.notice}
      add={writable ? { label: t.users.add, onClick: () => editor.open({ kind: 'new' }) } : undefined}
      form={form}
    >
      {users.length > 0 ? (
        <ResourceTable
          stackOnPhone
          caption={t.users.caption}
          rows={users}
          rowKey={(u) => u.id}
          rowHeader={{ header: t.users.username, cell: (u) => u.username }}
          columns={[
            { header: t.users.displayName, cell: (u) => u.displayName },
            { header: t.users.roles, cell: (u) => u.roles.map((r) => roleName(t, r)).join(', ') },
            { header: t.users.status, cell: status },
          ]}
          actions={
            writable
              ? (u) => (
                  <div className="pp-actions">
                    <EditButton name={u.username} onClick={() => editor.open({ kind: 'edit', user: u })} />
                    {/* One's own password: on the password page, with the current one. */}
                    {u.oidc || u.id === me.user.id ? null : (
                      <Button
                        appearance="subtle-button"
                        aria-label={`${t.users.setPassword}: ${u.username}`}
                        onClick={() => editor.open({ kind: 'password', user: u })}
                      >
                        {t.users.setPassword}
                      </Button>
                    )}
                  </div>
                )
              : undefined
          }
        />
      ) : null}
    </ResourcePage>
  );
};
