/**
 * API tokens: the user's own (create, see, revoke) and, for administrators, every token of the
 * users they manage. The secret is shown once, right after creation, and never again.
 */
import { Alert, Button, Heading2, Paragraph, StatusBadge } from '@utrecht/component-library-react';
import { useState } from 'react';
import { TOKEN_DEFAULT_DAYS, TOKEN_MAX_DAYS, api, type ApiToken } from '../api.js';
import { FormSection } from '../components/FormSection.js';
import { LoadError } from '../components/LoadError.js';
import { Loading } from '../components/Loading.js';
import { Notice } from '../components/Notice.js';
import { PageTitle } from '../components/PageTitle.js';
import { ResourceTable } from '../components/ResourcePage.js';
import { TextField } from '../components/TextField.js';
import { problemText, requireFields, useFormState, useLoad, type Loadable } from '../hooks.js';
import { formatDateTime, useI18n } from '../i18n/index.js';
import { useSession } from '../session.js';

interface Created {
  readonly name: string;
  readonly token: string;
  readonly expiresAt: string;
}

const TokenForm = ({ onDone, onCancel }: { onDone: (c: Created) => void; onCancel: () => void }) => {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [days, setDays] = useState(String(TOKEN_DEFAULT_DAYS));
  const form = useFormState(
    { name: 'token-name', expiresInDays: 'token-days' },
    { 'token-name': t.tokens.name, 'token-days': t.tokens.days },
  );
  const save = () => {
    const n = Number(days.trim());
    const missing = requireFields(t, { 'token-name': name.trim() });
    const errors =
      Number.isInteger(n) && n >= 1 && n <= TOKEN_MAX_DAYS
        ? missing
        : {
            summary: undefined,
            fields: { ...missing.fields, 'token-days': t.tokens.daysInvalid(TOKEN_MAX_DAYS) },
          };
    let created: Created | undefined;
    void form
      .submit(errors, async () => {
        created = await api.post<Created>('/api/auth/tokens', { name: name.trim(), expiresInDays: n });
      })
      .then((ok) => ok && created && onDone(created));
  };
  return (
    <FormSection
      title={t.tokens.formTitle}
      form={form}
      onSubmit={save}
      onCancel={onCancel}
      submitLabel={t.tokens.submit}
    >
      <TextField
        id="token-name"
        label={t.tokens.name}
        description={t.tokens.nameHint}
        value={name}
        onChange={setName}
        required
        maxLength={100}
        error={form.errors.fields['token-name']}
      />
      <TextField
        id="token-days"
        label={t.tokens.days}
        description={t.tokens.daysHint(TOKEN_DEFAULT_DAYS, TOKEN_MAX_DAYS)}
        type="number"
        value={days}
        onChange={setDays}
        required
        error={form.errors.fields['token-days']}
      />
    </FormSection>
  );
};

const TokenTable = ({
  caption,
  load,
  empty,
  showUser,
  onRevoke,
}: {
  caption: string;
  load: Loadable<ApiToken[]>;
  empty: string;
  showUser: boolean;
  onRevoke: ((tok: ApiToken) => void) | undefined;
}) => {
  const { t, lang } = useI18n();
  const rows = load.data ?? [];
  const state = (k: ApiToken) =>
    k.state === 'active' ? (
      <StatusBadge status="safe">{t.tokens.states.active}</StatusBadge>
    ) : (
      <StatusBadge status={k.state === 'expired' ? 'warning' : 'danger'}>
        {k.state === 'revoked' && k.endedReason ? t.tokens.reasons[k.endedReason] : t.tokens.states[k.state]}
      </StatusBadge>
    );
  if (load.loading && load.data === undefined) return <Loading />;
  if (load.error) return <LoadError error={load.error} />;
  if (rows.length === 0) return <Paragraph>{empty}</Paragraph>;
  return (
    <ResourceTable
      stackOnPhone
      caption={caption}
      rows={rows}
      rowKey={(k) => k.id}
      rowHeader={{ header: t.tokens.name, cell: (k) => k.name }}
      columns={[
        ...(showUser ? [{ header: t.tokens.user, cell: (k: ApiToken) => k.username }] : []),
        { header: t.tokens.created, cell: (k) => formatDateTime(lang, k.createdAt) },
        { header: t.tokens.expires, cell: (k) => formatDateTime(lang, k.expiresAt) },
        {
          header: t.tokens.lastUsed,
          cell: (k) => (k.lastUsedAt ? formatDateTime(lang, k.lastUsedAt) : t.tokens.never),
        },
        { header: t.tokens.state, cell: state },
      ]}
      actions={
        onRevoke
          ? (k) =>
              k.state === 'active' ? (
                <Button
                  appearance="subtle-button"
                  aria-label={t.tokens.revokeItem(showUser ? `${k.name} (${k.username})` : k.name)}
                  onClick={() => onRevoke(k)}
                >
                  {t.tokens.revoke}
                </Button>
              ) : null
          : undefined
      }
    />
  );
};

export const TokensPage = () => {
  const { t, lang } = useI18n();
  const { can } = useSession();
  const mine = useLoad(() => api.get<ApiToken[]>('/api/auth/tokens'), []);
  const seesAll = can('users:read');
  const all = useLoad(
    () => (seesAll ? api.get<ApiToken[]>('/api/tokens') : Promise.resolve([] as ApiToken[])),
    [seesAll],
  );
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<Created | undefined>(undefined);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const reload = () => {
    mine.reload();
    all.reload();
  };
  const revoke = (path: string) => (k: ApiToken) => {
    setNotice(undefined);
    setFailure(undefined);
    api.del<ApiToken>(`${path}/${k.id}`).then(
      () => {
        setNotice(t.tokens.revoked(k.name));
        reload();
      },
      (e: unknown) => setFailure(problemText(t, e)),
    );
  };
  return (
    <>
      <PageTitle>{t.tokens.title}</PageTitle>
      <Paragraph>{t.tokens.intro}</Paragraph>
      <Notice text={notice} />
      {failure ? (
        <Alert type="error">
          <Paragraph>{failure}</Paragraph>
        </Alert>
      ) : null}
      {created ? (
        <Alert type="warning">
          <Heading2>{t.tokens.createdTitle}</Heading2>
          <Paragraph>{t.tokens.createdHint}</Paragraph>
          <Paragraph>
            <code className="pp-code">{created.token}</code>
          </Paragraph>
          <Paragraph>{t.tokens.expiresAt(formatDateTime(lang, created.expiresAt))}</Paragraph>
        </Alert>
      ) : null}
      {adding ? (
        <TokenForm
          onDone={(c) => {
            setAdding(false);
            setCreated(c);
            reload();
          }}
          onCancel={() => setAdding(false)}
        />
      ) : (
        <Button
          appearance="secondary-action-button"
          onClick={() => {
            setCreated(undefined);
            setNotice(undefined);
            setAdding(true);
          }}
        >
          {t.tokens.add}
        </Button>
      )}
      <Heading2>{t.tokens.mine}</Heading2>
      <TokenTable
        caption={t.tokens.mine}
        load={mine}
        empty={t.tokens.emptyMine}
        showUser={false}
        onRevoke={revoke('/api/auth/tokens')}
      />
      {seesAll ? (
        <>
          <Heading2>{t.tokens.all}</Heading2>
          <Paragraph>{t.tokens.allIntro}</Paragraph>
          <TokenTable
            caption={t.tokens.all}
            load={all}
            empty={t.tokens.emptyAll}
            showUser
            onRevoke={can('users:write') ? revoke('/api/tokens') : undefined}
          />
        </>
      ) : null}
    </>
  );
};
