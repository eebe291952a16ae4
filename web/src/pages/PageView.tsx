import type { ReactNode } from 'react';
import { mayOpen, routeForPath, type PageKey } from '../routes.js';
import { useRouter } from '../router.js';
import { useSession } from '../session.js';
import { AuditPage } from './AuditPage.js';
import { CamerasPage } from './CamerasPage.js';
import { ConsolePage } from './ConsolePage.js';
import { ConversationTypesPage } from './ConversationTypesPage.js';
import { IncidentsPage } from './IncidentsPage.js';
import { NoAccessPage } from './NoAccessPage.js';
import { NotFoundPage } from './NotFoundPage.js';
import { OrganisationPage } from './OrganisationPage.js';
import { PanicPage } from './PanicPage.js';
import { PasswordPage } from './PasswordPage.js';
import { ReportPage } from './ReportPage.js';
import { RoomsPage } from './RoomsPage.js';
import { SettingsPage } from './SettingsPage.js';
import { SitesPage } from './SitesPage.js';
import { StatisticsPage } from './StatisticsPage.js';
import { StartPage } from './StartPage.js';
import { UsersPage } from './UsersPage.js';

const render = (key: PageKey): ReactNode => {
  switch (key) {
    case 'start':
      return <StartPage />;
    case 'sites':
      return <SitesPage />;
    case 'rooms':
      return <RoomsPage />;
    case 'conversationTypes':
      return <ConversationTypesPage />;
    case 'cameras':
      return <CamerasPage />;
    case 'users':
      return <UsersPage />;
    case 'organisation':
      return <OrganisationPage />;
    case 'settings':
      return <SettingsPage />;
    case 'audit':
      return <AuditPage />;
    case 'password':
      return <PasswordPage />;
    case 'panic':
      return <PanicPage />;
    case 'console':
      return <ConsolePage />;
    case 'incidents':
      return <IncidentsPage />;
    case 'report':
      return <ReportPage />;
    case 'statistics':
      return <StatisticsPage />;
  }
};

/** The page for the current path, or "no access" when the user's permissions do not cover it. */
export const PageView = () => {
  const { path } = useRouter();
  const { me } = useSession();
  const route = routeForPath(path);
  if (!route) return <NotFoundPage />;
  if (!mayOpen(route, me.permissions)) return <NoAccessPage />;
  return <div key={route.key}>{render(route.key)}</div>;
};
