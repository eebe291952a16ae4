import { Button, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/index.js';
import { routeForPath } from '../routes.js';
import { useRouter } from '../router.js';
import { useSession } from '../session.js';
import { AppLink } from './AppLink.js';
import { HealthBanner } from './HealthBanner.js';
import { LanguageToggle } from './LanguageToggle.js';
import { MainNav } from './MainNav.js';
import { ShellFrame } from './ShellFrame.js';

/** Header with the user menu, the main navigation (by permission) and the main landmark. */
export const AppShell = ({ children }: { children: ReactNode }) => {
  const { t } = useI18n();
  const router = useRouter();
  const session = useSession();
  const current = routeForPath(router.path)?.route;
  // On a phone the menus fold behind one button, so the page (the alarm button) fills the screen.
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => setMenuOpen(false), [router.path]);
  const folded = menuOpen ? 'pp-open' : 'pp-folded';
  return (
    <ShellFrame
      brand={<AppLink href="/">{t.appName}</AppLink>}
      menu={
        <>
          <Button
            appearance="secondary-action-button"
            className="pp-menu-toggle"
            aria-expanded={menuOpen}
            aria-controls="pp-user-menu pp-main-nav"
            onClick={() => setMenuOpen((o) => !o)}
          >
            {menuOpen ? t.menuClose : t.menuOpen}
          </Button>
          <nav id="pp-user-menu" aria-label={t.userMenu} className={`pp-user-menu ${folded}`}>
            <Paragraph appearance="small">{t.loggedInAs(session.me.user.displayName)}</Paragraph>
            <AppLink href="/password" aria-current={current?.key === 'password' ? 'page' : undefined}>
              {t.nav.password}
            </AppLink>
            {session.me.permissions.includes('tokens:own') ? (
              <AppLink href="/tokens" aria-current={current?.key === 'tokens' ? 'page' : undefined}>
                {t.nav.tokens}
              </AppLink>
            ) : null}
            <LanguageToggle />
            <Button appearance="secondary-action-button" onClick={() => void session.logout()}>
              {t.logout}
            </Button>
          </nav>
        </>
      }
      nav={<MainNav permissions={session.me.permissions} current={current?.key} className={folded} />}
      mainClassName="pp-main"
    >
      <HealthBanner />
      {children}
    </ShellFrame>
  );
};
