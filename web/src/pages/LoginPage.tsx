import {
  Alert,
  ButtonLink,
  Heading2,
  Paragraph,
  PrimaryActionButton,
} from '@utrecht/component-library-react';
import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, api, type Me, type OidcInfo } from '../api.js';
import { LanguageToggle } from '../components/LanguageToggle.js';
import { PageTitle } from '../components/PageTitle.js';
import { ShellFrame } from '../components/ShellFrame.js';
import { TextField } from '../components/TextField.js';
import { problemText, requireFields } from '../hooks.js';
import { formatDateTime, useI18n } from '../i18n/index.js';

export const LoginPage = ({ onLoggedIn }: { onLoggedIn: (me: Me) => void }) => {
  const { t, lang } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Readonly<Record<string, string>>>({});
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [oidc, setOidc] = useState<OidcInfo | undefined>(undefined);

  useEffect(() => {
    api.get<OidcInfo>('/api/auth/oidc').then(setOidc, () => setOidc(undefined));
  }, []);

  const failureText = (e: unknown): string => {
    if (e instanceof ApiError) {
      switch (e.status) {
        case 401:
          return t.login.wrongPassword;
        case 423: {
          const until = e.problem.details?.lockedUntil;
          return t.login.locked(typeof until === 'string' ? formatDateTime(lang, until) : '');
        }
        case 429:
          return t.login.rateLimited;
        case 403:
          return e.problem.code === 'AUTH.DISABLED' ? t.login.disabled : problemText(t, e);
        default:
          return problemText(t, e);
      }
    }
    return problemText(t, e);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const missing = requireFields(t, { 'login-username': username, 'login-password': password });
    setFieldErrors(missing.fields);
    if (Object.keys(missing.fields).length > 0) {
      setFailure(undefined);
      document.getElementById(Object.keys(missing.fields)[0] ?? '')?.focus();
      return;
    }
    setBusy(true);
    try {
      const me = await api.post<Me>('/api/auth/login', { username, password });
      onLoggedIn(me);
    } catch (err) {
      setFailure(failureText(err));
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <ShellFrame
      brand={t.appName}
      menu={
        <div className="pp-user-menu">
          <LanguageToggle />
        </div>
      }
      mainClassName="pp-main pp-main--narrow"
    >
      <PageTitle>{t.login.title}</PageTitle>
      <Paragraph>{t.login.intro}</Paragraph>
      {failure ? (
        <Alert type="error">
          <Heading2>{t.login.failedTitle}</Heading2>
          <Paragraph>{failure}</Paragraph>
        </Alert>
      ) : null}
      <form onSubmit={(e) => void submit(e)} noValidate className="pp-form">
        <TextField
          id="login-username"
          label={t.login.username}
          value={username}
          onChange={setUsername}
          autoComplete="username"
          required
          error={fieldErrors['login-username']}
        />
        <TextField
          id="login-password"
          label={t.login.password}
          type="password"
          value={password}
          onChange={setPassword}
          autoComplete="current-password"
          required
          error={fieldErrors['login-password']}
        />
        <PrimaryActionButton type="submit" busy={busy} disabled={busy}>
          {t.login.submit}
        </PrimaryActionButton>
      </form>
      {oidc?.enabled ? (
        <>
          <Paragraph>{t.login.or}</Paragraph>
          <ButtonLink href="/api/auth/oidc/start" appearance="secondary-action-button">
            {t.login.withProvider(oidc.label ?? 'OpenID Connect')}
          </ButtonLink>
        </>
      ) : null}
    </ShellFrame>
  );
};
