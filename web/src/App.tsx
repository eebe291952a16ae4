import { Document } from '@utrecht/component-library-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, api, setCsrfToken, type Me } from './api.js';
import { AppShell } from './components/AppShell.js';
import { Loading } from './components/Loading.js';
import { DICTIONARIES, I18nContext, isLanguage, type I18n, type Language } from './i18n/index.js';
import { PageView } from './pages/PageView.js';
import { LoginPage } from './pages/LoginPage.js';
import { mayLeave, RouterContext, type Router } from './router.js';
import { SessionContext, type Session } from './session.js';

const LANG_KEY = 'proportio.lang';

const initialLanguage = (): Language => {
  try {
    const stored = window.localStorage.getItem(LANG_KEY);
    return isLanguage(stored) ? stored : 'nl';
  } catch {
    return 'nl';
  }
};

export const App = () => {
  const [lang, setLangState] = useState<Language>(initialLanguage);
  const [path, setPath] = useState(() => window.location.pathname);
  const [search, setSearch] = useState(() => window.location.search);
  const [navigations, setNavigations] = useState(0);
  const [flash, setFlash] = useState<string | undefined>(undefined);
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  /** The address on screen, to return to when a guard keeps the user on it after Back. */
  const shown = useRef(window.location.pathname + window.location.search);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  useEffect(() => {
    const onPop = () => {
      // Back or forward away from unsaved input: if the user stays, the address goes back too.
      if (!mayLeave(window.location.pathname)) {
        window.history.pushState(null, '', shown.current);
        return;
      }
      shown.current = window.location.pathname + window.location.search;
      setPath(window.location.pathname);
      setSearch(window.location.search);
      setFlash(undefined);
      setNavigations((n) => n + 1);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  useEffect(() => {
    api.get<Me>('/api/auth/me').then(
      (m) => {
        setCsrfToken(m.csrfToken);
        setMe(m);
      },
      () => setMe(null),
    );
  }, []);

  const i18n = useMemo<I18n>(
    () => ({
      lang,
      t: DICTIONARIES[lang],
      setLang: (l) => {
        setLangState(l);
        try {
          window.localStorage.setItem(LANG_KEY, l);
        } catch {
          // Private mode: the choice lasts for this page only.
        }
      },
    }),
    [lang],
  );

  const router = useMemo<Router>(
    () => ({
      path,
      search,
      navigations,
      flash,
      navigate: (to, text, options) => {
        const url = new URL(to, window.location.origin);
        if (!mayLeave(url.pathname)) return;
        const address = url.pathname + url.search;
        if (address !== window.location.pathname + window.location.search)
          window.history.pushState(null, '', address);
        shown.current = address;
        setPath(url.pathname);
        setSearch(url.search);
        setFlash(text);
        if (options?.sameScreen !== true) setNavigations((n) => n + 1);
      },
    }),
    [path, search, navigations, flash],
  );

  const expired = useCallback(() => {
    setCsrfToken(null);
    setMe(null);
  }, []);

  const session = useMemo<Session | null>(
    () =>
      me
        ? {
            me,
            can: (p) => me.permissions.includes(p),
            logout: async () => {
              try {
                await api.post<void>('/api/auth/logout');
              } catch (e) {
                if (!(e instanceof ApiError)) throw e;
              }
              expired();
              router.navigate('/');
            },
            expired,
          }
        : null,
    [me, expired, router],
  );

  const onLoggedIn = (m: Me) => {
    setCsrfToken(m.csrfToken);
    setMe(m);
    setNavigations((n) => n + 1);
  };

  return (
    <I18nContext.Provider value={i18n}>
      <RouterContext.Provider value={router}>
        <Document>
          {me === undefined ? (
            <main id="main" className="pp-main">
              <Loading />
            </main>
          ) : session === null ? (
            <LoginPage onLoggedIn={onLoggedIn} />
          ) : (
            <SessionContext.Provider value={session}>
              <AppShell>
                <PageView />
              </AppShell>
            </SessionContext.Provider>
          )}
        </Document>
      </RouterContext.Provider>
    </I18nContext.Provider>
  );
};
